package org.rareset.association.pvalue;

/** Standard normal tails in log space, via the chi-square(1) tail. */
public final class Normal {
    private Normal() {}

    /** ln P(Z > z). */
    public static double logUpper(double z) {
        if (z <= 0) return Math.log1p(-0.5 * Math.exp(ChiSquare.logUpper(z * z, 1)));
        return Math.log(0.5) + ChiSquare.logUpper(z * z, 1);
    }

    /** log10 P(|Z| > |z|). */
    public static double log10TwoSided(double z) {
        return ChiSquare.log10Upper(z * z, 1);
    }
}
