package org.rareset.deepset.train;

import org.rareset.deepset.model.MlpDeepSet;

/**
 * Orients a trained network so that a higher score means a more impaired gene.
 *
 * <p>The network's sign is arbitrary: the trait heads can absorb a negation. As DeepRVAT does, the
 * check scores the training set's pLoF variants (each alone, as a one-variant gene) once with their
 * annotations and once with their pLoF flags set to 0; if the flags lower the mean score, the
 * network is negated (rho's output changes sign before the sigmoid).
 */
public final class SignCheck {

    /** Outcome: whether to negate, the two mean scores and how many pLoF rows were used. */
    public record Outcome(boolean reverse, double meanWithFlags, double meanWithoutFlags, int plofRows) {
        public String describe() {
            if (plofRows == 0) return "no pLoF variants: sign kept";
            return String.format(java.util.Locale.ROOT, "%d pLoF variants: mean score %.4f with flags, %.4f without%s",
                    plofRows, meanWithFlags, meanWithoutFlags, reverse ? ": negated" : "");
        }
    }

    private SignCheck() {}

    /** Checks {@code network}, which must not be reversed yet, on the pLoF rows of {@code data}. */
    public static Outcome check(MlpDeepSet network, TrainingData data) {
        if (network.reverse()) throw new IllegalArgumentException("the sign check takes an unreversed network");
        int[] flags = data.plofColumns();
        int w = data.width();
        int h = network.embeddingSize();
        double[] emb = new double[h];
        double[] score = new double[1];
        double with = 0;
        double without = 0;
        int n = 0;
        for (int r = 0; r < data.nRows(); r++) {
            if (!data.isPlof(r)) continue;
            double[] row = data.rawRow(r);
            network.embed(row, 1, emb);
            network.scoreEmbeddings(emb, 1, score);
            with += score[0];
            for (int c : flags) row[c] = 0;
            network.embed(row, 1, emb);
            network.scoreEmbeddings(emb, 1, score);
            without += score[0];
            n++;
        }
        if (n == 0) return new Outcome(false, Double.NaN, Double.NaN, 0);
        with /= n;
        without /= n;
        return new Outcome(with < without, with, without, n);
    }
}
