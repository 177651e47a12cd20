package org.rareset.association.pvalue;

/**
 * Kuonen (1999) saddlepoint approximation (Lugannani-Rice) of P(Q > q) for Q = sum_j lambda_j chi2_1,
 * in log space. Accurate in the far tail where Davies' absolute error is useless.
 */
public final class SaddlePoint {
    private SaddlePoint() {}

    /** log10 P(Q > q); NaN when the approximation is not defined (q at the mean). */
    public static double log10Upper(double q, double[] lambda) {
        throw new UnsupportedOperationException("saddlepoint not implemented yet");
    }
}
