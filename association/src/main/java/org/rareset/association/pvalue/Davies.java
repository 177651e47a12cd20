package org.rareset.association.pvalue;

/**
 * Davies (1980) algorithm AS 155 for the distribution of Q = sum_j lambda_j chi2(n_j, delta_j) +
 * sigma N(0,1), by numerical inversion of the characteristic function; a port of the logic of
 * {@code qfc.c} (as used by R SKAT and CompQuadForm). Its error bound {@code acc} is absolute,
 * so it cannot resolve tail probabilities much below acc: see {@link MixtureTail}.
 */
public final class Davies {
    private Davies() {}

    /**
     * Result of one evaluation.
     *
     * @param upper  P(Q > q) = 1 - qfc's distribution function value
     * @param ifault 0 ok; 1 required accuracy not achieved; 2 round-off possibly significant;
     *               3 invalid parameters; 4 unable to locate integration parameters (term limit)
     * @param terms  integration terms used
     */
    public record Result(double upper, int ifault, int terms) {}

    /** Upper tail of a central mixture sum_j lambda_j chi2_1 at q. */
    public static Result upperTail(double q, double[] lambda, double acc, int lim) {
        throw new UnsupportedOperationException("Davies not implemented yet");
    }
}
