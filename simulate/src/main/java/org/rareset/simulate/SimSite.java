package org.rareset.simulate;

/**
 * One VCF record to simulate: position, REF, one or two ALT alleles with their annotations and
 * population frequencies, and the genes (indexes into the gene list) whose body holds it.
 */
record SimSite(String chrom, int pos, String ref, String[] alts, AlleleAnnotation[] annotations,
               double[] frequencies, int[] genes) {

    int end() {
        return pos + ref.length() - 1;
    }

    /** {@code chrom:pos:ref:alt}, one per ALT. */
    String id(int allele) {
        return chrom + ":" + pos + ":" + ref + ":" + alts[allele];
    }
}
