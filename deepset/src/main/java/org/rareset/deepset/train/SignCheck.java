package org.rareset.deepset.train;

import org.rareset.deepset.model.MlpDeepSet;

/**
 * Orients a trained network so that a higher score means a more impaired gene.
 *
 * <p>The network's sign is arbitrary: the trait heads can absorb a negation. DeepRVAT's rule
 * ({@code deeprvat/deeprvat/associate.py reverse_models}): take every annotation row with a pLoF
 * flag equal to 1, score each alone (a one-variant gene) once as it is and once with its pLoF flags
 * set to 0, and negate the network when the mean of {@code score - score_without_flags} is below 0.
 * The network is flipped, never dropped. The rows are {@link TrainingData#signCheckRow}: the
 * annotation table's rows of every gene with a flag (DeepRVAT reads its whole annotation file).
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

    /** Checks {@code network}, which must not be reversed yet, on the sign-check rows of {@code data}. */
    public static Outcome check(MlpDeepSet network, TrainingData data) {
        if (network.reverse()) throw new IllegalArgumentException("the sign check takes an unreversed network");
        int[] flags = data.plofColumns();
        int h = network.embeddingSize();
        double[] emb = new double[h];
        double[] score = new double[1];
        double with = 0;
        double without = 0;
        double difference = 0;
        int n = data.nSignCheckRows();
        for (int r = 0; r < n; r++) {
            double[] row = data.signCheckRow(r);
            double a = scoreAlone(network, row, emb, score);
            for (int c : flags) row[c] = 0;
            double b = scoreAlone(network, row, emb, score);
            with += a;
            without += b;
            difference += a - b;
        }
        if (n == 0) return new Outcome(false, Double.NaN, Double.NaN, 0);
        return new Outcome(difference / n < 0, with / n, without / n, n);
    }

    /** The network's score of a gene carrying only {@code row}. */
    private static double scoreAlone(MlpDeepSet network, double[] row, double[] emb, double[] score) {
        network.embed(row, 1, emb);
        network.scoreEmbeddings(emb, 1, score);
        return score[0];
    }
}
