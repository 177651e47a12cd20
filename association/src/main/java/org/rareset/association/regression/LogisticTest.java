package org.rareset.association.regression;

/**
 * A test of one coefficient in a logistic regression, chosen as a strategy (the shape of Hail's
 * {@code logistic_regression_rows(test=...)}): the model is logit P(y = 1) = offset + X c + t beta
 * with covariates X (intercept included) and the tested column t, and H0 is beta = 0.
 * <ul>
 *   <li>{@link #WALD}: maximum likelihood, chi2 = (beta / se)^2 with se from (X'WX)^-1 at the estimate.</li>
 *   <li>{@link #LIKELIHOOD_RATIO}: chi2 = 2 (l(c, beta) - l(c0, 0)).</li>
 *   <li>{@link #FIRTH}: the same likelihood ratio of Firth-penalised fits (the penalty on the full
 *   design in both, R logistf's and REGENIE's exact Firth); beta and se from the penalised fit.</li>
 * </ul>
 * p-values are chi2 with 1 degree of freedom, carried as log10. Score tests live with the gene tests
 * (sparse, carriers only) and are not refitted here.
 */
public interface LogisticTest {
    /** Wald test of the maximum-likelihood estimate. */
    LogisticTest WALD = new WaldTest(FitRules.MAXIMUM_LIKELIHOOD);
    /** Likelihood-ratio test of maximum-likelihood fits. */
    LogisticTest LIKELIHOOD_RATIO = new LikelihoodRatioTest(Penalty.NONE, FitRules.MAXIMUM_LIKELIHOOD);
    /** Penalised likelihood-ratio test of Firth fits. */
    LogisticTest FIRTH = new LikelihoodRatioTest(Penalty.FIRTH, FitRules.FIRTH);

    /**
     * Outcome of one test.
     *
     * @param beta      estimate of the tested coefficient
     * @param se        its Wald standard error (inverse Newton matrix of the full fit)
     * @param chiSquare the test statistic (chi2, 1 df)
     * @param log10P    log10 of its upper-tail p
     * @param converged whether every fit the test needed converged
     */
    record Result(double beta, double se, double chiSquare, double log10P, boolean converged) {}

    /**
     * Tests the last column of the design [X, t].
     *
     * @param y               0/1 outcome
     * @param x               covariates (n x p, intercept included)
     * @param tested          the tested column t, length n
     * @param offset          logit-scale offset or null
     * @param startCovariates start for the covariate coefficients (e.g. the null model's) or null for 0
     * @throws SingularMatrixException if a fit meets a singular information matrix
     */
    Result test(double[] y, double[][] x, double[] tested, double[] offset, double[] startCovariates);

    /** The design [X, t] as dense rows. */
    static double[][] withTested(double[][] x, double[] tested) {
        int n = x.length;
        int p = x[0].length;
        if (tested.length != n) throw new IllegalArgumentException("tested column has " + tested.length + " entries for " + n + " samples");
        double[][] design = new double[n][p + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x[i], 0, design[i], 0, p);
            design[i][p] = tested[i];
        }
        return design;
    }

    /** Wald SE of coefficient a, NaN when the fit stopped at a singular information (separation). */
    static double standardError(LogisticFit fit, int a) {
        try {
            return fit.standardError(a);
        } catch (SingularMatrixException e) {
            return Double.NaN;
        }
    }

    /** Start [c, 0] for the fits. */
    static double[] start(int p, double[] startCovariates) {
        double[] start = new double[p + 1];
        if (startCovariates != null) System.arraycopy(startCovariates, 0, start, 0, p);
        return start;
    }
}
