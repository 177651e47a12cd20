package org.rareset.association.gene;

/**
 * Outcome of one gene-based test for one gene and trait.
 *
 * @param test       test name ({@code burden}, {@code skat}, {@code skato}, {@code acatv}, {@code acato}, ...)
 * @param nVariants  number of variants (columns) tested
 * @param mac        minor allele count summed over the variants, over the analysed samples
 *                   (mean-imputed missing calls contribute their expected count)
 * @param nCarriers  samples carrying at least one minor allele of the gene's variants
 * @param beta       effect estimate per unit of the (weighted) burden where the test defines one, else NaN
 * @param se         standard error of {@code beta}, else NaN
 * @param log10P     log10 of the p-value; carried in log space so that p below 1e-308 stays finite
 */
public record GeneResult(String test, int nVariants, double mac, int nCarriers,
                         double beta, double se, double log10P) {

    /** The p-value itself; 0 when it underflows a double (use {@link #log10P()} instead). */
    public double pValue() {
        return Math.pow(10.0, log10P);
    }
}
