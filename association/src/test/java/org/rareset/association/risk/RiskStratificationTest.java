package org.rareset.association.risk;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** On simulated cohorts where known causal genes' scores drive the trait, their scores raise enrichment. */
class RiskStratificationTest {
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
    void causalGeneScoresRaiseCaseEnrichmentForABinaryTrait() {
        Random r = new Random(11);
        int n = 6000;
        double[][] x = cohort(r, n);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double eta = -3 + 0.02 * (x[i][0] - 40) + 0.2 * x[i][1] + 4 * x[i][2] + 4 * x[i][3];
            y[i] = r.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
        }
        double[] f = Enrichment.DEFAULT_FRACTIONS;
        List<Enrichment.Row> covOnly = RiskStratification.run(columns(x, 0, 1), y, true, 0.8, 3, f).enrichment();
        List<Enrichment.Row> noise = RiskStratification.run(columns(x, 0, 1, 4, 5, 6, 7), y, true, 0.8, 3, f).enrichment();
        List<Enrichment.Row> causal = RiskStratification.run(columns(x, 0, 1, 2, 3), y, true, 0.8, 3, f).enrichment();
        // top 10%: the causal model concentrates carriers of damaging variants in causal genes
        assertTrue(causal.get(2).enrichment() > 2.5, "causal top-10% enrichment " + causal.get(2));
        assertTrue(causal.get(2).enrichment() > covOnly.get(2).enrichment() + 1, causal.get(2) + " vs " + covOnly.get(2));
        assertTrue(causal.get(2).enrichment() > noise.get(2).enrichment() + 1, causal.get(2) + " vs " + noise.get(2));
        assertTrue(causal.get(1).enrichment() > covOnly.get(1).enrichment(), causal.get(1) + " vs " + covOnly.get(1));
    }

    @Test
    void causalGeneScoresRaiseTheMeanTraitInTheTopForAQuantitativeTrait() {
        Random r = new Random(12);
        int n = 4000;
        double[][] x = cohort(r, n);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = 0.01 * x[i][0] + 0.1 * x[i][1] + 3 * x[i][2] + 3 * x[i][3] + r.nextGaussian();
        double[] f = Enrichment.DEFAULT_FRACTIONS;
        List<Enrichment.Row> covOnly = RiskStratification.run(columns(x, 0, 1), y, false, 0.8, 4, f).enrichment();
        List<Enrichment.Row> causal = RiskStratification.run(columns(x, 0, 1, 2, 3), y, false, 0.8, 4, f).enrichment();
        assertTrue(causal.get(2).enrichment() > 1.0, "mean difference top 10% vs rest " + causal.get(2));
        assertTrue(causal.get(2).enrichment() > covOnly.get(2).enrichment() + 0.5, causal.get(2) + " vs " + covOnly.get(2));
    }
}
