package org.rareset.association.mask;

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
 */
public record MaskedGene(String gene, String mask, GeneGenotypes genotypes, double[] weights,
                         int nVariants, double mac, int nCarriers, int nCollapsed) {
}
