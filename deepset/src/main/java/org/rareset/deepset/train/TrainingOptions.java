package org.rareset.deepset.train;

/**
 * Hyperparameters of training (defaults as DeepRVAT's: AdamW, lr 1e-3, weight decay 0.01, early
 * stopping with patience 3 on the validation loss).
 *
 * @param phiHidden width of phi's layers (and of the pooled embedding)
 * @param rhoHidden width of rho's hidden layers
 * @param learningRate AdamW learning rate
 * @param weightDecay AdamW decoupled weight decay
 * @param batchSize samples per training step
 * @param minEpochs epochs trained before early stopping may stop
 * @param maxEpochs epochs trained at most
 * @param patience epochs without a lower validation loss before stopping
 * @param validationFraction share of samples held out for the validation loss
 * @param repeats networks in the ensemble
 * @param seed master seed; the split and every repeat's seed derive from it
 */
public record TrainingOptions(int phiHidden, int rhoHidden, double learningRate, double weightDecay, int batchSize,
                              int minEpochs, int maxEpochs, int patience, double validationFraction, int repeats,
                              long seed) {

    public static TrainingOptions defaults() {
        return new TrainingOptions(20, 10, 1e-3, 0.01, 1024, 1, 1000, 3, 0.2, 6, 1);
    }

    public TrainingOptions {
        if (phiHidden < 1 || rhoHidden < 1) throw new IllegalArgumentException("layer widths must be positive");
        if (!(learningRate > 0)) throw new IllegalArgumentException("learning rate must be positive");
        if (!(weightDecay >= 0)) throw new IllegalArgumentException("weight decay must not be negative");
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be positive");
        if (minEpochs < 0 || maxEpochs < 1 || minEpochs > maxEpochs) {
            throw new IllegalArgumentException("need 0 <= min epochs <= max epochs, max epochs >= 1");
        }
        if (patience < 1) throw new IllegalArgumentException("patience must be at least 1");
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validation fraction must lie in (0, 1)");
        }
        if (repeats < 1) throw new IllegalArgumentException("repeats must be at least 1");
    }

    public TrainingOptions withRepeats(int n) {
        return new TrainingOptions(phiHidden, rhoHidden, learningRate, weightDecay, batchSize, minEpochs, maxEpochs,
                patience, validationFraction, n, seed);
    }

    public TrainingOptions withSeed(long s) {
        return new TrainingOptions(phiHidden, rhoHidden, learningRate, weightDecay, batchSize, minEpochs, maxEpochs,
                patience, validationFraction, repeats, s);
    }

    public TrainingOptions withEpochs(int min, int max) {
        return new TrainingOptions(phiHidden, rhoHidden, learningRate, weightDecay, batchSize, min, max,
                patience, validationFraction, repeats, seed);
    }

    public TrainingOptions withBatchSize(int n) {
        return new TrainingOptions(phiHidden, rhoHidden, learningRate, weightDecay, n, minEpochs, maxEpochs,
                patience, validationFraction, repeats, seed);
    }

    public TrainingOptions withLearningRate(double lr) {
        return new TrainingOptions(phiHidden, rhoHidden, lr, weightDecay, batchSize, minEpochs, maxEpochs,
                patience, validationFraction, repeats, seed);
    }
}
