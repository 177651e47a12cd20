package org.rareset.association.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/** On simulated cohorts where known causal genes' scores drive the trait, their scores add to the covariates-only baseline. */
@Tag("slow")
class RiskStratificationTest {
    static final RiskStratification.Settings SETTINGS = new RiskStratification.Settings(500, 9, Enrichment.DEFAULT_EDGES);

    /** Columns: age, sex, then 6 gene scores; genes 0 and 1 are causal. */
    static double[][] cohort(Random r, int n) {
        double[][] x = new double[n][8];
        for (int i = 0; i < n; i++) {
            x[i][0] = 40 + 10 * r.nextGaussian();
            x[i][1] = r.nextInt(2);
            for (int g = 0; g < 6; g++) x[i][2 + g] = r.nextDouble() < 0.1 ? r.nextDouble() : 0.02 * r.nextDouble();
        }
        return x;
    }

    static double[][] columns(double[][] x, int... cols) {
        double[][] out = new double[x.length][cols.length];
        for (int i = 0; i < x.length; i++) for (int j = 0; j < cols.length; j++) out[i][j] = x[i][cols[j]];
        return out;
    }

    @Test
    void causalScoresRaiseTheAucAboveTheCovariateBaselineAndNoiseScoresDoNot() {
        Random r = new Random(11);
        int n = 6000;
        double[][] x = cohort(r, n);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double eta = -3 + 0.04 * (x[i][0] - 40) + 0.2 * x[i][1] + 4 * x[i][2] + 4 * x[i][3];
            y[i] = r.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
        }
        TrainTestSplit split = TrainTestSplit.of(n, 0.8, 3);
        RiskStratification.Result causal = RiskStratification.run(columns(x, 0, 1), columns(x, 2, 3), y, true, split, SETTINGS);
        RiskStratification.Result noise = RiskStratification.run(columns(x, 0, 1), columns(x, 4, 5, 6, 7), y, true, split, SETTINGS);
        // the baseline is the same model in both runs, and the covariates alone already discriminate (age effect)
        assertEquals(causal.metric().baseline(), noise.metric().baseline());
        assertTrue(causal.metric().baseline().low() > 0.5, "covariate AUC " + causal.metric().baseline());
        assertTrue(causal.metric().difference().low() > 0, "causal scores add AUC: " + causal.metric().difference());
        assertTrue(noise.metric().difference().low() < 0 && noise.metric().difference().high() > -0.02,
                "noise scores add nothing: " + noise.metric().difference());
        // the top 1% bin of the model with causal scores is enriched beyond the baseline's
        Enrichment.Bin top = causal.withScores().bins().get(0);
        assertEquals(12, top.n()); // ceil(0.01 * 1200)
        assertTrue(causal.withScores().bins().get(1).relative() > causal.baseline().bins().get(1).relative());
        assertEquals(1200, causal.withScores().bins().stream().mapToInt(Enrichment.Bin::n).sum());
    }

    @Test
    void causalScoresRaiseTheHeldOutRSquaredOfAQuantitativeTrait() {
        Random r = new Random(12);
        int n = 4000;
        double[][] x = cohort(r, n);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = 0.03 * x[i][0] + 0.1 * x[i][1] + 3 * x[i][2] + 3 * x[i][3] + r.nextGaussian();
        TrainTestSplit split = TrainTestSplit.of(n, 0.8, 4);
        RiskStratification.Result res = RiskStratification.run(columns(x, 0, 1), columns(x, 2, 3), y, false, split, SETTINGS);
        // Var(0.03 age) = 0.09; Var(3 g) per gene ~ 9 * Var(g) with g a 10% uniform mixture: ~0.0245 -> 2 genes ~0.44
        assertEquals(0.09 / (0.09 + 0.0025 + 1 + 0.44), res.metric().baseline().estimate(), 0.04);
        assertEquals(0.44 / (0.09 + 0.0025 + 1 + 0.44), res.metric().difference().estimate(), 0.05);
        assertTrue(res.metric().difference().low() > 0.15, res.metric().difference().toString());
    }

    @Test
    void withoutGenesBothModelsAreTheBaseline() {
        Random r = new Random(13);
        int n = 500;
        double[][] x = cohort(r, n);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = x[i][0] + r.nextGaussian();
        RiskStratification.Result res = RiskStratification.run(columns(x, 0, 1), new double[n][0], y, false,
                TrainTestSplit.of(n, 0.8, 1), SETTINGS);
        assertEquals(res.metric().baseline(), res.metric().withScores());
        assertEquals(0, res.metric().difference().estimate(), 0);
    }
}
