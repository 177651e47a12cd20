package org.rareset.association.gene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.junit.jupiter.api.Test;
import org.rareset.association.genotype.GeneGenotypes;
import org.rareset.association.nullmodel.NullModel;

/**
 * Single-variant score tests on a tiny cohort against a direct dense computation (the null fits
 * redone here by OLS and IRLS, projections by QR), and the closed form "one variant: burden =
 * ACAT-V = single-variant test".
 */
class SingleVariantTest {
    private static final int N = 60;

    private static double[][] covariates(Random r) {
        double[][] x = new double[N][2];
        for (int i = 0; i < N; i++) {
            x[i][0] = 1;
            x[i][1] = r.nextGaussian();
        }
        return x;
    }

    /** Three sparse columns: 1-2 dosages at random carriers, one with a mean-imputed missing call. */
    private static GeneGenotypes genotypes(Random r, double[][] dense) {
        List<GeneGenotypes.Column> cols = new ArrayList<>();
        int[] carriers = {4, 9, 15};
        for (int j = 0; j < carriers.length; j++) {
            List<Integer> s = new ArrayList<>();
            List<Double> d = new ArrayList<>();
            for (int i = 0; i < N && s.size() < carriers[j]; i++) {
                if (r.nextDouble() < 0.3) {
                    double dose = r.nextDouble() < 0.2 ? 2 : 1;
                    if (j == 2 && s.isEmpty()) dose = 0.3; // an imputed missing call
                    s.add(i);
                    d.add(dose);
                    dense[i][j] = dose;
                }
            }
            double mac = d.stream().mapToDouble(Double::doubleValue).sum();
            cols.add(new GeneGenotypes.Column("1:" + (100 + j) + ":A:G", s.stream().mapToInt(Integer::intValue).toArray(),
                    d.stream().mapToDouble(Double::doubleValue).toArray(), mac / (2.0 * N), mac, s.size(), 0));
        }
        return GeneGenotypes.of(N, cols);
    }

    private static double[] column(double[][] g, int j) {
        double[] c = new double[N];
        for (int i = 0; i < N; i++) c[i] = g[i][j];
        return c;
    }

    /** |W^1/2 (g - X (X'WX)^-1 X'W g)|^2 = g'Wg - g'WX (X'WX)^-1 X'Wg by QR of W^1/2 X. */
    private static double projectedVariance(double[][] x, double[] w, double[] g) {
        double[][] xw = new double[N][2];
        double[] gw = new double[N];
        for (int i = 0; i < N; i++) {
            double s = Math.sqrt(w[i]);
            xw[i][0] = x[i][0] * s;
            xw[i][1] = x[i][1] * s;
            gw[i] = g[i] * s;
        }
        RealMatrix xm = new Array2DRowRealMatrix(xw, false);
        RealVector gv = new ArrayRealVector(gw);
        RealVector res = gv.subtract(xm.operate(new QRDecomposition(xm).getSolver().solve(gv)));
        return res.dotProduct(res);
    }

    @Test
    void quantitativeTraitMatchesDenseScoreTestAndOlsBeta() {
        Random r = new Random(11);
        double[][] x = covariates(r);
        double[][] g = new double[N][3];
        GeneGenotypes gg = genotypes(r, g);
        double[] y = new double[N];
        for (int i = 0; i < N; i++) y[i] = 1 + 0.5 * x[i][1] + 0.8 * g[i][1] + r.nextGaussian();
        NullModel model = NullModel.linear(y, x);
        GeneScores scores = GeneScores.compute(model, gg, new double[] {1, 1, 1}, TestOptions.defaults());

        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.setNoIntercept(true);
        ols.newSampleData(y, x);
        double[] resid = ols.estimateResiduals();
        double sigma = Math.sqrt(ols.calculateResidualSumOfSquares() / (N - 2));
        double[] ones = new double[N];
        java.util.Arrays.fill(ones, 1.0);
        for (int j = 0; j < 3; j++) {
            double[] gj = column(g, j);
            double gr = 0;
            for (int i = 0; i < N; i++) gr += gj[i] * resid[i];
            double v = projectedVariance(x, ones, gj);
            double chi2 = gr * gr / (sigma * sigma * v);
            SingleVariant.Result res = SingleVariant.test(scores, j);
            assertEquals(gr / v, res.beta(), 1e-10 * Math.abs(gr / v), "beta of column " + j);
            assertEquals(sigma / Math.sqrt(v), res.se(), 1e-10 * sigma, "se of column " + j);
            double p = 1 - new ChiSquaredDistribution(1).cumulativeProbability(chi2);
            assertEquals(Math.log10(p), res.log10P(), 1e-8 * Math.max(1, Math.abs(Math.log10(p))), "log10 p of column " + j);

            // Frisch-Waugh-Lovell: the score estimate g'r / g'Pg is the OLS coefficient of g given X
            double[][] xg = new double[N][3];
            for (int i = 0; i < N; i++) xg[i] = new double[] {x[i][0], x[i][1], gj[i]};
            OLSMultipleLinearRegression full = new OLSMultipleLinearRegression();
            full.setNoIntercept(true);
            full.newSampleData(y, xg);
            assertEquals(full.estimateRegressionParameters()[2], res.beta(), 1e-9, "OLS beta of column " + j);
        }
    }

