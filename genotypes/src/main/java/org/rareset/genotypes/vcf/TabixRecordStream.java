package org.rareset.genotypes.vcf;

import java.nio.file.Path;
import java.util.Iterator;
import org.rareset.core.bgzf.BgzfLineSource;
import org.rareset.core.bgzf.SeekableBgzfChunkReader;
import org.rareset.core.region.GenomicRegion;
import org.rareset.core.region.RegionIndex;
import org.rareset.core.region.RegionSet;
import org.rareset.core.region.StaleIndex;

/**
 * Records of a bgzipped VCF inside regions: the tabix or CSI index gives the first BGZF virtual offset
 * that can hold a region's records; lines are read from there with {@link BgzfLineSource} and
 * decoded by {@link VcfLineDecoder} until the records pass the region's end (the file is sorted).
 * Records are kept when their POS lies in the region.
 */
final class TabixRecordStream extends DecodedLineStream {
    private final Path indexFile;
    private final RegionIndex index;
    private final SeekableBgzfChunkReader chunks;
    private final Iterator<GenomicRegion> regions;
    private GenomicRegion region;
    private String where;

    /** @param regions regions with contigs spelled as in the file, in file order */
    TabixRecordStream(Path file, Path indexFile, RegionIndex index, RegionSet regions) {
        this(file, indexFile, index, regions, new SeekableBgzfChunkReader(file));
    }

    private TabixRecordStream(Path file, Path indexFile, RegionIndex index, RegionSet regions, SeekableBgzfChunkReader chunks) {
        super(file, new BgzfLineSource(chunks));
        this.chunks = chunks;
        this.indexFile = indexFile;
        this.index = index;
        this.regions = regions.regions().iterator();
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
            long first = index.firstOffset(region.chrom(), region.start(), region.end());
            if (first < 0) {
                region = null;
                continue;
            }
            StaleIndex.checkOffset(file, indexFile, first);
            chunks.seek(first);
            lines.discard();
        }
    }

    @Override
    public String location() {
        return "record " + decoder.chrom() + ":" + decoder.pos();
    }
}
