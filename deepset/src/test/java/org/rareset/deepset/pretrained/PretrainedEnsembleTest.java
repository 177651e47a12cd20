package org.rareset.deepset.pretrained;

import org.rareset.deepset.model.MlpDeepSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.core.InputException;
import org.rareset.deepset.score.GeneRows;
import org.rareset.deepset.score.GeneScoringEngine;

/**
 * The four golden facts of ../shared/deeprvat-pretrained/README.md: float64 reference means of
 * the 30 published models, computed from the float32 weights (9 decimals given, so the bar is 5e-10).
 */
class PretrainedEnsembleTest {
    private static PretrainedEnsemble ensemble;
    private static GeneScoringEngine engine;

    @BeforeAll
    static void load() {
        if (!SharedData.hasPretrained()) return; // each test then reports the skip
        ensemble = PretrainedEnsemble.load(SharedData.pretrainedDir());
        engine = new GeneScoringEngine(ensemble);
    }

    @org.junit.jupiter.api.BeforeEach
    void needsModels() {
        SharedData.pretrained();
    }

    private static double[] row(Object... nameValue) {
        double[] x = new double[ensemble.annotations().size()];
        for (int i = 0; i < nameValue.length; i += 2) {
            int c = ensemble.annotations().indexOf((String) nameValue[i]);
            assertTrue(c >= 0, "annotation " + nameValue[i]);
            x[c] = ((Number) nameValue[i + 1]).doubleValue();
        }
        return x;
    }

    private static final double MB = Math.pow(1e-4 * (1 - 1e-4) + 1e-8, -0.5);

    private static double scoreOneCarrier(double[] row) {
        GeneRows gene = new GeneRows("G", row.length, row, new int[][] {{0}});
        return engine.score(gene).score(0);
    }

    @Test
    void loadsThirtyModelsWithTheirReverseMarkers() {
        assertEquals(30, ensemble.members().size());
        assertEquals(34, ensemble.annotations().size());
        assertEquals("MAF_MB", ensemble.annotations().get(0));
        assertEquals("alphamissense", ensemble.annotations().get(33));
        List<Integer> reversed = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            MlpDeepSet m = ensemble.members().get(i);
            assertTrue(m.name().startsWith("repeat_" + i + "/"), m.name());
            if (m.reverse()) reversed.add(i);
        }
        assertEquals(List.of(1, 5, 6, 7, 12, 16, 20, 23, 25, 27), reversed);
    }

    @Test
    void emptyGeneScoresThePaddingRowOnly() {
        assertEquals(0.497410443, engine.emptyScore(), 5e-10);
        GeneRows nobody = new GeneRows("G", 34, new double[34], new int[][] {{}});
        assertEquals(engine.emptyScore(), engine.score(nobody).score(7), 0.0);
    }

    @Test
    void stopGainedWithTheZeroRow() {
        double[] x = row("MAF_MB", MB, "CADD_raw", 8, "sift_score", 1, "Consequence_stop_gained", 1);
        assertEquals(0.987681267, scoreOneCarrier(x), 5e-10);
    }

    @Test
    void stopGainedWithoutTheZeroRowDiffers() {
        double[] x = row("MAF_MB", MB, "CADD_raw", 8, "sift_score", 1, "Consequence_stop_gained", 1);
        double sum = 0;
        for (MlpDeepSet m : ensemble.members()) {
            double[] e = new double[m.embeddingSize()];
            m.embed(x, 1, e);
            double[] s = new double[1];
            m.scoreEmbeddings(e, 1, s);
            sum += s[0];
        }
        assertEquals(0.988513451, sum / 30, 5e-10);
    }

    @Test
    void missenseWithTheZeroRow() {
        double[] x = row("MAF_MB", MB, "CADD_raw", 3, "sift_score", 0.01, "polyphen_score", 0.95,
                "Consequence_missense_variant", 1, "condel_score", 0.9, "PrimateAI_score", 0.8, "alphamissense", 0.9);
        assertEquals(0.828090977, scoreOneCarrier(x), 5e-10);
    }
}
