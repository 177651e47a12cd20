package org.rareset.association.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.rareset.association.gene.TestOptions;
import org.rareset.association.input.GeneScoreTable;
import org.rareset.association.input.TraitData;
import org.rareset.association.nullmodel.NullModel;
import org.rareset.association.nullmodel.TraitType;
import org.rareset.core.formats.ResultRow;

/**
 * {@code assoc --scores} tests a gene from its carriers only (the score's deviations from the
 * gene's baseline); the reference here is the textbook score test over every sample's dense score
 * (baseline included): U = g'r, V = g'Wg - g'WX (X'WX)^-1 X'Wg, summed over all samples. The two
 * agree to 1e-12 because the intercept absorbs the baseline.
 */
class SparseScoreTestTest {
    private static final int N = 600;

    @Test
    void sparseScoreTestEqualsTheDenseTestOverAllSamples() {
        Random rnd = new Random(11);
        double[][] x = new double[N][3];
        double[] qt = new double[N];
        double[] bt = new double[N];
        for (int i = 0; i < N; i++) {
            x[i][0] = 1;
            x[i][1] = rnd.nextGaussian();
            x[i][2] = rnd.nextInt(2);
            qt[i] = 0.4 * x[i][1] - 0.3 * x[i][2] + rnd.nextGaussian();
            bt[i] = rnd.nextDouble() < 1 / (1 + Math.exp(1.2 - 0.5 * x[i][1])) ? 1 : 0;
        }
        // genes: baseline plus deviations at 5..60 carriers; the QT trait depends on the first gene
        List<GeneScoreTable.GeneScore> genes = new ArrayList<>();
        double[][] dense = new double[6][N];
        for (int g = 0; g < 6; g++) {
            double baseline = 0.2 + 0.15 * g;
            int carriers = 5 + 11 * g;
            java.util.TreeSet<Integer> set = new java.util.TreeSet<>();
            while (set.size() < carriers) set.add(rnd.nextInt(N));
            int[] samples = set.stream().mapToInt(Integer::intValue).toArray();
            double[] dev = new double[carriers];
            java.util.Arrays.fill(dense[g], baseline);
            for (int k = 0; k < carriers; k++) {
                dev[k] = 0.1 + rnd.nextDouble();
                dense[g][samples[k]] = baseline + dev[k];
                if (g == 0) qt[samples[k]] += 3 * dev[k];
            }
            genes.add(new GeneScoreTable.GeneScore("G" + g, baseline, samples, dev));
        }
        int[] identity = new int[N];
        for (int i = 0; i < N; i++) identity[i] = i;
        List<TraitData> traits = List.of(trait("QT", TraitType.QUANTITATIVE, identity, qt, x),
                trait("BT", TraitType.BINARY, identity, bt, x));
        // plain score tests (no SPA, no Firth): the dense reference is their textbook form
        AssociationRun run = new AssociationRun(new AssociationRun.Settings(List.of(), TestOptions.plainScore(), List.of(), null, 1, null));
        List<ResultRow> rows = run.runScores(traits, genes, null, k -> {}).rows();
        assertEquals(12, rows.size());
        int checked = 0;
        for (ResultRow row : rows) {
            boolean binary = row.phenotype().equals("BT");
            double[] g = dense[Integer.parseInt(row.gene().substring(1))];
            double[] ref = denseTest(binary ? bt : qt, x, g, binary);
            assertEquals(ref[0], row.beta(), 1e-12 * Math.abs(ref[0]), row.gene() + " " + row.phenotype() + " beta");
            assertEquals(ref[1], row.se(), 1e-12 * ref[1], row.gene() + " " + row.phenotype() + " se");
            assertEquals(ref[2], row.log10P(), 1e-12 * Math.abs(ref[2]), row.gene() + " " + row.phenotype() + " log10 p");
            checked++;
        }
        assertEquals(12, checked);
        assertTrue(rows.get(0).log10P() < -5, "the QT gene with an effect is found: " + rows.get(0).log10P());
    }

    private static TraitData trait(String name, TraitType type, int[] identity, double[] y, double[][] x) {
        return new TraitData(name, type, identity, identity, y, x, List.of("c1", "c2"), 0, List.of(), List.of());
    }

    /**
     * beta, se and log10 p of the one-column score test over every sample: W = I and r = y - Xb by
     * least squares for a quantitative trait (beta = g'r / V, se = sigma / sqrt(V), sigma^2 = RSS / (n - p)),
     * W = mu (1 - mu) and r = y - mu for a binary one (beta = g'r / V, se = 1 / sqrt(V)); chi2_1 of U^2 / (s^2 V).
     */
    private static double[] denseTest(double[] y, double[][] x, double[] g, boolean binary) {
        int p = x[0].length;
        double[] w = new double[N];
        double[] r = new double[N];
        double sigma2;
        if (binary) {
            NullModel m = NullModel.logistic(y, x); // the fitted probabilities; the test itself is dense below
            for (int i = 0; i < N; i++) {
                w[i] = m.fitted(i) * (1 - m.fitted(i));
                r[i] = y[i] - m.fitted(i);
            }
            sigma2 = 1;
        } else {
            RealMatrix xm = new Array2DRowRealMatrix(x);
            double[] b = new LUDecomposition(xm.transpose().multiply(xm)).getSolver()
                    .solve(xm.transpose().operate(new ArrayRealVector(y))).toArray();
            double rss = 0;
            for (int i = 0; i < N; i++) {
                double f = 0;
                for (int a = 0; a < p; a++) f += x[i][a] * b[a];
                r[i] = y[i] - f;
                w[i] = 1;
                rss += r[i] * r[i];
            }
            sigma2 = rss / (N - p);
        }
        double u = 0, gwg = 0;
        double[] xtwg = new double[p];
        double[][] xtwx = new double[p][p];
        for (int i = 0; i < N; i++) {
            u += g[i] * r[i];
            gwg += g[i] * w[i] * g[i];
            for (int a = 0; a < p; a++) {
                xtwg[a] += x[i][a] * w[i] * g[i];
                for (int c = 0; c < p; c++) xtwx[a][c] += x[i][a] * w[i] * x[i][c];
            }
        }
        double[] solved = new LUDecomposition(new Array2DRowRealMatrix(xtwx)).getSolver().solve(new ArrayRealVector(xtwg)).toArray();
        double v = gwg;
        for (int a = 0; a < p; a++) v -= xtwg[a] * solved[a];
        double chi2 = u * u / (sigma2 * v);
        double log10P = Math.log10(1 - new ChiSquaredDistribution(1).cumulativeProbability(chi2));
        if (chi2 > 20) log10P = Math.log10(2 * (1 - new org.apache.commons.math3.distribution.NormalDistribution().cumulativeProbability(Math.sqrt(chi2))));
        return new double[] {u / v, Math.sqrt(sigma2 / v), log10P};
    }
}
