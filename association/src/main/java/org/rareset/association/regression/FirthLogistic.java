package org.rareset.association.regression;

/**
 * Firth (1993) penalised logistic regression of a binary trait on a burden, as REGENIE's exact
 * {@code --firth} and R logistf compute it: {@link LogisticTest#FIRTH} (penalised likelihood ratio,
 * penalty 0.5 log|X'WX| on the full design in both fits, chi2_1) with the logistf iteration rules
 * ({@link FitRules#FIRTH}). Dense O(n k^2) per iteration: meant for the few genes below a p threshold.
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
     * @throws SingularMatrixException (an {@link ArithmeticException}) if the information is singular
     */
    public static Fit test(double[] y, double[][] x, double[] tested, double[] offset) {
        return test(y, x, tested, offset, null);
    }

    /**
     * As {@link #test(double[], double[][], double[], double[])}, starting both fits from the given
     * covariate coefficients (e.g. the unpenalised null model's, which saves iterations on large n).
     */
    public static Fit test(double[] y, double[][] x, double[] tested, double[] offset, double[] startCovariates) {
        LogisticTest.Result r = LogisticTest.FIRTH.test(y, x, tested, offset, startCovariates);
        return new Fit(r.beta(), r.se(), r.log10P(), r.converged());
    }

    /**
     * As {@link #test(double[], double[][], double[], double[], double[])} on the design [X, t]
     * built by the caller (n rows of p + 1, the tested column last; not modified), which saves
     * building a second copy of it at biobank size.
     */
    public static Fit testDesign(double[] y, double[][] design, double[] offset, double[] startCovariates) {
        LogisticTest.Result r = ((LikelihoodRatioTest) LogisticTest.FIRTH).testDesign(y, design, offset, startCovariates);
        return new Fit(r.beta(), r.se(), r.log10P(), r.converged());
    }
}
