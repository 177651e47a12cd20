package org.rareset.association.pvalue;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Noncentral mixture tails against Davies' algorithm with noncentral terms (acc 1e-13, an absolute
 * error, so compared where P >= 1e-5), against the central inversion when every noncentrality is 0,
 * and against the closed form of one noncentral chi2_1 term, P(nu (xi + a)^2 > q) =
 * Phibar(sqrt(q / nu) - a) + Phibar(sqrt(q / nu) + a), far into the tail.
 */
class NoncentralMixtureTailTest {
    @Test
    void matchesDavies() {
        double[] nu = {9, 4, 2.5, 1, 0.3, 0.05};
        double[] delta = {0.5, 3, 0, 1.2, 8, 0.1};
        double mean = 0;
        for (int k = 0; k < nu.length; k++) mean += nu[k] * (1 + delta[k]);
        int[] df = new int[nu.length];
        java.util.Arrays.fill(df, 1);
        for (double f = 0.2; f < 6; f *= 1.4) {
            double q = f * mean;
            double davies = Davies.qfc(nu, delta, df, 0, q, 50_000_000, 1e-13).upper();
            if (davies < 1e-5) continue;
            double got = Math.exp(NoncentralMixtureTail.logUpper(q, nu, delta, 1e-10));
            assertEquals(davies, got, 1e-7 * davies + 1e-12, "q=" + q);
        }
    }

    @Test
    void centralCaseMatchesMixtureTail() {
        double[] nu = {5, 3, 1, 0.5};
        double[] zero = new double[4];
        for (double q : new double[]{0.5, 3, 10, 40, 200, 900}) {
            assertEquals(MixtureTail.contourLogUpper(q, nu, 1e-12), NoncentralMixtureTail.logUpper(q, nu, zero, 1e-10), 1e-8, "q=" + q);
        }
    }

    @Test
    void oneTermMatchesClosedFormInTheTail() {
        double nu = 2.0, a = 1.7;
        org.apache.commons.math3.distribution.NormalDistribution normal = new org.apache.commons.math3.distribution.NormalDistribution();
        for (double q : new double[]{1, 10, 50, 150}) {
            double r = Math.sqrt(q / nu);
            double exact = normal.cumulativeProbability(-(r - a)) + normal.cumulativeProbability(-(r + a));
            double got = NoncentralMixtureTail.logUpper(q, new double[]{nu}, new double[]{a * a}, 1e-10);
            assertEquals(Math.log(exact), got, 1e-7 * Math.max(1, Math.abs(Math.log(exact))), "q=" + q);
        }
    }
}
