package org.rareset.association.regression;

/**
 * Firth (1993) penalised logistic regression: maximises l(b) + 0.5 log|X'WX| (Jeffreys prior on the
 * full design), by Newton steps on the modified score sum_i (y_i - mu_i + h_i (0.5 - mu_i)) x_i with
 * step halving. The likelihood-ratio test of one coefficient compares the penalised likelihood with
 * that coefficient fixed at 0 (same full-design penalty, as logistf and REGENIE's exact Firth do).
 */
public final class FirthLogistic {
    private FirthLogistic() {}

    /**
     * Fit of the tested coefficient.
     *
     * @param beta       Firth estimate of the tested coefficient
     * @param se         Wald SE from the inverse penalised-model information at the estimate
     * @param log10PLrt  log10 p of the penalised likelihood-ratio test (chi2_1)
     * @param converged  whether both fits converged
     */
    public record Fit(double beta, double se, double log10PLrt, boolean converged) {}

    /**
     * Tests the last column of the design [X, b].
     *
     * @param y      0/1 outcome
     * @param x      covariates (n x p, intercept included)
     * @param tested the tested variable (e.g. a weighted burden), length n
     * @param offset logit-scale offset or null
     */
    public static Fit test(double[] y, double[][] x, double[] tested, double[] offset) {
        throw new UnsupportedOperationException("Firth not implemented yet");
    }
}
