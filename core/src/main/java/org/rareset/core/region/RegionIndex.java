package org.rareset.core.region;

import htsjdk.tribble.index.Block;
import htsjdk.tribble.index.tabix.TabixIndex;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What a region read needs from an index: the contigs, and where in the BGZF file to start. */
public interface RegionIndex {
    List<String> contigs();

    /**
     * The smallest virtual file offset at which a record overlapping {@code [start, end]}
     * (1-based, inclusive) on {@code contig} can start, or -1 when the index says there is none.
     */
    long firstOffset(String contig, int start, int end);

    /** The tabix ({@code .tbi}) or else CSI ({@code .csi}) index beside a bgzipped file; null when it has neither. */
    static RegionIndex beside(Path file) throws IOException {
        Path tbi = Path.of(file + ".tbi");
        if (Files.isRegularFile(tbi)) return readTabix(tbi);
        Path csi = Path.of(file + ".csi");
        if (Files.isRegularFile(csi)) return CsiIndex.read(csi);
        return null;
    }

    /** True when a tabix or CSI index lies beside {@code file}. */
    static boolean existsBeside(Path file) {
        return Files.isRegularFile(Path.of(file + ".tbi")) || Files.isRegularFile(Path.of(file + ".csi"));
    }

    /**
     * Reads a tabix index with htsjdk after checking its structure, so a damaged one is a message, not
     * an allocation failure; htsjdk reads the bytes the check decompressed, not the file again.
     */
    static RegionIndex readTabix(Path tbi) throws IOException {
        return of(new TabixIndex(new ByteArrayInputStream(IndexBytes.checkTabix(tbi))));
    }

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
