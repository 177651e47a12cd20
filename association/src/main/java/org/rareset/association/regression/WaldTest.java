package org.rareset.association.regression;

import org.rareset.association.pvalue.ChiSquare;

/** Wald test: one fit of [X, t], chi2 = (beta / se)^2 with se^2 = [(X'WX)^-1]_tt at the estimate. */
final class WaldTest implements LogisticTest {
    private final FitRules rules;

    WaldTest(FitRules rules) {
        this.rules = rules;
    }

    @Override
    public Result test(double[] y, double[][] x, double[] tested, double[] offset, double[] startCovariates) {
        int p = x[0].length;
        LogisticRegression model = new LogisticRegression(y, LogisticTest.withTested(x, tested), offset);
        LogisticFit full = model.fit(Penalty.NONE, rules, LogisticTest.start(p, startCovariates), null);
        double beta = full.coefficient(p);
        double se = LogisticTest.standardError(full, p);
        double chi2 = (beta / se) * (beta / se);
        return new Result(beta, se, chi2, ChiSquare.log10Upper(chi2, 1), full.converged());
    }
}
