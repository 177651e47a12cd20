package org.rareset.association.mask;

import org.rareset.core.formats.CaseControlCounts;
import org.rareset.association.genotype.GeneGenotypes;

/**
 * The genotypes one gene contributes to one mask for one trait, ready for the tests.
 *
 * @param genotypes  sparse genotype columns over the analysed samples; ultra-rare variants
 *                   collapsed into one pseudo-variant (the last column) when collapsing is on
 * @param weights    one weight per column
 * @param nVariants  variants in the mask before collapsing
 * @param mac        sum over those variants of the minor allele count in the analysed samples
 * @param nCarriers  analysed samples carrying at least one minor allele of them
 * @param nCollapsed how many of them went into the pseudo-variant (0 = none)
 * @param caseControl minor alleles and carriers among cases and controls (binary traits)
 */
public record MaskedGene(String gene, String mask, GeneGenotypes genotypes, double[] weights,
                         int nVariants, double mac, int nCarriers, int nCollapsed, CaseControlCounts caseControl) {
    public MaskedGene(String gene, String mask, GeneGenotypes genotypes, double[] weights,
                      int nVariants, double mac, int nCarriers, int nCollapsed) {
        this(gene, mask, genotypes, weights, nVariants, mac, nCarriers, nCollapsed, CaseControlCounts.NONE);
    }

    /**
     * The mean weight per minor allele of the mask's columns, sum_j w_j mac_j / sum_j mac_j: one
     * allele of a variant of this weight adds this much to the weighted burden. NaN without alleles.
     */
    public double alleleWeightedMeanWeight() {
        double num = 0, den = 0;
        for (int j = 0; j < weights.length; j++) {
            double m = genotypes.column(j).mac();
            num += weights[j] * m;
            den += m;
        }
        return den > 0 ? num / den : Double.NaN;
    }
}
