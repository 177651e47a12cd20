package org.rareset.association.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The shortcuts of the Firth fits at biobank size give the same doubles as the plain sums: rows
 * taken four (X'WX) or two (leverages) at a time, a tested column's zeros left out, and the full fit
 * continued from the restricted fit's point instead of a new point at its coefficients.
 */
class SameDoublesTest {
    /** Design rows with the tested column last: zero for most rows, in runs and alone. */
    private static double[][] design(Random rnd, int n, int p) {
        double[][] x = new double[n][p + 1];
        for (int i = 0; i < n; i++) {
            x[i][0] = 1;
            for (int a = 1; a < p; a++) x[i][a] = a == 1 ? rnd.nextInt(2) : rnd.nextGaussian();
            if (rnd.nextDouble() < 0.05 || (i >= 40 && i < 47)) x[i][p] = 0.5 + rnd.nextDouble();
        }
        return x;
    }

    @Test
    void weightedGramEqualsTheRowByRowSum() {
        Random rnd = new Random(2);
        for (int n : new int[] {1, 3, 4, 5, 203}) {
            double[][] x = design(rnd, n, 5);
            double[] w = new double[n];
            for (int i = 0; i < n; i++) w[i] = rnd.nextDouble() * 0.25;
            int k = x[0].length;
            double[][] plain = new double[k][k];
            for (int i = 0; i < n; i++) {
                for (int a = 0; a < k; a++) {
                    double ra = x[i][a] * w[i];
                    for (int c = 0; c <= a; c++) plain[a][c] += ra * x[i][c];
                }
            }
            for (int a = 0; a < k; a++) for (int c = 0; c < a; c++) plain[c][a] = plain[a][c];
            double[][] fast = LogisticRegression.weightedGram(x, w);
            for (int a = 0; a < k; a++) assertEquals(Arrays.toString(plain[a]), Arrays.toString(fast[a]), "n " + n + " row " + a);
        }
    }

    @Test
    void firthLikelihoodRatioEqualsFreshFitsWithTheFullPenaltySums() {
        Random rnd = new Random(5);
        int n = 801;
        int p = 4;
        double[][] x = design(rnd, n, p);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double eta = -1.5 + 0.4 * x[i][2] + 0.8 * x[i][p];
            y[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
        }
        double[][] covariates = new double[n][];
        double[] tested = new double[n];
        for (int i = 0; i < n; i++) {
            covariates[i] = Arrays.copyOf(x[i], p);
            tested[i] = x[i][p];
        }
        FirthLogistic.Fit fit = FirthLogistic.test(y, covariates, tested, null);
        // reference: both fits from fresh points, the Firth gradient summed over every entry
        LogisticRegression model = new LogisticRegression(y, x, null);
        boolean[] covariatesOnly = new boolean[p + 1];
        Arrays.fill(covariatesOnly, 0, p, true);
        Penalty plainFirth = new PlainFirth();
        LogisticFit restricted = model.fit(plainFirth, FitRules.FIRTH, new double[p + 1], covariatesOnly);
        LogisticFit full = model.fit(plainFirth, FitRules.FIRTH, restricted.coefficients(), null);
        double chi2 = Math.max(0, 2 * (full.objective() - restricted.objective()));
        assertEquals(full.coefficient(p), fit.beta(), 0.0);
        assertEquals(full.standardError(p), fit.se(), 0.0);
        assertEquals(org.rareset.association.pvalue.ChiSquare.log10Upper(chi2, 1), fit.log10PLrt(), 0.0);
    }

    /** Firth's penalty with its gradient summed over every entry of every row, one row at a time. */
    private static final class PlainFirth extends Penalty {
        @Override
        double value(LogisticRegression.Point p) {
            return Penalty.FIRTH.value(p);
        }

        @Override
        void addToGradient(LogisticRegression.Point p, double[] gradient) {
            double[][] cov = p.newtonFactor().inverse();
            int k = gradient.length;
            for (int i = 0; i < p.sampleCount(); i++) {
                double[] row = p.row(i);
                double h = 0;
                for (int a = 0; a < k; a++) {
                    double t = 0;
                    for (int c = 0; c < k; c++) t += cov[a][c] * row[c];
                    h += row[a] * t;
                }
                double r = h * p.weight(i) * (0.5 - p.fitted(i));
                for (int a = 0; a < k; a++) gradient[a] += r * row[a];
            }
        }
    }
}
