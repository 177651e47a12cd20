package org.rareset.association.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DiscriminationTest {
    @Test
    void aucIsTheShareOfCaseControlPairsOrderedRightWithTiesCountingHalf() {
        // cases at 0.9, 0.6, 0.4; controls at 0.7, 0.4, 0.2, 0.1. Pairs (case > control):
        // 0.9: beats all 4; 0.6: beats 0.4, 0.2, 0.1 (3); 0.4: ties 0.4 (1/2), beats 0.2, 0.1 (2) -> 9.5 of 12.
        double[] pred = {0.9, 0.7, 0.6, 0.4, 0.4, 0.2, 0.1};
        double[] y = {1, 0, 1, 1, 0, 0, 0};
        assertEquals(9.5 / 12, Discrimination.auc(pred, y), 1e-15);
        // A perfect ranking, and its reverse.
        assertEquals(1.0, Discrimination.auc(new double[] {3, 2, 1}, new double[] {1, 0, 0}), 0);
        assertEquals(0.0, Discrimination.auc(new double[] {1, 2, 3}, new double[] {1, 0, 0}), 0);
        assertEquals(Double.NaN, Discrimination.auc(new double[] {1, 2}, new double[] {0, 0}));
    }

    @Test
    void rSquaredOfAKnownFit() {
        // y = 1, 2, 3, 4 (mean 2.5, SS_tot = 5); predictions 1.5, 1.5, 3.5, 3.5: SS_res = 4 * 0.25 = 1 -> R^2 = 0.8
        assertEquals(0.8, Discrimination.rSquared(new double[] {1.5, 1.5, 3.5, 3.5}, new double[] {1, 2, 3, 4}), 1e-15);
        // Predicting the mean gives 0; predicting worse than the mean is negative out of sample.
        assertEquals(0.0, Discrimination.rSquared(new double[] {2.5, 2.5, 2.5, 2.5}, new double[] {1, 2, 3, 4}), 1e-15);
        assertEquals(1 - 20.0 / 5, Discrimination.rSquared(new double[] {4, 3, 2, 1}, new double[] {1, 2, 3, 4}), 1e-15);
    }
}
