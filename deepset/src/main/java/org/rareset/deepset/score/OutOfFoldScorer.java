package org.rareset.deepset.score;

import java.util.List;
import java.util.Map;
import org.rareset.deepset.model.TrainedEnsemble;

/**
 * Out-of-fold gene scores from a cross-validated ensemble ({@code rareset train --cv-folds K}).
 *
 * <p>A sample of fold k is scored by fold k's networks only, which never saw it. Each fold's
 * ensemble has its own empty-gene score {@code e_k} (the score of a sample carrying nothing in the
 * gene); the scores are put on one common baseline, the empty-gene score {@code e} of the whole
 * ensemble (all folds' networks):
 * <pre>
 *   score(s, g) = S_k(s, g) - e_k(g) + e(g)    for a sample s of fold k
 *   score(s, g) = S(s, g)                       for a sample in no fold (not a training sample)
 * </pre>
 * where {@code S_k} is fold k's ensemble score and {@code S} the whole ensemble's. A sample carrying
 * nothing in g thus scores {@code e(g)} whatever its fold, so the file stays sparse (one empty-gene
 * score per gene). Without the shift every fold's non-carriers would sit at their own {@code e_k}: a
 * fold-dependent offset on nearly every sample, which a sparse file cannot hold without a row per
 * non-carrier and which an association test only reads as noise.
 */
public final class OutOfFoldScorer {
    private final GeneScoringEngine all;
    private final GeneScoringEngine[] folds;
    private final int[] foldOf;
    /** e - e_k per fold: the whole ensemble's empty-gene score minus fold k's. */
    private final double[] shift;

    /**
     * @param ensemble a cross-validated ensemble
     * @param samples the scored samples, in index order
     */
    public OutOfFoldScorer(TrainedEnsemble ensemble, List<String> samples) {
        Map<String, Integer> assignment = ensemble.folds();
        if (assignment == null) throw new IllegalArgumentException("not a cross-validated ensemble");
        this.all = new GeneScoringEngine(ensemble);
        this.folds = new GeneScoringEngine[ensemble.nFolds()];
        this.shift = new double[folds.length];
        for (int k = 0; k < folds.length; k++) {
            folds[k] = new GeneScoringEngine(ensemble.fold(k));
            shift[k] = all.emptyScore() - folds[k].emptyScore();
        }
        this.foldOf = new int[samples.size()];
        for (int i = 0; i < foldOf.length; i++) foldOf[i] = assignment.getOrDefault(samples.get(i), -1);
    }

    /** The whole ensemble's engine (for the empty-gene score and per-variant output). */
    public GeneScoringEngine ensembleEngine() {
        return all;
    }

    /** Fold of scored sample {@code i}, or -1 when it was not a training sample. */
    public int foldOf(int sample) {
        return foldOf[sample];
    }

    /** Number of scored samples that belong to a fold. */
    public int inFolds() {
        int n = 0;
        for (int f : foldOf) if (f >= 0) n++;
        return n;
    }

    /**
     * Out-of-fold scores of every sample for one gene. The whole ensemble scores the gene only when a
     * carrier belongs to no fold: the empty-gene scores, hence the shifts, are fixed per engine.
     */
    public GeneScores score(GeneRows gene) {
        GeneScores[] byFold = new GeneScores[folds.length];
        for (int k = 0; k < folds.length; k++) {
            byFold[k] = folds[k].score(gene);
            if (!java.util.Arrays.equals(byFold[k].carriers(), byFold[0].carriers())) {
                throw new IllegalStateException("fold " + k + " lists other carriers of " + gene.gene());
            }
        }
        GeneScores first = byFold[0];
        int[] carriers = first.carriers();
        GeneScores whole = null;
        for (int c : carriers) {
            if (foldOf[c] < 0) {
                whole = all.score(gene);
                break;
            }
        }
        double[] scores = new double[carriers.length];
        for (int i = 0; i < carriers.length; i++) {
            int k = foldOf[carriers[i]];
            scores[i] = k < 0 ? whole.carrierScores()[i] : byFold[k].carrierScores()[i] + shift[k];
        }
        return new GeneScores(first.gene(), all.emptyScore(), carriers, scores, first.rows(), first.carriedRows());
    }

    /** Scores genes on {@code threads} threads, handing results to {@code sink} in input order. */
    public void scoreAll(java.util.Iterator<GeneRows> genes, int threads, java.util.function.Consumer<GeneScores> sink) {
        GeneScoringEngine.scoreAll(genes, threads, this::score, sink);
    }
}
