package org.rareset.annotate.vcf;

import htsjdk.tribble.index.Block;
import htsjdk.tribble.index.tabix.TabixIndex;
import java.util.List;

/** What a region read needs from an index: the contigs, and where in the BGZF file to start. */
interface RegionIndex {
    List<String> contigs();

    /**
     * The smallest virtual file offset at which a record overlapping {@code [start, end]}
     * (1-based, inclusive) on {@code contig} can start, or -1 when the index says there is none.
     */
    long firstOffset(String contig, int start, int end);

    static RegionIndex of(TabixIndex tabix) {
        return new RegionIndex() {
            @Override
            public List<String> contigs() {
                return tabix.getSequenceNames();
            }

            @Override
            public long firstOffset(String contig, int start, int end) {
                long first = -1;
                for (Block b : tabix.getBlocks(contig, start, end)) {
                    if (first < 0 || b.getStartPosition() < first) first = b.getStartPosition();
                }
                return first;
            }
        };
    }
}
