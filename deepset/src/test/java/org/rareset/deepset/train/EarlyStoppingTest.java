package org.rareset.deepset.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** PyTorch Lightning's EarlyStopping (mode min, patience, min_delta) and ModelCheckpoint rules, worked by hand. */
class EarlyStoppingTest {

    @Test
    void improvementNeedsMoreThanMinDeltaButTheBestEpochIsTheLowestLoss() {
        EarlyStopping s = new EarlyStopping(1, 100, 3, 0.1);
        assertTrue(s.record(1.0));   // improves (best inf), count 0
        assertTrue(s.record(0.95));  // lowest so far, but not below 1.0 - 0.1: count 1
        assertFalse(s.stop());
        assertTrue(s.record(0.92));  // count 2
        assertFalse(s.stop());
        assertTrue(s.record(0.91));  // count 3 = patience: stop
        assertTrue(s.stop());
        assertEquals(4, s.bestEpoch());
        assertEquals(0.91, s.best(), 0);
    }

    @Test
    void minEpochsHoldsTheStopAndAnImprovementResetsTheCount() {
        EarlyStopping s = new EarlyStopping(6, 100, 2, 0.0);
        s.record(1.0);
        s.record(1.0);              // equal is no improvement: count 1
        s.record(1.1);              // count 2 = patience, but only 3 of 6 epochs
        assertFalse(s.stop());
        assertTrue(s.record(0.5));  // improves: count 0
        s.record(0.6);
        assertFalse(s.stop());      // count 1, epoch 5
        s.record(0.7);              // count 2, epoch 6 >= min epochs
        assertTrue(s.stop());
        assertEquals(4, s.bestEpoch());
    }

    @Test
    void maxEpochsStops() {
        EarlyStopping s = new EarlyStopping(0, 3, 10, 1e-5);
        for (int e = 0; e < 3; e++) {
            assertFalse(s.stop());
            s.record(1.0 / (e + 1));
        }
        assertTrue(s.stop());
        assertEquals(3, s.bestEpoch());
    }
}
