package org.rareset.annotate.vcf;

import java.nio.file.Path;
import java.util.List;

/** Records of a whole VCF text file, through {@link BgzfLineSource} and {@link VcfLineDecoder}. */
final class TextRecordStream implements RecordStream {
    private final Path file;
    private final BgzfLineSource lines;
    private final VcfHeader header;
    private final VcfLineDecoder decoder;
    private final RegionSet filter;

    /** @param filter keep only records whose POS is in these regions; null keeps all */
    TextRecordStream(Path file, int threads, RegionSet filter) {
        this.file = file;
        this.filter = filter;
        this.lines = new BgzfLineSource(file, threads);
        try {
            this.header = VcfHeader.read(file, lines);
        } catch (RuntimeException e) {
            lines.close();
            throw e;
        }
        this.decoder = new VcfLineDecoder(file, header.samples.size());
    }

    @Override
    public List<String> headerSamples() {
        return header.samples;
    }

    List<String> headerContigs() {
        return header.contigs;
    }

    @Override
    public void select(SampleSelection selection) {
        decoder.select(selection);
    }

    @Override
    public boolean advance() {
        while (lines.next()) {
            if (lines.lineEnd() == lines.lineStart()) continue;
            decoder.site(lines.buffer(), lines.lineStart(), lines.lineEnd(), "line " + lines.lineNumber());
            if (filter != null && !filter.contains(decoder.chrom(), decoder.pos())) continue;
            return true;
        }
        return false;
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
        lines.close();
    }
}
