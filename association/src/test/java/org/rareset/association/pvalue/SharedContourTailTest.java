package org.rareset.association.pvalue;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tails at many points on shared contours against the closed form of chi2_2 mixtures (pairs of
 * equal weights: P(sum_k c_k chi2_2 > q) = sum_k prod_{j != k} c_k / (c_k - c_j) e^{-q / (2 c_k)})
 * and against each point's own contour.
 */
class SharedContourTailTest {
    /** ln of the chi2_2-mixture tail, distinct c. */
    private static double lnChi2TwoMixture(double q, double[] c) {
        double cMax = 0;
        for (double x : c) cMax = Math.max(cMax, x);
        double ref = -q / (2 * cMax);
        double s = 0;
        for (int k = 0; k < c.length; k++) {
            double coef = 1;
            for (int j = 0; j < c.length; j++) if (j != k) coef *= c[k] / (c[k] - c[j]);
            s += coef * Math.exp(-q / (2 * c[k]) - ref);
        }
        return ref + Math.log(s);
    }

    @Test
    void manyPointsMatchClosedForm() {
        // an ill-conditioned spectrum like SKAT-O's remainder: one weight far above the rest
        double[] c = {60, 9, 4, 1.5, 0.7, 0.3, 0.11};
        double[] lambda = new double[2 * c.length];
        for (int k = 0; k < c.length; k++) lambda[2 * k] = lambda[2 * k + 1] = c[k];
        // Chebyshev-like spacing from near 0 to far in the tail (P down to ~1e-40)
        int n = 65;
        double[] q = new double[n];
        for (int k = 0; k < n; k++) {
            double v = 0.5 * 110 * (1 - Math.cos(Math.PI * (k + 1) / (n + 1)));
            q[k] = v * v;
        }
        SharedContourTail tail = new SharedContourTail(lambda, 1e-8);
        double[] got = tail.logUpper(q);
        for (int k = 0; k < n; k++) {
            double exact = lnChi2TwoMixture(q[k], c);
            // relative accuracy of P: 1e-8 (ln P to 1e-8 absolute)
            assertEquals(exact, got[k], 1e-8 * Math.max(1, Math.abs(exact) * 1e-3) + 2e-8, "q=" + q[k]);
        }
        // the points share few contours (each point had its own before)
        assertTrue(tail.contours() <= 20, "contours " + tail.contours());
    }

    @Test
    void trapezoidalRuleMatchesClosedFormOnEachPoint() {
        // one point per call: each contour is short, so the trapezoidal rule (not the panels) finishes it,
        // from below the mean (saddlepoint < 0) to P ~ 1e-60
        double[] c = {25, 6, 2.5, 1, 0.4};
        double[] lambda = new double[2 * c.length];
        for (int k = 0; k < c.length; k++) lambda[2 * k] = lambda[2 * k + 1] = c[k];
        double mean = 2 * (25 + 6 + 2.5 + 1 + 0.4);
        int trapezoids = 0;
        for (double q = 0.15 * mean; q < 100 * mean; q *= 1.3) {
            SharedContourTail tail = new SharedContourTail(lambda, 1e-8);
            double got = tail.logUpper(new double[]{q})[0];
            trapezoids += tail.trapezoids();
            double exact = lnChi2TwoMixture(q, c);
            assertEquals(exact, got, 1e-8 * Math.max(1, Math.abs(exact) * 1e-3) + 1e-9, "q=" + q);
        }
        assertTrue(trapezoids >= 20, "trapezoidal contours " + trapezoids);
    }

    @Test
    void agreesWithOwnContourForWideSpectrum() {
        // 40 distinct weights over four orders of magnitude; each point against MixtureTail's own inversion
        double[] lambda = new double[40];
        for (int k = 0; k < 40; k++) lambda[k] = 50 * Math.pow(1e-4, k / 39.0) * (1 + 0.1 * Math.sin(k));
        double mean = 0;
        for (double l : lambda) mean += l;
        double[] q = new double[33];
        for (int k = 0; k < q.length; k++) q[k] = mean * 0.02 * Math.pow(1.25, k);
        double[] got = new SharedContourTail(lambda, 1e-8).logUpper(q);
        for (int k = 0; k < q.length; k++) {
            double own = MixtureTail.contourLogUpper(q[k], lambda, 1e-12);
            assertEquals(own, got[k], 2e-8 * Math.max(1, Math.abs(own) * 1e-2), "q=" + q[k]);
        }
    }

    @Test
    void nonPositivePointsAreCertain() {
        double[] got = new SharedContourTail(new double[]{3, 2, 1}, 1e-8).logUpper(new double[]{0, -1, 5});
        assertEquals(0.0, got[0]);
        assertEquals(0.0, got[1]);
        assertEquals(MixtureTail.contourLogUpper(5, new double[]{3, 2, 1}, 1e-12), got[2], 1e-8);
    }
}
