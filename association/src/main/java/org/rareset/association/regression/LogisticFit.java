package org.rareset.association.regression;

/**
 * Result of {@link LogisticRegression#fit}: the coefficients, the fitted probabilities and IRLS
 * weights at them, the log-likelihood and penalised objective, and the inverse of the Newton matrix
 * (for no penalty and Firth the inverse Fisher information (X'WX)^-1, whose diagonal gives Wald SEs).
 */
public final class LogisticFit {
    private final LogisticRegression.Point point;
    private final int iterations;
    private final boolean converged;
    private double[][] covariance;

    LogisticFit(LogisticRegression.Point point, int iterations, boolean converged) {
        this.point = point;
        this.iterations = iterations;
        this.converged = converged;
    }

    LogisticRegression.Point point() {
        return point;
    }

    /** Coefficients (copy). */
    public double[] coefficients() {
        return point.b.clone();
    }

    /** Coefficient a. */
    public double coefficient(int a) {
        return point.b[a];
    }

    /** Fitted probabilities mu_i (copy). */
    public double[] fitted() {
        return point.fitted().clone();
    }

    /** IRLS weights mu_i (1 - mu_i), raised to the rules' floor (copy). */
    public double[] weights() {
        return point.weights().clone();
    }

    /** Log-likelihood l(b) without the penalty. */
    public double logLikelihood() {
        return point.logLikelihood();
    }

    /** Objective l(b) + pen(b) that the fit maximised. */
    public double objective() {
        return point.objective();
    }

    /** Newton steps taken. */
    public int iterations() {
        return iterations;
    }

    /** Whether the stopping rule was met within the iteration cap with finite, bounded coefficients. */
    public boolean converged() {
        return converged;
    }

    /**
     * Inverse Newton matrix at the estimate (computed on first call, then shared; do not modify).
     *
     * @throws SingularMatrixException if it is not positive definite
     */
    public double[][] covariance() {
        if (covariance == null) covariance = point.newtonFactor().inverse();
        return covariance;
    }

    /** Wald standard error sqrt([H^-1]_aa) of coefficient a. */
    public double standardError(int a) {
        return Math.sqrt(covariance()[a][a]);
    }
}
