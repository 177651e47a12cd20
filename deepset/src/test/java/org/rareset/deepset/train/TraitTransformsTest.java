package org.rareset.deepset.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

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
}
