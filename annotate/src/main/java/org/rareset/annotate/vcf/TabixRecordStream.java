package org.rareset.annotate.vcf;

import htsjdk.tribble.index.Block;
import htsjdk.tribble.index.tabix.TabixIndex;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * Records of a bgzipped VCF inside regions: the tabix index gives the first BGZF virtual offset
 * that can hold a region's records; lines are read from there with {@link BgzfLineSource} and
 * decoded by {@link VcfLineDecoder} until the records pass the region's end (the file is sorted).
 * Records are kept when their POS lies in the region.
 */
final class TabixRecordStream implements RecordStream {
    private final Path file;
    private final List<String> samples;
    private final VcfLineDecoder decoder;
    private final TabixIndex index;
    private final SeekableBgzfChunkReader chunks;
    private final BgzfLineSource lines;
    private final Iterator<GenomicRegion> regions;
    private GenomicRegion region;
    private String where;

    /** @param regions regions with contigs spelled as in the file, in file order */
    TabixRecordStream(Path file, TabixIndex index, RegionSet regions) {
        this.file = file;
        this.chunks = new SeekableBgzfChunkReader(file);
        this.lines = new BgzfLineSource(chunks);
        try {
            this.samples = VcfHeader.read(file, lines).samples;
            this.index = index;
        } catch (RuntimeException e) {
            lines.close();
            throw e;
        }
        this.decoder = new VcfLineDecoder(file, samples.size());
        this.regions = regions.regions().iterator();
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
        while (true) {
            if (region != null && lines.next()) {
                if (lines.lineEnd() == lines.lineStart()) continue;
                decoder.site(lines.buffer(), lines.lineStart(), lines.lineEnd(), where);
                if (!decoder.chrom().equals(region.chrom()) || decoder.pos() > region.end()) {
                    region = null;
                    continue;
                }
                if (decoder.pos() < region.start()) continue;
                return true;
            }
            if (!regions.hasNext()) return false;
            region = regions.next();
            where = "a record in region " + region;
            List<Block> blocks = index.getBlocks(region.chrom(), region.start(), region.end());
            if (blocks.isEmpty()) {
                region = null;
                continue;
            }
            long first = Long.MAX_VALUE;
            for (Block b : blocks) first = Math.min(first, b.getStartPosition());
            chunks.seek(first);
            lines.discard();
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
        return "record " + decoder.chrom() + ":" + decoder.pos();
    }

    @Override
    public void close() {
        lines.close();
    }
}
