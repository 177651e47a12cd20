package org.rareset.association.regression;

import org.rareset.association.pvalue.ChiSquare;

/**
 * Likelihood-ratio test under a penalty: the restricted fit holds beta at 0 (start [c, 0]), the full
 * fit starts from the restricted estimate; chi2 = max(0, 2 (l*_full - l*_restricted)), where l* includes
 * the penalty evaluated on the full design in both fits.
 */
final class LikelihoodRatioTest implements LogisticTest {
    private final Penalty penalty;
    private final FitRules rules;

    LikelihoodRatioTest(Penalty penalty, FitRules rules) {
        this.penalty = penalty;
        this.rules = rules;
    }

    @Override
    public Result test(double[] y, double[][] x, double[] tested, double[] offset, double[] startCovariates) {
        return testDesign(y, LogisticTest.withTested(x, tested), offset, startCovariates);
    }

    /** As {@link #test} on the design [X, t] already built (its last column is the tested one). */
    Result testDesign(double[] y, double[][] design, double[] offset, double[] startCovariates) {
        int p = design[0].length - 1;
        LogisticRegression model = new LogisticRegression(y, design, offset);
        boolean[] covariatesOnly = new boolean[p + 1];
        java.util.Arrays.fill(covariatesOnly, 0, p, true);
        LogisticFit restricted = model.fit(penalty, rules, LogisticTest.start(p, startCovariates), covariatesOnly);
        // from the restricted estimate, whose point (mu, Newton matrix, gradient) is not evaluated again
        LogisticFit full = model.continueFit(restricted, null);
        double chi2 = Math.max(0, 2 * (full.objective() - restricted.objective()));
        return new Result(full.coefficient(p), LogisticTest.standardError(full, p), chi2, ChiSquare.log10Upper(chi2, 1),
                full.converged() && restricted.converged());
    }
}
