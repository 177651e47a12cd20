package org.rareset.deepset.train;

import java.util.function.Consumer;

/**
 * Hyperparameters of training. The defaults are DeepRVAT's (sources in docs/deepset-training.md):
 * AdamW with lr 1e-3 and weight decay 0.01, batches of 1024, at least 50 and at most 1000 epochs,
 * early stopping on the validation loss with patience 3 and min_delta 1e-5, an 80/20 split, 6
 * repeats, quantile-transformed quantitative traits.
 *
 * @param phiHidden width of phi's layers (and of the pooled embedding)
 * @param rhoHidden width of rho's hidden layers
 * @param learningRate AdamW learning rate
 * @param weightDecay AdamW decoupled weight decay
 * @param batchSize samples per training step ((trait, sample) items with {@link TraitBatches#INTERLEAVED})
 * @param minEpochs epochs trained before early stopping may stop
 * @param maxEpochs epochs trained at most
 * @param patience epochs without an improvement of more than {@code minDelta} before stopping
 * @param minDelta how much the validation loss must fall to count as an improvement (early stopping only;
 *                 the best epoch kept is the lowest loss, as DeepRVAT's checkpoint callback keeps it)
 * @param validationFraction share of samples held out for the validation loss
 * @param repeats networks in the ensemble (per fold with cross-validation)
 * @param cvFolds 1 for one ensemble on all samples; K >= 2 for K-fold cross-validated training
 * @param traitTransform how quantitative traits are normalised
 * @param traitBatches how several traits share batches
 * @param seed master seed; folds, splits and every repeat's seed derive from it
 */
public record TrainingOptions(int phiHidden, int rhoHidden, double learningRate, double weightDecay, int batchSize,
                              int minEpochs, int maxEpochs, int patience, double minDelta, double validationFraction,
                              int repeats, int cvFolds, TraitTransforms.Method traitTransform,
                              TraitBatches traitBatches, long seed) {

    /**
     * How the traits of a multi-trait run meet in batches. {@code SHARED}: a batch is samples, each
     * contributing to every trait it has a value for, with one train/validation split.
     * {@code INTERLEAVED} (DeepRVAT's {@code MultiphenoDataset}): each trait has its own samples and
     * its own split; the (trait, sample) items of all traits are shuffled into one chain cut into
     * batches, and a batch's loss is the mean over the traits present of their MSE.
     */
    public enum TraitBatches { SHARED, INTERLEAVED }

    public static TrainingOptions defaults() {
        return new TrainingOptions(20, 10, 1e-3, 0.01, 1024, 50, 1000, 3, 1e-5, 0.2, 6, 1,
                TraitTransforms.Method.QUANTILE, TraitBatches.SHARED, 1);
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
        if (!(minDelta >= 0)) throw new IllegalArgumentException("min delta must not be negative");
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validation fraction must lie in (0, 1)");
        }
        if (repeats < 1) throw new IllegalArgumentException("repeats must be at least 1");
        if (cvFolds < 1) throw new IllegalArgumentException("cv folds must be at least 1 (1: no cross-validation)");
        if (traitTransform == null || traitBatches == null) throw new IllegalArgumentException("missing setting");
    }

    public TrainingOptions withRepeats(int n) {
        return copy(b -> b.repeats = n);
    }

    public TrainingOptions withSeed(long s) {
        return copy(b -> b.seed = s);
    }

    public TrainingOptions withEpochs(int min, int max) {
        return copy(b -> {
            b.minEpochs = min;
            b.maxEpochs = max;
        });
    }

    public TrainingOptions withBatchSize(int n) {
        return copy(b -> b.batchSize = n);
    }

    public TrainingOptions withLearningRate(double lr) {
        return copy(b -> b.learningRate = lr);
    }

    public TrainingOptions withCvFolds(int k) {
        return copy(b -> b.cvFolds = k);
    }

    public TrainingOptions withTraitBatches(TraitBatches batches) {
        return copy(b -> b.traitBatches = batches);
    }

    public TrainingOptions withEarlyStopping(int patience, double minDelta) {
        return copy(b -> {
            b.patience = patience;
            b.minDelta = minDelta;
        });
    }

    /** A copy with what {@code change} sets on a {@link Copy} of these values (checked again by the constructor). */
    TrainingOptions copy(Consumer<Copy> change) {
        Copy c = new Copy(this);
        change.accept(c);
        return c.build();
    }

    /** The fields of a {@link TrainingOptions}, settable: the one place that copies every field. */
    static final class Copy {
        int phiHidden;
        int rhoHidden;
        double learningRate;
        double weightDecay;
        int batchSize;
        int minEpochs;
        int maxEpochs;
        int patience;
        double minDelta;
        double validationFraction;
        int repeats;
        int cvFolds;
        TraitTransforms.Method traitTransform;
        TraitBatches traitBatches;
        long seed;

        private Copy(TrainingOptions o) {
            phiHidden = o.phiHidden;
            rhoHidden = o.rhoHidden;
            learningRate = o.learningRate;
            weightDecay = o.weightDecay;
            batchSize = o.batchSize;
            minEpochs = o.minEpochs;
            maxEpochs = o.maxEpochs;
            patience = o.patience;
            minDelta = o.minDelta;
            validationFraction = o.validationFraction;
            repeats = o.repeats;
            cvFolds = o.cvFolds;
            traitTransform = o.traitTransform;
            traitBatches = o.traitBatches;
            seed = o.seed;
        }

        private TrainingOptions build() {
            return new TrainingOptions(phiHidden, rhoHidden, learningRate, weightDecay, batchSize, minEpochs, maxEpochs,
                    patience, minDelta, validationFraction, repeats, cvFolds, traitTransform, traitBatches, seed);
        }
    }
}
