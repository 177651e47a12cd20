package org.rareset.deepset.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.rareset.deepset.train.TrainingOptions.TraitBatches;

/** Each {@code with...} copy changes its own fields and keeps the other fourteen (written out here by hand). */
class TrainingOptionsTest {
    private static final TraitTransforms.Method Q = TraitTransforms.Method.QUANTILE;
    private static final TrainingOptions D = TrainingOptions.defaults();

    @Test
    void defaultsAreDeepRvats() {
        assertEquals(new TrainingOptions(20, 10, 1e-3, 0.01, 1024, 50, 1000, 3, 1e-5, 0.2, 6, 1, Q, TraitBatches.SHARED, 1), D);
    }

    @Test
    void eachCopyChangesOnlyItsFields() {
        assertEquals(new TrainingOptions(20, 10, 1e-3, 0.01, 1024, 50, 1000, 3, 1e-5, 0.2, 7, 1, Q, TraitBatches.SHARED, 1), D.withRepeats(7));
        assertEquals(new TrainingOptions(20, 10, 1e-3, 0.01, 1024, 50, 1000, 3, 1e-5, 0.2, 6, 1, Q, TraitBatches.SHARED, 42), D.withSeed(42));
        assertEquals(new TrainingOptions(20, 10, 1e-3, 0.01, 1024, 2, 9, 3, 1e-5, 0.2, 6, 1, Q, TraitBatches.SHARED, 1), D.withEpochs(2, 9));
        assertEquals(new TrainingOptions(20, 10, 1e-3, 0.01, 64, 50, 1000, 3, 1e-5, 0.2, 6, 1, Q, TraitBatches.SHARED, 1), D.withBatchSize(64));
        assertEquals(new TrainingOptions(20, 10, 0.5, 0.01, 1024, 50, 1000, 3, 1e-5, 0.2, 6, 1, Q, TraitBatches.SHARED, 1), D.withLearningRate(0.5));
        assertEquals(new TrainingOptions(20, 10, 1e-3, 0.01, 1024, 50, 1000, 3, 1e-5, 0.2, 6, 5, Q, TraitBatches.SHARED, 1), D.withCvFolds(5));
        assertEquals(new TrainingOptions(20, 10, 1e-3, 0.01, 1024, 50, 1000, 3, 1e-5, 0.2, 6, 1, Q, TraitBatches.INTERLEAVED, 1),
                D.withTraitBatches(TraitBatches.INTERLEAVED));
        assertEquals(new TrainingOptions(20, 10, 1e-3, 0.01, 1024, 50, 1000, 8, 0.25, 0.2, 6, 1, Q, TraitBatches.SHARED, 1),
                D.withEarlyStopping(8, 0.25));
    }

    @Test
    void copiesAreCheckedAsNewOptionsAre() {
        assertThrows(IllegalArgumentException.class, () -> D.withEpochs(10, 5));
        assertThrows(IllegalArgumentException.class, () -> D.withRepeats(0));
    }
}
