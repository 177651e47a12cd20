package org.rareset.simulate;

/**
 * A simulated gene: BED coordinates (0-based start, exclusive end) and the number of variant sites
 * it was planned to carry (sites shared with an overlapping gene count for both).
 */
record SimGene(int index, String id, String name, int contig, String chrom, int start0, int end,
               char strand, int plannedVariants) {

    /** Whether a 1-based VCF position lies in the gene body. */
    boolean contains(int pos) {
        return pos > start0 && pos <= end;
    }
}
