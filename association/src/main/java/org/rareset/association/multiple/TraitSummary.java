package org.rareset.association.multiple;

/**
 * Multiple-testing summary of one phenotype x test family (its genes x masks).
 *
 * @param lambda                    genomic inflation factor
 * @param bonferroniLog10Threshold  log10 of alpha / n_tests
 * @param nBonferroni               tests significant after Bonferroni at alpha
 * @param nBenjaminiHochberg        tests with a Benjamini-Hochberg q at most alpha
 */
public record TraitSummary(String phenotype, String test, int nTests, double lambda, double bonferroniLog10Threshold,
                           int nBonferroni, int nBenjaminiHochberg) {
}
