package org.rareset.deepset.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rareset.core.stats.QuantileNormal;

class TraitTransformsTest {
    @Test
    void inverseNormalUsesMeanRanksOfTies() {
        // Ranks 4, 1, 2.5, 2.5 of n = 4; Phi^-1(0.125) = -1.1503493803760079 (R: qnorm(0.125)).
        double q = 1.1503493803760079;
        double[] z = TraitTransforms.inverseNormal(new double[] {3, 1, 2, Double.NaN, 2});
        assertEquals(q, z[0], 1e-12);
        assertEquals(-q, z[1], 1e-12);
        assertEquals(0.0, z[2], 1e-12);
        assertTrue(Double.isNaN(z[3]));
        assertEquals(0.0, z[4], 1e-12);
    }

    @Test
    void binaryDetectionAndStandardisation() {
        assertTrue(TraitTransforms.isBinary(new double[] {0, 1, Double.NaN, 1}));
        assertFalse(TraitTransforms.isBinary(new double[] {0, 1, 2}));
        assertFalse(TraitTransforms.isBinary(new double[] {Double.NaN}));
        assertArrayEquals(new double[] {-1, 1}, TraitTransforms.standardise(new double[] {2, 4}), 1e-15);
        assertArrayEquals(new double[] {0, 0}, TraitTransforms.standardise(new double[] {3, 3}), 0);
    }

    @Test
    void quantileTransformIsScikitLearnsWithNQuantiles() {
        // sorted observed [1, 2, 2, 3], n = 4: the minimum maps to p = 0, the maximum to p = 1 (clipped),
        // the tie block at positions 1..2 to p = (1 + 2) / 2 / 3 = 0.5. References (Python
        // statistics.NormalDist().inv_cdf): Phi^-1(1e-7 - 2^-52) = -5.199337582605575.
        double clip = 5.199337582605575;
        double[] z = QuantileNormal.transform(new double[] {3, 1, 2, Double.NaN, 2});
        assertEquals(clip, z[0], 1e-9); // commons-math's Phi^-1 is good to ~1e-10 this far out
        assertEquals(-clip, z[1], 1e-9);
        assertEquals(0.0, z[2], 1e-12);
        assertTrue(Double.isNaN(z[3]));
        assertEquals(0.0, z[4], 1e-12);
        // five distinct values: p = 0, 1/4, 1/2, 3/4, 1; Phi^-1(0.25) = -0.6744897501960817.
        double[] five = QuantileNormal.transform(new double[] {10, 30, 20, 50, 40});
        assertArrayEquals(new double[] {-clip, -0.6744897501960817, 0.0, 0.6744897501960817, clip}, sortCopy(five), 1e-9);
        assertEquals(-0.6744897501960817, five[2], 1e-12);
        // seven values, the middle tie at positions 1..2 of 0..6: p = 1.5 / 6 = 0.25.
        double[] seven = QuantileNormal.transform(new double[] {0, 1, 1, 2, 3, 4, 5});
        assertEquals(-0.6744897501960817, seven[1], 1e-12);
        assertEquals(seven[1], seven[2], 0);
        // a value within 1e-7 of the minimum counts as the minimum (scikit-learn's bound test).
        assertEquals(-clip, QuantileNormal.transform(new double[] {1, 1 + 5e-8, 2, 3})[1], 1e-9);
    }

    @Test
    void twoValuedTraitsAreUsedAsTheyAre() {
        double[] y = {1, 2, Double.NaN, 2, 1};
        assertArrayEquals(y, TraitTransforms.prepare(y, TraitTransforms.Method.QUANTILE), 0);
        assertArrayEquals(y, TraitTransforms.prepare(y, TraitTransforms.Method.INVERSE_NORMAL), 0);
        double[] three = {1, 2, 3};
        assertArrayEquals(QuantileNormal.transform(three), TraitTransforms.prepare(three, TraitTransforms.Method.QUANTILE), 0);
        assertArrayEquals(TraitTransforms.inverseNormal(three),
                TraitTransforms.prepare(three, TraitTransforms.Method.INVERSE_NORMAL), 0);
    }

    private static double[] sortCopy(double[] a) {
        double[] c = a.clone();
        java.util.Arrays.sort(c);
        return c;
    }
}
