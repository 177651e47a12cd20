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

    /** The VCF ID column (and the store's id): each ALT's {@link #id}, joined by {@code ;}. */
    String ids() {
        StringBuilder id = new StringBuilder();
        for (int a = 0; a < alts.length; a++) id.append(a == 0 ? "" : ";").append(id(a));
        return id.toString();
    }
}
