package org.rareset.core.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * DeepRVAT's quantile transform (scikit-learn {@code quantile_transform}, n_quantiles = n, normal
 * output). Expected values are Phi^-1 of the hand-computed references, from Python's
 * {@code statistics.NormalDist().inv_cdf} (Wichura's AS 241, an implementation independent of ours).
 */
class QuantileNormalTest {
    /** Phi^-1(1e-7 - 2^-52): scikit-learn's clip. */
    static final double CLIP = 5.199337582605575;

    @Test
    void tiesShareTheMiddleOfTheirReferencesAndExtremesSitAtTheClip() {
        // sorted 1, 2, 2, 3, 10 at references 0, 1/4, 2/4, 3/4, 1
        double[] z = QuantileNormal.transform(new double[] {3.0, 1.0, 2.0, 2.0, 10.0});
        assertEquals(0.6744897501960817, z[0], 1e-9);   // 3: u = 3/4
        assertEquals(-CLIP, z[1], 1e-9);                // the minimum: u = 0, clipped
        assertEquals(-0.31863936396437514, z[2], 1e-9); // 2, 2: u = (1/4 + 2/4) / 2 = 0.375
        assertEquals(z[2], z[3], 0);
        assertEquals(CLIP, z[4], 1e-9);                 // the maximum: however far out, the clip
        assertEquals(CLIP, QuantileNormal.CLIP, 1e-9);
    }

    @Test
    void onlyTheOrderCountsAndTheBoundsHaveScikitLearnsTolerance() {
        assertArrayEquals(QuantileNormal.transform(new double[] {1, 2, 3, 4}),
                QuantileNormal.transform(new double[] {-7, 0.5, 4e10, 5e10}), 0);
        // within 1e-7 of the minimum counts as the minimum; 1 sits at reference 2/3 of 0, 1/3, 2/3, 1
        double[] z = QuantileNormal.transform(new double[] {0, 5e-8, 1, 2});
        assertEquals(-CLIP, z[1], 1e-9);
        assertEquals(0.43072729929545744, z[2], 1e-9);
        // a trait tied at its minimum: every tied value goes to the clip, not to the mean of their references
        double[] t = QuantileNormal.transform(new double[] {0, 0, 0, 1, 2});
        assertEquals(-CLIP, t[0], 1e-9);
        assertEquals(-CLIP, t[2], 1e-9);
        assertEquals(0.6744897501960817, t[3], 1e-9); // u = 3/4
    }

    @Test
    void missingValuesStayMissingAndDoNotCount() {
        double[] withNaN = QuantileNormal.transform(new double[] {3, Double.NaN, 1, 2});
        double[] without = QuantileNormal.transform(new double[] {3, 1, 2});
        assertEquals(Double.NaN, withNaN[1], 0);
        assertEquals(without[0], withNaN[0], 0);
        assertEquals(without[1], withNaN[2], 0);
        assertEquals(0, withNaN[3], 1e-15); // 2 of 1, 2, 3: u = 1/2
    }
}
