package org.rareset.core.formats;

/**
 * Where a gene is and what it is called, for the result columns {@code gene_name chrom start end}.
 * Unknown parts are null (name, chrom) or -1 (start, end).
 *
 * @param start 1-based first base of the gene body, inclusive
 * @param end   1-based last base, inclusive
 */
public record GeneInfo(String name, String chrom, long start, long end) {
    public static final GeneInfo UNKNOWN = new GeneInfo(null, null, -1, -1);

    /** Gene information by the results' gene column. */
    @FunctionalInterface
    public interface Lookup {
        /** Never null: {@link #UNKNOWN} for a gene it does not know. */
        GeneInfo of(String gene);

        Lookup NONE = g -> UNKNOWN;
    }
}
