package org.rareset.genotypes.vcf;

import java.util.HashSet;
import java.util.Set;
import org.rareset.core.InputException;

/**
 * Checks that positions arrive sorted as VCFs and stores need them: each contig in one block,
 * positions not decreasing within it (contigs themselves in any order).
 */
public final class ContigOrder {
    /** How a position relates to the ones before it. */
    public enum Step {
        /** On the current contig, at or after the last position. */
        SAME_CONTIG,
        /** The first position of a contig not seen before. */
        NEW_CONTIG,
        /** On a contig whose block already ended: out of order. */
        CONTIG_AGAIN,
        /** On the current contig, before the last position: out of order. */
        POSITION_BACK
    }

    private final Set<String> finished = new HashSet<>();
    private String contig;
    private int lastPos;

    /** Classifies {@code chrom:pos}; in order, it becomes the last position, otherwise nothing changes. */
    public Step next(String chrom, int pos) {
        if (chrom.equals(contig)) {
            if (pos < lastPos) return Step.POSITION_BACK;
            lastPos = pos;
            return Step.SAME_CONTIG;
        }
        if (finished.contains(chrom)) return Step.CONTIG_AGAIN;
        if (contig != null) finished.add(contig);
        contig = chrom;
        lastPos = pos;
        return Step.NEW_CONTIG;
    }

    /**
     * As {@link #next}, for a reader: a position out of order is an {@link InputException} naming the
     * file, where in it, both positions, and how to sort this format ({@code sortHint}).
     *
     * @param location where the variant is, e.g. "line 12" or "variant 12"
     */
    public void require(String chrom, int pos, java.nio.file.Path file, String location, String sortHint) {
        switch (next(chrom, pos)) {
            case POSITION_BACK -> throw new InputException(file.toString(), location,
                    "variants are not sorted: " + chrom + ":" + pos + " comes after " + chrom + ":" + lastPos, sortHint);
            case CONTIG_AGAIN -> throw new InputException(file.toString(), location,
                    "variants are not sorted: contig " + chrom + " appears again after " + contig, sortHint);
            default -> { }
        }
    }

    /** The contig of the last position in order, or null before the first. */
    public String contig() {
        return contig;
    }

    /** The last position in order. */
    public int lastPos() {
        return lastPos;
    }
}
