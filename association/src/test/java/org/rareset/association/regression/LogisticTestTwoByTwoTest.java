package org.rareset.association.regression;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The three test strategies on a 2x2 table (exposure t in {0, 1}, design [1, t]), where every quantity
 * has a closed form (Agresti, Categorical Data Analysis, 3rd ed., sections 3.1 and 4.2; Firth 1993 and
 * Heinze and Schemper 2002 for the penalised fit):
 * <ul>
 *   <li>maximum likelihood: beta = log(a d / (b c)), se^2 = 1/a + 1/b + 1/c + 1/d, and the likelihood
 *   ratio is the G statistic 2 sum O log(O / E) with E from the margins;</li>
 *   <li>Firth: the Jeffreys penalty factorises over the two groups (|X'WX| = n1 w1 n0 w0), so each
 *   group's fitted probability is (cases + 1/2) / (n + 1): beta = log((a+.5)(d+.5) / ((b+.5)(c+.5))),
 *   se^2 = 1/(n1 p1 q1) + 1/(n0 p0 q0); with beta = 0 the penalised likelihood
 *   S log p + (N - S) log q + 0.5 log(n1 n0 p^2 q^2) is maximised at p = (S + 1)/(N + 2).</li>
 * </ul>
 * Cells: a exposed cases, b exposed controls, c unexposed cases, d unexposed controls.
 */
class LogisticTestTwoByTwoTest {
    /** Outcomes, covariates [1] and tested column t for the table. */
    private record Table(double[] y, double[][] x, double[] t) {
        static Table of(int a, int b, int c, int d) {
            int n = a + b + c + d;
            double[] y = new double[n];
            double[][] x = new double[n][];
            double[] t = new double[n];
            int i = 0;
            for (int[] cell : new int[][]{{a, 1, 1}, {b, 0, 1}, {c, 1, 0}, {d, 0, 0}}) {
                for (int k = 0; k < cell[0]; k++, i++) {
                    y[i] = cell[1];
                    x[i] = new double[]{1};
                    t[i] = cell[2];
                }
            }
            return new Table(y, x, t);
        }
    }

    private static double log10Upper(double chi2) {
        return Math.log10(1 - new ChiSquaredDistribution(1).cumulativeProbability(chi2));
    }

    private static double g(double observed, double expected) {
        return observed == 0 ? 0 : observed * Math.log(observed / expected);
    }

    @Test
    void waldAndLikelihoodRatioMatchTheOddsRatioFormulas() {
        int a = 12, b = 8, c = 5, d = 25;
        Table tab = Table.of(a, b, c, d);
        double beta = Math.log((double) a * d / ((double) b * c));
        double se = Math.sqrt(1.0 / a + 1.0 / b + 1.0 / c + 1.0 / d);

        LogisticTest.Result wald = LogisticTest.WALD.test(tab.y, tab.x, tab.t, null, null);
        assertTrue(wald.converged());
        assertEquals(beta, wald.beta(), 1e-9);
        assertEquals(se, wald.se(), 1e-9);
        assertEquals(beta * beta / (se * se), wald.chiSquare(), 1e-8);
        assertEquals(log10Upper(wald.chiSquare()), wald.log10P(), 1e-9);

        double n = a + b + c + d, n1 = a + b, n0 = c + d, cases = a + c, controls = b + d;
        double gStat = 2 * (g(a, n1 * cases / n) + g(b, n1 * controls / n) + g(c, n0 * cases / n) + g(d, n0 * controls / n));
        LogisticTest.Result lrt = LogisticTest.LIKELIHOOD_RATIO.test(tab.y, tab.x, tab.t, null, null);
        assertTrue(lrt.converged());
        assertEquals(beta, lrt.beta(), 1e-9);
        assertEquals(gStat, lrt.chiSquare(), 1e-8);
        assertEquals(log10Upper(gStat), lrt.log10P(), 1e-9);
    }

    @Test
    void firthAddsHalfToEveryCell() {
        for (int[] cells : new int[][]{{12, 8, 5, 25}, {0, 10, 7, 20}, {3, 0, 9, 40}}) {
            int a = cells[0], b = cells[1], c = cells[2], d = cells[3];
            Table tab = Table.of(a, b, c, d);
            double n1 = a + b, n0 = c + d, s = a + c, n = n1 + n0;
            double p1 = (a + 0.5) / (n1 + 1), p0 = (c + 0.5) / (n0 + 1);
            double beta = Math.log((a + 0.5) * (d + 0.5) / ((b + 0.5) * (c + 0.5)));
            double se = Math.sqrt(1 / (n1 * p1 * (1 - p1)) + 1 / (n0 * p0 * (1 - p0)));
            double full = a * Math.log(p1) + b * Math.log(1 - p1) + c * Math.log(p0) + d * Math.log(1 - p0)
                    + 0.5 * Math.log(n1 * p1 * (1 - p1) * n0 * p0 * (1 - p0));
            double p = (s + 1) / (n + 2);
            double restricted = s * Math.log(p) + (n - s) * Math.log(1 - p) + 0.5 * Math.log(n1 * n0 * p * p * (1 - p) * (1 - p));
            double chi2 = 2 * (full - restricted);

            LogisticTest.Result f = LogisticTest.FIRTH.test(tab.y, tab.x, tab.t, null, null);
            String table = java.util.Arrays.toString(cells);
            assertTrue(f.converged(), table);
            assertEquals(beta, f.beta(), 1e-8, table);
            assertEquals(se, f.se(), 1e-8, table);
            assertEquals(chi2, f.chiSquare(), 1e-8, table);
            assertEquals(log10Upper(chi2), f.log10P(), 1e-8, table);
            FirthLogistic.Fit viaFacade = FirthLogistic.test(tab.y, tab.x, tab.t, null);
            assertEquals(f.log10P(), viaFacade.log10PLrt(), 0, table);
        }
    }

    @Test
    void aZeroCellIsSeparationForMaximumLikelihoodOnly() {
        Table tab = Table.of(0, 10, 7, 20);
        assertFalse(LogisticTest.WALD.test(tab.y, tab.x, tab.t, null, null).converged());
        assertFalse(LogisticTest.LIKELIHOOD_RATIO.test(tab.y, tab.x, tab.t, null, null).converged());
        assertTrue(LogisticTest.FIRTH.test(tab.y, tab.x, tab.t, null, null).converged());
    }

    @Test
    void offsetShiftsTheInterceptOnly() {
        int a = 12, b = 8, c = 5, d = 25;
        Table tab = Table.of(a, b, c, d);
        double[][] design = LogisticTest.withTested(tab.x, tab.t);
        double[] offset = new double[tab.y.length];
        java.util.Arrays.fill(offset, 0.7);
        LogisticFit fit = new LogisticRegression(tab.y, design, offset).fit(Penalty.NONE, FitRules.MAXIMUM_LIKELIHOOD);
        assertTrue(fit.converged());
        assertTrue(fit.iterations() < 20, "quadratic convergence from b = 0");
        assertEquals(Math.log((double) c / d) - 0.7, fit.coefficient(0), 1e-9);
        assertEquals(Math.log((double) a * d / ((double) b * c)), fit.coefficient(1), 1e-9);
        // (X'WX)^-1 of the saturated model: [1/(n0 w0), -1/(n0 w0); ., 1/(n1 w1) + 1/(n0 w0)], n w = cases controls / n
        double v0 = 1.0 / c + 1.0 / d;
        assertEquals(v0, fit.covariance()[0][0], 1e-9);
        assertEquals(-v0, fit.covariance()[0][1], 1e-9);
    }

    @Test
    void ridgeFitSolvesThePenalisedScoreEquations() {
        Table tab = Table.of(0, 10, 7, 20); // separated: only the ridge keeps beta finite
        double lambda = 0.5;
        double[][] design = LogisticTest.withTested(tab.x, tab.t);
        LogisticFit fit = new LogisticRegression(tab.y, design, null).fit(Penalty.ridge(lambda), FitRules.MAXIMUM_LIKELIHOOD);
        assertTrue(fit.converged());
        double[] mu = fit.fitted();
        for (int a = 0; a < 2; a++) {
            double score = 0;
            for (int i = 0; i < mu.length; i++) score += design[i][a] * (tab.y[i] - mu[i]);
            assertEquals(lambda * fit.coefficient(a), score, 1e-8, "X'(y - mu) = lambda b, column " + a);
        }
        assertTrue(fit.coefficient(1) < -1, "exposed group has no cases");
    }
}
