package org.rareset.association.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.junit.jupiter.api.Test;
import org.rareset.association.input.GeneScoreTable;

/** Genes of a risk model are chosen from the training samples alone. */
class TrainingGeneSelectionTest {
    static final int N = 1000, TRAIN = 800;

    @Test
    void onlyTrainingSamplesChooseGenes() {
        Random r = new Random(3);
        double[] age = new double[N];
        double[] y = new double[N];
        double[][] g = new double[4][N]; // A: causal everywhere; B: carriers only held out; C: one training carrier; D: null
        for (int i = 0; i < N; i++) {
            age[i] = 40 + 10 * r.nextGaussian();
            if (r.nextDouble() < 0.1) g[0][i] = 1;
            if (i >= TRAIN && r.nextDouble() < 0.2) g[1][i] = 1;
            if (r.nextDouble() < 0.1) g[3][i] = 0.5 + r.nextDouble();
            y[i] = 0.02 * age[i] + 1.0 * g[0][i] + 3.0 * g[1][i] + r.nextGaussian();
        }
        g[2][5] = 1;
        y[5] = 8; // a single extreme carrier in training
        String[] names = {"A", "B", "C", "D"};
        List<GeneScoreTable.GeneScore> genes = new ArrayList<>();
        for (int k = 0; k < 4; k++) genes.add(sparse(names[k], g[k]));
        int[] trainRowOf = new int[N];
        for (int i = 0; i < N; i++) trainRowOf[i] = i < TRAIN ? i : -1;
        double[][] cov = new double[TRAIN][];
        for (int i = 0; i < TRAIN; i++) cov[i] = new double[] {age[i]};
        double[] yt = Arrays.copyOf(y, TRAIN);

        TrainingGeneSelection.Result res = TrainingGeneSelection.select(cov, yt, false, genes, trainRowOf, 0.05, 5, 1);
        assertEquals(List.of("A"), res.selected());
        assertEquals(2, res.nTested(), "B (no training carrier) and C (one) are skipped, not tested");
        assertEquals(Math.log10(0.05 / 2), res.log10Threshold(), 1e-12);
        TrainingGeneSelection.Tested a = res.genes().get(0), b = res.genes().get(1), c = res.genes().get(2), d = res.genes().get(3);
        assertEquals(0, b.carriers());
        assertFalse(b.selected());
        assertEquals(1, c.carriers());
        assertTrue(c.skipped().startsWith("fewer than 5"), c.skipped());
        assertFalse(d.selected());
        // The score test of A equals the closed form on the training samples: T = (r_g'r_y)^2 / (sigma^2 r_g'r_g),
        // r the residuals on [1, age] (commons-math OLS) and sigma^2 = RSS / (n - 2).
        double[] ry = residuals(yt, cov);
        double[] rg = residuals(Arrays.copyOf(g[0], TRAIN), cov);
        double gy = 0, gg = 0, rss = 0;
        for (int i = 0; i < TRAIN; i++) { gy += rg[i] * ry[i]; gg += rg[i] * rg[i]; rss += ry[i] * ry[i]; }
        double t = gy * gy / (rss / (TRAIN - 2) * gg);
        double log10P = Math.log10(1 - new ChiSquaredDistribution(1).cumulativeProbability(t));
        assertEquals(log10P, a.log10P(), 1e-6 * Math.abs(log10P));

        // Without the carrier minimum, the single extreme carrier becomes "significant": the reason for the rule.
        TrainingGeneSelection.Result loose = TrainingGeneSelection.select(cov, yt, false, genes, trainRowOf, 0.05, 1, 1);
        assertTrue(loose.selected().contains("C"), loose.genes().toString());
        assertFalse(loose.selected().contains("B"));
    }

    /**
     * A binary trait with 40 genes, some causal (so some get Firth fits), tested on 1 and on 3
     * threads: the same genes, carriers, betas, standard errors and p-values to the last bit, in
     * input order.
     */
    @Test
    void threadCountDoesNotChangeTheResult() {
        Random r = new Random(5);
        int genes = 40;
        double[][] g = new double[genes][N];
        double[] age = new double[N];
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            age[i] = 40 + 10 * r.nextGaussian();
            double eta = -2 + 0.03 * (age[i] - 40);
            for (int k = 0; k < genes; k++) {
                if (r.nextDouble() < 0.02 + 0.002 * k) g[k][i] = 0.2 + r.nextDouble();
                if (k % 5 == 0) eta += 1.5 * g[k][i];
            }
            y[i] = r.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
        }
        List<GeneScoreTable.GeneScore> scores = new ArrayList<>();
        for (int k = 0; k < genes; k++) scores.add(sparse("G" + k, g[k]));
        int[] trainRowOf = new int[N];
        for (int i = 0; i < N; i++) trainRowOf[i] = i < TRAIN ? i : -1;
        double[][] cov = new double[TRAIN][];
        for (int i = 0; i < TRAIN; i++) cov[i] = new double[] {age[i]};
        double[] yt = Arrays.copyOf(y, TRAIN);

        TrainingGeneSelection.Result one = TrainingGeneSelection.select(cov, yt, true, scores, trainRowOf, 0.05, 5, 1);
        TrainingGeneSelection.Result three = TrainingGeneSelection.select(cov, yt, true, scores, trainRowOf, 0.05, 5, 3);
        assertEquals(one, three);
        assertEquals(genes, one.genes().size());
        for (int k = 0; k < genes; k++) assertEquals("G" + k, one.genes().get(k).gene());
        assertFalse(one.selected().isEmpty(), "some causal gene passes: " + one.genes());
        assertTrue(one.genes().stream().anyMatch(t -> t.log10P() < Math.log10(0.05)), "some gene gets a Firth beta");
    }

    static GeneScoreTable.GeneScore sparse(String name, double[] v) {
        int k = 0;
        for (double x : v) if (x != 0) k++;
        int[] s = new int[k];
        double[] d = new double[k];
        k = 0;
        for (int i = 0; i < v.length; i++) if (v[i] != 0) { s[k] = i; d[k++] = v[i]; }
        return new GeneScoreTable.GeneScore(name, 0, s, d);
    }

    static double[] residuals(double[] y, double[][] x) {
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(y, x);
        return ols.estimateResiduals();
    }
}
