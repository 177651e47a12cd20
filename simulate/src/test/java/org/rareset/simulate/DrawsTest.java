package org.rareset.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DrawsTest {
    /** Sample mean and variance of Binomial(n, p) against n p and n p (1 - p), both regimes. */
    @Test
    void binomialMatchesItsMoments() {
        for (double[] c : new double[][] {{200_000, 1e-5}, {4000, 0.004}, {200_000, 0.3}}) {
            int n = (int) c[0];
            double p = c[1];
            SplittableRandom r = new SplittableRandom(3);
            int reps = 20_000;
            double sum = 0, sq = 0;
            for (int i = 0; i < reps; i++) {
                int k = Draws.binomial(r, n, p);
                sum += k;
                sq += (double) k * k;
            }
            double mean = sum / reps;
            double var = sq / reps - mean * mean;
            double expectedVar = n * p * (1 - p);
            assertEquals(n * p, mean, 4 * Math.sqrt(expectedVar / reps), "mean n=" + n + " p=" + p);
            assertEquals(expectedVar, var, 0.05 * expectedVar, "variance n=" + n + " p=" + p);
        }
    }

    /** Beta(a, b) has mean a / (a + b), also for shapes below 1. */
    @Test
    void betaMatchesItsMean() {
        for (double[] ab : new double[][] {{0.6, 1.4}, {2, 2}, {0.3, 8}}) {
            SplittableRandom r = new SplittableRandom(4);
            double sum = 0;
            int reps = 50_000;
            for (int i = 0; i < reps; i++) sum += Draws.beta(r, ab[0], ab[1]);
            assertEquals(ab[0] / (ab[0] + ab[1]), sum / reps, 0.006);
        }
    }

    @Test
    void largestRemainderSumsExactly() {
        int[] s = GeneLayout.largestRemainder(new double[] {1, 1, 1}, 10);
        assertEquals(10, s[0] + s[1] + s[2]);
        assertEquals(4, s[0]);
        assertEquals(3, s[2]);
    }
}
