package org.rareset.core.region;

/** Contig naming: {@code 1} and {@code chr1} denote the same contig in every input. */
public final class Contigs {
    private Contigs() {}

    /** The name without a leading {@code chr}, so {@code chr1}, {@code Chr1} and {@code 1} compare equal. */
    public static String canonical(String contig) {
        if (contig.length() > 3 && contig.regionMatches(true, 0, "chr", 0, 3)) return contig.substring(3);
        return contig;
    }

    public static boolean same(String a, String b) {
        return canonical(a).equals(canonical(b));
    }
}
