package org.rareset.core.formats;

/**
 * One line of the association results ({@link ResultFile}): one phenotype x gene x mask x test, as
 * {@code rareset assoc} computes it and as every later stage (report, merge, DeepRVAT export) reads it
 * back.
 *
 * @param mac           minor allele count summed over the mask's variants in the analysed samples
 * @param caseControl   minor alleles and carriers among cases and controls (binary traits), else
 *                      {@link CaseControlCounts#NONE}
 * @param beta          effect per unit of the test's burden where the test defines one, else NaN;
 *                      for the weighted burden one unit is one minor allele of weight 1, so a
 *                      singleton under Beta(1, 25) weights adds about 25 units
 * @param betaPerAllele the burden effect per minor allele of a variant of the mask's average weight
 *                      (see {@code AssociationRun}), NaN for tests without an effect size
 * @param log10P        log10 of the p-value, exact even where p underflows a double; written as
 *                      {@code neg_log10p} = -log10 p
 */
public record ResultRow(String phenotype, String gene, String mask, String test, int nVariants, double mac,
                        int nCarriers, CaseControlCounts caseControl, double beta, double se, double betaPerAllele,
                        double log10P) {

    /** A row without case/control counts or per-allele effect (score tests, gene-level rows). */
    public ResultRow(String phenotype, String gene, String mask, String test, int nVariants, double mac,
                     int nCarriers, double beta, double se, double log10P) {
        this(phenotype, gene, mask, test, nVariants, mac, nCarriers, CaseControlCounts.NONE, beta, se, Double.NaN, log10P);
    }

    /** p = 10^log10P; 0 below about 1e-308, where only {@link #log10P} stays exact. */
    public double pval() {
        return Math.pow(10, log10P);
    }
}
