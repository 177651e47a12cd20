package org.rareset.association.pvalue;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With equal case probabilities mu and k carriers of dosage 1 (no non-carrier part), the score
 * U = S - k mu with S ~ Binomial(k, mu): the saddlepoint tail must follow the exact binomial tail
 * where the normal approximation is orders of magnitude off.
 */
class ScoreSaddlePointTest {
    @Test
    void followsTheBinomialTailWhereTheNormalFails() {
        int k = 40;
        double mu = 0.02;
        double[] g = new double[k];
        double[] m = new double[k];
        java.util.Arrays.fill(g, 1.0);
        java.util.Arrays.fill(m, mu);
        double var = k * mu * (1 - mu);
        BinomialDistribution b = new BinomialDistribution(k, mu);
        for (int s : new int[]{6, 9, 14}) {
            double u = s - k * mu;
            // continuity-corrected exact upper tail P(S >= s - 1/2) ~ mid-point between P(S>=s) and P(S>s)
            double exact = Math.log10(0.5 * (1 - b.cumulativeProbability(s - 1)) + 0.5 * (1 - b.cumulativeProbability(s)));
            double spa = ScoreSaddlePoint.log10TwoSided(u, var, g, m, 0.0);
            double normal = ChiSquare.log10Upper(u * u / var, 1);
            assertEquals(exact, spa, 0.35, "s=" + s);
            assertTrue(Math.abs(normal - exact) > 1.0, "normal approximation unexpectedly good at s=" + s);
        }
    }

    @Test
    void agreesWithNormalNearTheCentre() {
        int k = 2000;
        double[] g = new double[k];
        double[] m = new double[k];
        java.util.Arrays.fill(g, 1.0);
        java.util.Arrays.fill(m, 0.3);
        double var = k * 0.3 * 0.7;
        double u = 1.0 * Math.sqrt(var);
        assertEquals(ChiSquare.log10Upper(1.0, 1), ScoreSaddlePoint.log10TwoSided(u, var, g, m, 0.0), 0.01);
    }
}
