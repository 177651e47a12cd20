package org.rareset.deepset.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;
import org.rareset.core.InputException;
import org.rareset.deepset.model.ModelFiles;
import org.rareset.deepset.model.TrainedEnsemble;
import org.rareset.deepset.score.GeneRows;
import org.rareset.deepset.score.GeneScores;
import org.rareset.deepset.score.GeneScoringEngine;

/** Ensembles: same seed same scores, saved and loaded back to identical scores, missing columns refused. */
@Tag("slow")
class EnsembleFilesTest {

    @Test
    void savedEnsembleScoresIdenticallyAndTrainingIsReproducible(@TempDir Path tmp) {
        SyntheticCohort c = new SyntheticCohort(1500, 8, 15, new int[] {0, 1}, 1.5, 11);
        TrainingData data = c.trainingData(new int[] {0, 1, 2});
        TrainingOptions opt = TrainingOptions.defaults().withRepeats(2).withEpochs(1, 4).withBatchSize(256)
                .withLearningRate(1e-2).withSeed(5);
        var prov = new EnsembleTrainer.Provenance("MAF < 0.01", List.of("is_plof"), "test");
        EnsembleTrainer.Outcome a = new EnsembleTrainer(opt).train(data, prov, s -> { });
        EnsembleTrainer.Outcome b = new EnsembleTrainer(opt).train(data, prov, s -> { });
        Path dir = tmp.resolve("model");
        ModelFiles.save(a.description(), a.weights(), dir);
        assertTrue(Files.exists(dir.resolve("model.json")) && Files.exists(dir.resolve("repeat_1.params")));
        TrainedEnsemble loaded = ModelFiles.load(dir);
        assertEquals(a.description(), loaded.description());

        List<GeneRows> genes = genes(c);
        GeneScoringEngine before = new GeneScoringEngine(a.ensemble());
        GeneScoringEngine again = new GeneScoringEngine(b.ensemble());
        GeneScoringEngine after = new GeneScoringEngine(loaded);
        for (GeneRows g : genes) {
            GeneScores s0 = before.score(g);
            double[] d0 = new double[c.nSamples];
            double[] d1 = new double[c.nSamples];
            double[] d2 = new double[c.nSamples];
            s0.fill(d0, c.nSamples);
            after.score(g).fill(d1, c.nSamples);
            again.score(g).fill(d2, c.nSamples);
            assertArrayEquals(d0, d1, 0.0, "loaded model scores " + g.gene() + " identically");
            assertArrayEquals(d0, d2, 0.0, "same data and seed give the same scores for " + g.gene());
        }

        // Overwriting a model folder replaces it; a folder that is not a model is refused.
        ModelFiles.save(b.description(), b.weights(), dir);
        assertEquals(b.description(), ModelFiles.load(dir).description());
        Path other = tmp.resolve("other");
        org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> Files.writeString(Files.createDirectories(other).resolve("x"), "x"));
        assertThrows(InputException.class, () -> ModelFiles.save(a.description(), a.weights(), other));

        InputException e = assertThrows(InputException.class,
                () -> loaded.requireAnnotations(List.of("is_plof", "CADD_raw"), Path.of("ann.tsv")));
        assertTrue(e.getMessage().contains("missense") && e.getMessage().contains("conservation")
                && e.getMessage().startsWith("ann.tsv: "), e.getMessage());
    }

    static List<GeneRows> genes(SyntheticCohort c) {
        List<GeneRows> out = new ArrayList<>();
        for (int g = 0; g < c.nGenes; g++) {
            int n = c.rows.get(g).size();
            double[] v = new double[n * SyntheticCohort.ANNOTATIONS.size()];
            for (int r = 0; r < n; r++) System.arraycopy(c.rows.get(g).get(r), 0, v, r * 4, 4);
            out.add(new GeneRows(c.genes.get(g), 4, v, c.carriers.get(g).toArray(new int[0][])));
        }
        return out;
    }
}
