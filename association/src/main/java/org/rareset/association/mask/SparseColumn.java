package org.rareset.association.mask;

/**
 * One genotype column of a mask over the analysed samples, sparse: {@code rows} (increasing
 * analysed-sample indexes) with their minor-allele dosages; every other sample has dosage 0.
 * Missing calls are mean-imputed ({@code 2 * maf}) and appear among the rows.
 *
 * @param id     variant identifier ({@code chrom:pos:ref:alt}, or {@code collapsed(k)} for the
 *               pseudo-variant of k ultra-rare variants)
 * @param maf    minor allele frequency in the analysed samples (called alleles)
 * @param mac    minor allele count in the analysed samples
 * @param weight the variant's weight
 */
public record SparseColumn(String id, int[] rows, double[] dosages, double maf, double mac, double weight) {
    public int entries() { return rows.length; }
}
