package org.rareset.association.pvalue;

/**
 * Cauchy combination (ACAT, Liu and Xie 2020): T = sum_i a_i tan((0.5 - p_i) pi) with sum a_i = 1,
 * p = P(Cauchy > T), computed as an upper tail (atan(1/T)/pi for T > 0) and in log space when
 * the inputs are tiny, so that nothing underflows.
 */
public final class Cauchy {
    private Cauchy() {}

    /** log10 P(C > t) for a standard Cauchy C. */
    public static double log10Upper(double t) {
        throw new UnsupportedOperationException("Cauchy not implemented yet");
    }

    /**
     * log10 of the ACAT p-value of the given p-values (as log10) with weights (normalised here).
     *
     * @param tinyThreshold p below this enter as a_i / (p_i pi) (REGENIE 1e-15, R ACAT 1e-16)
     * @param cap           p above this are capped to it first (REGENIE ACAT-V 0.999); 1 for none
     */
    public static double log10Combine(double[] log10P, double[] weights, double tinyThreshold, double cap) {
        throw new UnsupportedOperationException("Cauchy not implemented yet");
    }
}
