package org.rareset.association.run;

/**
 * One line of the results: one phenotype x gene x mask x test.
 *
 * @param mac    minor allele count summed over the mask's variants in the analysed samples
 * @param beta   effect per unit of the weighted burden where the test defines one, else NaN
 * @param log10P log10 of the p-value, exact even where p underflows a double
 */
public record ResultRow(String phenotype, String gene, String mask, String test, int nVariants, double mac,
                        int nCarriers, double beta, double se, double log10P) {

    public static final String[] COLUMNS = {"phenotype", "gene", "mask", "test", "n_variants", "mac", "n_carriers",
            "beta", "se", "pval", "log10p"};
}
