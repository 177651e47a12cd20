package org.rareset.report;

/**
 * One association result: phenotype x gene x mask x test, as {@code rareset assoc} writes it.
 *
 * @param log10P log10 of the p-value (0 or negative), carried so that p-values below 1e-300 stay exact
 */
public record ResultRow(String phenotype, String gene, String mask, String test,
                        int nVariants, double mac, int nCarriers,
                        double beta, double se, double pval, double log10P) {

    /** -log10 p, the height used in plots. */
    public double minusLog10P() {
        return -log10P;
    }

    /** The label of the method that produced this row: the test, or test/mask when masks differ. */
    public String method(boolean withMask) {
        return withMask ? test + "/" + mask : test;
    }
}
