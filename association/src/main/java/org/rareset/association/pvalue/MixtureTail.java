package org.rareset.association.pvalue;

/**
 * Stringent upper tail of Q = sum_k lambda_k chi2_1 (all lambda_k > 0), with relative accuracy
 * down to far below 1e-300, as defined for the golden references: one eigenvalue: exact chi2_1;
 * two: direct convolution quadrature; otherwise Davies (acc 1e-9, lim 1e6) when it converges and
 * gives p >= 1e-5, else Fourier inversion of the moment generating function along the vertical
 * line through the saddlepoint (no cancellation, relative accuracy).
 */
public final class MixtureTail {
    private MixtureTail() {}

    /** log10 P(Q > q). */
    public static double log10Upper(double q, double[] lambda) {
        throw new UnsupportedOperationException("mixture tail not implemented yet");
    }
}
