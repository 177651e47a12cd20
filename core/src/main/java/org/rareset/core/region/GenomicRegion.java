package org.rareset.core.region;

import org.rareset.core.InputException;

/**
 * A 1-based, inclusive genomic interval {@code chrom:start-end}. A variant belongs to a region when
 * its POS lies inside it, so a record is never reported twice for adjacent regions.
 */
public record GenomicRegion(String chrom, int start, int end) implements Comparable<GenomicRegion> {

    public GenomicRegion {
        if (start < 1 || end < start) {
            throw new IllegalArgumentException("bad region " + chrom + ":" + start + "-" + end);
        }
    }

    /**
     * Parses {@code chr}, {@code chr:pos} or {@code chr:start-end} (1-based, inclusive; commas in
     * numbers allowed, as samtools and bcftools accept them).
     *
     * @throws InputException naming the text when it is not a region
     */
    public static GenomicRegion parse(String text) {
        String t = text.trim();
        int colon = t.lastIndexOf(':');
        if (colon < 0) return new GenomicRegion(t, 1, Integer.MAX_VALUE);
        String chrom = t.substring(0, colon);
        String range = t.substring(colon + 1).replace(",", "");
        try {
            int dash = range.indexOf('-');
            int start = Integer.parseInt(dash < 0 ? range : range.substring(0, dash));
            int end = dash < 0 ? start : dash == range.length() - 1 ? Integer.MAX_VALUE
                    : Integer.parseInt(range.substring(dash + 1));
            if (chrom.isEmpty() || start < 1 || end < start) throw new NumberFormatException();
            return new GenomicRegion(chrom, start, end);
        } catch (NumberFormatException e) {
            throw new InputException("--region", null, "'" + text + "' is not a region",
                    "write it as chrom:start-end with 1-based, inclusive positions, e.g. chr1:10000-20000");
        }
    }

    public boolean contains(String contig, int pos) {
        return pos >= start && pos <= end && Contigs.same(chrom, contig);
    }

    @Override
    public int compareTo(GenomicRegion o) {
        int c = Contigs.canonical(chrom).compareTo(Contigs.canonical(o.chrom));
        if (c != 0) return c;
        c = Integer.compare(start, o.start);
        return c != 0 ? c : Integer.compare(end, o.end);
    }

    @Override
    public String toString() {
        return chrom + ":" + start + "-" + (end == Integer.MAX_VALUE ? "" : Integer.toString(end));
    }
}
