package org.rareset.association.pvalue;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mixture tails against closed forms: equal weights give scaled chi-squares; pairs of equal weights give chi2_2 mixtures with an exact partial-fraction tail. */
class MixtureTailTest {
    private static final double LN10 = Math.log(10);

    /** P(sum_k c_k chi2_2 > q) = sum_k prod_{j != k} c_k / (c_k - c_j) exp(-q / (2 c_k)), distinct c. */
    private static double log10Chi2TwoMixture(double q, double[] c) {
        double s = 0;
        double ref = -q / (2 * max(c));
        for (int k = 0; k < c.length; k++) {
            double coef = 1;
            for (int j = 0; j < c.length; j++) if (j != k) coef *= c[k] / (c[k] - c[j]);
            s += coef * Math.exp(-q / (2 * c[k]) - ref);
        }
        return (ref + Math.log(s)) / LN10;
    }

    private static double max(double[] a) {
        double m = a[0];
        for (double x : a) m = Math.max(m, x);
        return m;
    }

    @Test
    void equalWeightsAreScaledChiSquare() {
        // 2 x chi2_1 with weight 2: P(Q > q) = exp(-q / 4)
        for (double q : new double[]{0.5, 4, 40, 400, 4000}) {
            assertEquals(-q / 4 / LN10, MixtureTail.log10Upper(q, new double[]{2, 2}), 1e-8 * Math.max(1, q / 4), "q=" + q);
        }
        // 4 x chi2_1: chi2_4, P = exp(-q/2) (1 + q/2), also with Davies directly
        for (double q : new double[]{0.3, 3, 12, 30, 80, 700, 3000}) {
            double exact = (-q / 2 + Math.log1p(q / 2)) / LN10;
            assertEquals(exact, MixtureTail.log10Upper(q, new double[]{1, 1, 1, 1}), 1e-7 * Math.max(1, -exact), "q=" + q);
            if (q <= 30) {
                Davies.Result d = Davies.upperTail(q, new double[]{1, 1, 1, 1}, 1e-9, 1_000_000);
                assertEquals(0, d.ifault());
                assertEquals(Math.pow(10, exact), d.upper(), 2e-9, "Davies q=" + q);
            }
        }
        // 6 x chi2_1 with weight 3 against the chi-square tail
        for (double q : new double[]{1, 10, 100, 1000}) {
            assertEquals(ChiSquare.log10Upper(q / 3, 6), MixtureTail.log10Upper(q, new double[]{3, 3, 3, 3, 3, 3}), 1e-7 * Math.max(1, q / 6));
        }
    }

    @Test
    void distinctWeightsMatchPartialFractions() {
        double[] c = {3, 1, 0.5};
        double[] lambda = {3, 3, 1, 1, 0.5, 0.5};
        for (double q : new double[]{0.2, 2, 9, 20, 60, 150, 600, 5000}) {
            double exact = log10Chi2TwoMixture(q, c);
            double got = MixtureTail.log10Upper(q, lambda);
            assertEquals(exact, got, 1e-6 * Math.max(1, -exact), "q=" + q);
        }
        // the contour inversion alone, at moderate and far-tail points
        for (double q : new double[]{2, 9, 150, 5000}) {
            assertEquals(log10Chi2TwoMixture(q, c), MixtureTail.contourLogUpper(q, lambda) / LN10, 1e-7 * Math.max(1, q / 6));
        }
    }

    @Test
    void twoWeightsByConvolutionAgreeWithDaviesAndContour() {
        double[] lambda = {1.7, 0.4};
        for (double q : new double[]{0.5, 3, 10, 25}) {
            double conv = MixtureTail.log10Upper(q, lambda);
            Davies.Result d = Davies.upperTail(q, lambda, 1e-8, 1_000_000);
            assertEquals(0, d.ifault());
            assertEquals(Math.log10(d.upper()), conv, 1e-8 / d.upper() + 1e-9, "q=" + q);
            assertEquals(MixtureTail.contourLogUpper(q, lambda) / LN10, conv, 1e-6, "q=" + q);
        }
    }

    @Test
    void farTailsStayFinite() {
        double lp = MixtureTail.log10Upper(1e6, new double[]{1, 1, 1, 1, 0.5, 0.5, 0.2});
        assertTrue(Double.isFinite(lp) && lp < -100000, "log10 p " + lp);
        double lp1 = MixtureTail.log10Upper(1e5, new double[]{1});
        assertEquals(ChiSquare.log10Upper(1e5, 1), lp1, 0.0);
        assertTrue(lp1 < -21000 && lp1 > -22000);
    }

    @Test
    void liuOneEigenvalueIsExactAndSaddlepointIsClose() {
        for (double q : new double[]{0.5, 5, 50}) {
            assertEquals(ChiSquare.log10Upper(q / 2.5, 1), Liu.log10Upper(q, new double[]{2.5}), 1e-9);
            assertEquals(ChiSquare.log10Upper(q / 2.5, 1), Liu.log10UpperModified(q, new double[]{2.5}), 1e-9);
        }
        double[] lambda = {3, 3, 1, 1, 0.5, 0.5};
        for (double q : new double[]{20, 60, 150}) {
            double exact = log10Chi2TwoMixture(q, new double[]{3, 1, 0.5});
            assertEquals(exact, SaddlePoint.log10Upper(q, lambda), 0.02 * Math.max(1, -exact), "q=" + q);
            assertEquals(exact, Liu.log10Upper(q, lambda), 0.3 * Math.max(1, -exact), "q=" + q);
        }
    }
}
