package org.rareset.deepset.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rareset.core.stats.QuantileNormal;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.deepset.model.MlpDeepSet;
import org.rareset.deepset.model.ModelDescription;
import org.rareset.deepset.model.ModelFiles;
import org.rareset.deepset.model.ScoringEnsemble;
import org.rareset.deepset.model.TrainedEnsemble;
import org.rareset.deepset.score.GeneRows;
import org.rareset.deepset.score.GeneScores;
import org.rareset.deepset.score.GeneScoringEngine;
import org.rareset.deepset.score.OutOfFoldScorer;

/**
 * K-fold training: folds are a deterministic partition, no network sees its fold's samples, each
 * fold's traits are transformed over its own training samples, and an out-of-fold score is its fold's
 * networks' score on the whole ensemble's empty-gene baseline (rebuilt here from the raw weights).
 */
@Tag("slow")
class CrossValidationTest {
    private static final int K = 3;

    @Test
    void foldsPartitionTheSamplesDeterministically() {
        int[] a = EnsembleTrainer.folds(1001, K, new SplittableRandom(5));
        int[] b = EnsembleTrainer.folds(1001, K, new SplittableRandom(5));
        int[] c = EnsembleTrainer.folds(1001, K, new SplittableRandom(6));
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c), "another seed deals other folds");
        int[] sizes = new int[K];
        for (int f : a) sizes[f]++;
        assertArrayEquals(new int[] {333, 334, 334}, sorted(sizes), "fold sizes differ by at most one");
    }

    @Test
    void outOfFoldScoresComeFromNetworksThatNeverSawTheSample(@TempDir Path tmp) {
        SyntheticCohort c = new SyntheticCohort(1200, 8, 15, new int[] {0, 1}, 1.5, 11);
        TrainingData data = c.trainingData(new int[] {0, 1, 2}, TraitTransforms.Method.QUANTILE, false);
        TrainingOptions opt = TrainingOptions.defaults().withRepeats(2).withEpochs(1, 3).withBatchSize(256)
                .withLearningRate(1e-2).withCvFolds(K).withSeed(5);
        var prov = new EnsembleTrainer.Provenance("MAF < 0.01", List.of("is_plof"), "test");
        EnsembleTrainer.Outcome out = new EnsembleTrainer(opt).train(data, prov, s -> { });
        int[] foldOf = out.foldOf();
        assertEquals(K * 2, out.weights().size());

        // No fold's networks saw its samples; they saw every other sample (training or validation).
        for (int k = 0; k < K; k++) {
            int[] seen = out.seenByFold().get(k);
            int fk = k;
            assertTrue(Arrays.stream(seen).noneMatch(s -> foldOf[s] == fk), "fold " + k + "'s networks saw its own samples");
            assertEquals(Arrays.stream(foldOf).filter(f -> f != fk).count(), seen.length);
            // The fold's trait values: prepared over the samples it trains on, missing for its held-out samples.
            TrainingData.Trait t = data.withTraitsOver(seen).traits().get(0);
            double[] raw = new double[seen.length];
            for (int i = 0; i < seen.length; i++) raw[i] = c.qt[seen[i]];
            double[] z = QuantileNormal.transform(raw);
            for (int i = 0; i < seen.length; i++) assertEquals((float) z[i], t.values()[seen[i]], 0);
            for (int s = 0; s < foldOf.length; s++) if (foldOf[s] == k) assertTrue(Float.isNaN(t.values()[s]));
        }
        for (ModelDescription.Member m : out.description().members()) assertTrue(m.fold() != null && m.fold() < K);

        // One sample renamed: it is in no fold, so every network scores it.
        List<String> names = new ArrayList<>(c.samples);
        int stranger = c.carriers.get(0).get(0)[0];
        names.set(stranger, "NEW");
        OutOfFoldScorer oof = new OutOfFoldScorer(out.ensemble(), names);
        GeneScoringEngine whole = new GeneScoringEngine(out.ensemble());
        GeneScoringEngine[] byFold = new GeneScoringEngine[K];
        for (int k = 0; k < K; k++) byFold[k] = new GeneScoringEngine(foldMembers(out, data, k));
        int checkedCarriers = 0;
        for (GeneRows g : EnsembleFilesTest.genes(c)) {
            GeneScores s = oof.score(g);
            GeneScores all = whole.score(g);
            assertEquals(all.emptyScore(), s.emptyScore(), 0, "non-carriers sit on the whole ensemble's baseline");
            for (int i = 0; i < s.carriers().length; i++) {
                int sample = s.carriers()[i];
                if (sample == stranger) {
                    assertEquals(all.carrierScores()[i], s.carrierScores()[i], 0);
                    continue;
                }
                int k = foldOf[sample];
                assertEquals(k, oof.foldOf(sample));
                int fk = k;
                assertTrue(Arrays.stream(out.seenByFold().get(k)).noneMatch(x -> x == sample));
                GeneScores own = byFold[fk].score(g);
                double expected = own.score(sample) - byFold[fk].emptyScore() + whole.emptyScore();
                assertEquals(expected, s.carrierScores()[i], 1e-12, g.gene() + " sample " + sample);
                checkedCarriers++;
            }
        }
        assertTrue(checkedCarriers > 100, "carriers checked: " + checkedCarriers);

        // Saved and loaded: the folds and the out-of-fold scores come back unchanged.
        Path dir = tmp.resolve("model");
        ModelFiles.save(out.description(), out.weights(), out.ensemble().folds(), dir);
        TrainedEnsemble loaded = ModelFiles.load(dir);
        assertEquals(out.ensemble().folds(), loaded.folds());
        assertEquals(K, loaded.nFolds());
        for (int k = 0; k < K; k++) assertEquals(2, loaded.fold(k).members().size());
        OutOfFoldScorer again = new OutOfFoldScorer(loaded, names);
        for (GeneRows g : EnsembleFilesTest.genes(c)) {
            assertArrayEquals(oof.score(g).carrierScores(), again.score(g).carrierScores(), 0);
        }

        // Deterministic for a seed: the same folds, training sets and networks.
        EnsembleTrainer.Outcome rerun = new EnsembleTrainer(opt).train(data, prov, s -> { });
        assertArrayEquals(foldOf, rerun.foldOf());
        for (int k = 0; k < K; k++) assertArrayEquals(out.seenByFold().get(k), rerun.seenByFold().get(k));
        assertEquals(out.weights(), rerun.weights());
    }

    /** Fold k's networks, rebuilt from the raw weights and the description (not through TrainedEnsemble.fold). */
    private static ScoringEnsemble foldMembers(EnsembleTrainer.Outcome out, TrainingData data, int k) {
        List<MlpDeepSet> nets = new ArrayList<>();
        for (int i = 0; i < out.weights().size(); i++) {
            ModelDescription.Member m = out.description().members().get(i);
            if (m.fold() == k) nets.add(MlpDeepSet.trained(out.weights().get(i), data.scaling(), m.reverse()));
        }
        return new ScoringEnsemble() {
            @Override
            public List<String> annotations() {
                return data.annotations();
            }

            @Override
            public List<MlpDeepSet> members() {
                return nets;
            }

            @Override
            public String describe() {
                return "fold " + k;
            }
        };
    }

    private static int[] sorted(int[] a) {
        int[] c = a.clone();
        Arrays.sort(c);
        return c;
    }
}
