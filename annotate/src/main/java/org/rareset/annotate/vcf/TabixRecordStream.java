package org.rareset.annotate.vcf;

import htsjdk.tribble.readers.TabixReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * Records of a bgzipped VCF inside regions: htsjdk's {@link TabixReader} seeks to each region
 * through the index, and {@link VcfLineDecoder} decodes the lines. Records are kept when their POS
 * lies in the region.
 */
final class TabixRecordStream implements RecordStream {
    private final Path file;
    private final List<String> samples;
    private final VcfLineDecoder decoder;
    private final TabixReader reader;
    private final Iterator<GenomicRegion> regions;
    private GenomicRegion region;
    private TabixReader.Iterator it;

    /** @param regions regions with contigs spelled as in the file, in file order */
    TabixRecordStream(Path file, RegionSet regions) {
        this.file = file;
        try (BgzfLineSource lines = new BgzfLineSource(file, 1)) {
            this.samples = VcfHeader.read(file, lines).samples;
        }
        this.decoder = new VcfLineDecoder(file, samples.size());
        this.regions = regions.regions().iterator();
        this.reader = HtsjdkErrors.call(file, () -> {
            try {
                return new TabixReader(file.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public List<String> headerSamples() {
        return samples;
    }

    @Override
    public void select(SampleSelection selection) {
        decoder.select(selection);
    }

    @Override
    public boolean advance() {
        return HtsjdkErrors.call(file, this::advanceUnchecked);
    }

    private boolean advanceUnchecked() {
        try {
            while (true) {
                String line = it == null ? null : it.next();
                if (line == null) {
                    if (!regions.hasNext()) return false;
                    region = regions.next();
                    it = reader.query(region.chrom(), region.start() - 1, region.end());
                    continue;
                }
                byte[] b = line.getBytes(StandardCharsets.ISO_8859_1);
                int end = b.length;
                if (end > 0 && b[end - 1] == '\r') end--;
                int t1 = line.indexOf('\t');
                int t2 = t1 < 0 ? -1 : line.indexOf('\t', t1 + 1);
                String where = "record " + (t2 < 0 ? line.substring(0, Math.min(40, line.length())) : line.substring(0, t2).replace('\t', ':'));
                decoder.site(b, 0, end, where);
                if (decoder.pos() < region.start() || decoder.pos() > region.end()) continue;
                return true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override public String chrom() { return decoder.chrom(); }
    @Override public int pos() { return decoder.pos(); }
    @Override public String id() { return decoder.id(); }
    @Override public String ref() { return decoder.ref(); }
    @Override public List<String> alts() { return decoder.alts(); }
    @Override public boolean passes() { return decoder.passes(); }

    @Override
    public void decodeGenotypes(RecordCalls calls) {
        decoder.genotypes(calls);
    }

    @Override
    public String location() {
        return decoder.location();
    }

    @Override
    public void close() {
        reader.close();
    }
}
