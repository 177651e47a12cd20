package org.rareset.association.pvalue;

/**
 * Cauchy combination (ACAT, Liu and Xie 2020): T = sum_i a_i tan((0.5 - p_i) pi) with sum a_i = 1,
 * p = P(Cauchy > T), computed as an upper tail (atan(1/T)/pi for T > 0) and in log space when
 * the inputs are tiny, so that nothing underflows.
 */
public final class Cauchy {
    private static final double LN10 = Math.log(10);
    private static final double LOG10_PI = Math.log10(Math.PI);

    private Cauchy() {}

    /**
     * tan((0.5 - p) pi), as cot(p pi) for small p: 0.5 - p would round away the digits of p
     * (4% error at p = 3e-15).
     */
    static double cauchyQuantile(double p) {
        return p < 0.25 ? 1.0 / Math.tan(p * Math.PI) : Math.tan((0.5 - p) * Math.PI);
    }

    /** log10 P(C > t) for a standard Cauchy C. */
    public static double log10Upper(double t) {
        if (Double.isNaN(t)) return Double.NaN;
        if (t > 1e15) return -Math.log10(t) - LOG10_PI;
        if (t > 0) return Math.log10(Math.atan(1 / t) / Math.PI);
        return Math.log10(0.5 + Math.atan(-t) / Math.PI);
    }

    /**
     * log10 of the ACAT p-value of the given p-values (as log10) with weights (normalised here).
     *
     * @param tinyThreshold p below this enter as a_i / (p_i pi) (REGENIE 1e-15, R ACAT 1e-16)
     * @param cap           p above this are capped to it first (REGENIE ACAT-V 0.999); 1 for none
     */
    public static double log10Combine(double[] log10P, double[] weights, double tinyThreshold, double cap) {
        if (log10P.length != weights.length) throw new IllegalArgumentException("p-values and weights differ in length");
        double wsum = 0;
        for (double w : weights) {
            if (!(w >= 0)) throw new IllegalArgumentException("negative ACAT weight " + w);
            wsum += w;
        }
        if (!(wsum > 0)) return Double.NaN;
        double log10Tiny = Math.log10(tinyThreshold);
        double log10Cap = Math.log10(cap);
        double moderate = 0;
        // terms a/(p pi) kept as natural logs to survive p far below 1e-308
        double logMax = Double.NEGATIVE_INFINITY;
        double[] logTerms = new double[log10P.length];
        int nTiny = 0;
        for (int i = 0; i < log10P.length; i++) {
            double a = weights[i] / wsum;
            if (a == 0) continue;
            double lp = log10P[i];
            if (Double.isNaN(lp)) return Double.NaN;
            if (lp > log10Cap) lp = log10Cap;
            if (lp < log10Tiny) {
                double lt = Math.log(a) - lp * LN10 - Math.log(Math.PI);
                logTerms[nTiny++] = lt;
                logMax = Math.max(logMax, lt);
            } else {
                moderate += a * cauchyQuantile(Math.pow(10, lp));
            }
        }
        if (nTiny == 0) return log10Upper(moderate);
        double s = 0;
        for (int i = 0; i < nTiny; i++) s += Math.exp(logTerms[i] - logMax);
        double logT;
        // T = exp(logMax) * s + moderate; the tiny terms exceed 1e15 / ... so T > 0 unless moderate is hugely negative
        if (logMax > 700) {
            logT = logMax + Math.log(s); // moderate terms are negligible at this scale (|moderate| < 1e17)
        } else {
            double t = Math.exp(logMax) * s + moderate;
            return log10Upper(t);
        }
        // P(C > T) = atan(1/T)/pi ~ 1/(T pi) for T > 1e15
        return -logT / LN10 - LOG10_PI;
    }
}