    @Test
    void binaryTraitMatchesDenseLogisticScoreTest() {
        Random r = new Random(5);
        double[][] x = covariates(r);
        double[][] g = new double[N][3];
        GeneGenotypes gg = genotypes(r, g);
        double[] y = new double[N];
        for (int i = 0; i < N; i++) y[i] = r.nextDouble() < 1 / (1 + Math.exp(-(-0.3 + 0.7 * x[i][1] + g[i][2]))) ? 1 : 0;
        NullModel model = NullModel.logistic(y, x);
        GeneScores scores = GeneScores.compute(model, gg, new double[] {1, 1, 1}, TestOptions.plainScore());

        // IRLS here, independently of NullModel
        double[] b = new double[2];
        double[] mu = new double[N];
        double[] w = new double[N];
        for (int it = 0; it < 50; it++) {
            double[][] xtwx = new double[2][2];
            double[] score = new double[2];
            for (int i = 0; i < N; i++) {
                mu[i] = 1 / (1 + Math.exp(-(b[0] * x[i][0] + b[1] * x[i][1])));
                w[i] = mu[i] * (1 - mu[i]);
                for (int a = 0; a < 2; a++) {
                    score[a] += x[i][a] * (y[i] - mu[i]);
                    for (int c = 0; c < 2; c++) xtwx[a][c] += x[i][a] * w[i] * x[i][c];
                }
            }
            RealVector step = new QRDecomposition(new Array2DRowRealMatrix(xtwx)).getSolver().solve(new ArrayRealVector(score));
            b[0] += step.getEntry(0);
            b[1] += step.getEntry(1);
        }
        for (int i = 0; i < N; i++) {
            mu[i] = 1 / (1 + Math.exp(-(b[0] * x[i][0] + b[1] * x[i][1])));
            w[i] = mu[i] * (1 - mu[i]);
        }
        for (int j = 0; j < 3; j++) {
            double[] gj = column(g, j);
            double u = 0;
            for (int i = 0; i < N; i++) u += gj[i] * (y[i] - mu[i]);
            double v = projectedVariance(x, w, gj);
            SingleVariant.Result res = SingleVariant.test(scores, j);
            assertEquals(u / v, res.beta(), 1e-7 * Math.max(1, Math.abs(u / v)), "beta of column " + j);
            assertEquals(1 / Math.sqrt(v), res.se(), 1e-7 / Math.sqrt(v), "se of column " + j);
            double p = 1 - new ChiSquaredDistribution(1).cumulativeProbability(u * u / v);
            assertEquals(Math.log10(p), res.log10P(), 1e-6 * Math.max(1, Math.abs(Math.log10(p))), "log10 p of column " + j);
        }
    }

    @Test
    void oneVariantGeneBurdenAndAcatvEqualTheSingleVariantTestWithSpa() {
        Random r = new Random(3);
        double[][] x = covariates(r);
        double[][] g = new double[N][3];
        GeneGenotypes gg = genotypes(r, g);
        double[] y = new double[N];
        // strong effect so |z| passes the SPA cutoff
        for (int i = 0; i < N; i++) y[i] = g[i][1] > 0 || r.nextDouble() < 0.15 ? 1 : 0;
        NullModel model = NullModel.logistic(y, x);
        TestOptions spaNoFirth = new TestOptions(TestOptions.DEFAULT_RHO, 0.0, true, 2.0);
        GeneGenotypes one = GeneGenotypes.of(N, List.of(gg.column(1)));
        GeneScores scores = GeneScores.compute(model, one, new double[] {7.5}, spaNoFirth);
        SingleVariant.Result sv = SingleVariant.test(scores, 0);
        assertTrue(Math.abs(scores.score(0)) / Math.sqrt(scores.covariance(0, 0)) > 2, "SPA applies");
        GeneResult burden = Burden.INSTANCE.apply(scores);
        assertEquals(burden.log10P(), sv.log10P(), 1e-9 * Math.abs(sv.log10P()));
        assertEquals(burden.beta() * 7.5, sv.beta(), 1e-9 * Math.abs(sv.beta()), "burden beta is per unit of w g");
        assertEquals(sv.log10P(), AcatV.INSTANCE.apply(scores).log10P(), 1e-12);
        double plain = Math.log10(1 - new ChiSquaredDistribution(1).cumulativeProbability(
                scores.score(0) * scores.score(0) / scores.covariance(0, 0)));
        assertTrue(Math.abs(plain - sv.log10P()) > 1e-3, "SPA changed the p-value: " + plain + " vs " + sv.log10P());
    }

    @Test
    void columnWithoutVarianceIsNaN() {
        Random r = new Random(2);
        double[][] x = covariates(r);
        double[] y = new double[N];
        for (int i = 0; i < N; i++) y[i] = r.nextGaussian();
        double[] dos = new double[N];
        int[] all = new int[N];
        for (int i = 0; i < N; i++) { all[i] = i; dos[i] = 1; } // equals the intercept
        GeneGenotypes gg = GeneGenotypes.of(N, List.of(new GeneGenotypes.Column("1:5:A:G", all, dos, 0.5, N, N, 0)));
        SingleVariant.Result res = SingleVariant.test(GeneScores.compute(NullModel.linear(y, x), gg, new double[] {1},
                TestOptions.defaults()), 0);
        assertTrue(Double.isNaN(res.log10P()) || res.log10P() > -1e-6, "no signal from a constant column: " + res);
    }
}
