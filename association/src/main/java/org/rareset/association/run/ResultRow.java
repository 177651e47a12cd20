package org.rareset.association.run;

import org.rareset.association.mask.CaseControlCounts;

/**
 * One line of the results: one phenotype x gene x mask x test.
 *
 * @param mac           minor allele count summed over the mask's variants in the analysed samples
 * @param caseControl   minor alleles and carriers among cases and controls (binary traits), else
 *                      {@link CaseControlCounts#NONE}
 * @param beta          effect per unit of the test's burden where the test defines one, else NaN;
 *                      for the weighted burden one unit is one minor allele of weight 1, so a
 *                      singleton under Beta(1, 25) weights adds about 25 units
 * @param betaPerAllele the burden effect per minor allele of a variant of the mask's average weight
 *                      (see {@link AssociationRun}), NaN for tests without an effect size
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

    public static final String[] COLUMNS = {"phenotype", "gene", "gene_name", "chrom", "start", "end", "mask", "test",
            "n_variants", "mac", "n_carriers", "mac_case", "mac_control", "n_carriers_case", "n_carriers_control",
            "beta", "se", "beta_per_allele", "pval", "neg_log10p"};
}
