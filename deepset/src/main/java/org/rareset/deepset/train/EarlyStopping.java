package org.rareset.deepset.train;

/**
 * When to stop training and which epoch to keep, as DeepRVAT configures PyTorch Lightning
 * ({@code EarlyStopping(monitor="val_MSE", mode="min", patience, min_delta)} beside
 * {@code ModelCheckpoint(monitor="val_MSE")}, Trainer {@code min_epochs}/{@code max_epochs}).
 *
 * <ul>
 *   <li>An epoch <em>improves</em> when its loss {@code v} satisfies {@code v < best - minDelta}, where
 *       {@code best} is the loss of the last improving epoch (initially +infinity); the count of epochs
 *       without improvement is then reset, otherwise it grows by one.</li>
 *   <li>Training stops after an epoch when that count has reached {@code patience} and at least
 *       {@code minEpochs} epochs have run (Lightning ignores a stop request before min_epochs), or at
 *       {@code maxEpochs}.</li>
 *   <li>The epoch kept is the one with the lowest loss (strictly lower than all before it), with no
 *       {@code minDelta}: the checkpoint callback's rule.</li>
 * </ul>
 */
final class EarlyStopping {
    private final int minEpochs;
    private final int maxEpochs;
    private final int patience;
    private final double minDelta;
    private double stoppingBest = Double.POSITIVE_INFINITY;
    private double best = Double.POSITIVE_INFINITY;
    private int bestEpoch = -1;
    private int sinceImproved;
    private int epochs;

    EarlyStopping(int minEpochs, int maxEpochs, int patience, double minDelta) {
        this.minEpochs = minEpochs;
        this.maxEpochs = maxEpochs;
        this.patience = patience;
        this.minDelta = minDelta;
    }

    /** Records one epoch's validation loss; returns whether it is the new best (to keep its parameters). */
    boolean record(double loss) {
        epochs++;
        if (loss < stoppingBest - minDelta) {
            stoppingBest = loss;
            sinceImproved = 0;
        } else {
            sinceImproved++;
        }
        if (loss < best) {
            best = loss;
            bestEpoch = epochs;
            return true;
        }
        return false;
    }

    /** Whether training stops after the epochs recorded so far. */
    boolean stop() {
        return epochs >= maxEpochs || (epochs >= minEpochs && sinceImproved >= patience);
    }

    int epochs() {
        return epochs;
    }

    /** 1-based epoch with the lowest loss, -1 before any epoch. */
    int bestEpoch() {
        return bestEpoch;
    }

    double best() {
        return best;
    }
}
