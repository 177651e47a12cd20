package org.rareset.association.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RiskModelTest {
    @Test
    void linearModelRecoversExactCoefficientsWithoutNoise() {
        Random r = new Random(1);
        int n = 50;
        double[][] x = new double[n][2];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = r.nextGaussian() * 3 + 10;
            x[i][1] = r.nextDouble();
            y[i] = 1.5 - 0.25 * x[i][0] + 4 * x[i][1];
        }
        RiskModel m = RiskModel.fit(x, y, false);
        double[] c = m.coefficients();
        assertEquals(1.5, c[0], 1e-6);
        assertEquals(-0.25, c[1], 1e-7);
        assertEquals(4, c[2], 1e-6);
        assertEquals(1.5 - 0.25 * 7 + 4 * 0.5, m.predict(new double[] {7, 0.5}), 1e-6);
    }

    @Test
    void logisticFitSolvesTheScoreEquations() {
        // At the maximum-likelihood estimate, X'(y - mu) = 0 for every column (intercept included).
        Random r = new Random(2);
        int n = 3000;
        double[][] x = new double[n][2];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = r.nextGaussian();
            x[i][1] = r.nextInt(2);
            double eta = -1 + 0.8 * x[i][0] - 0.5 * x[i][1];
            y[i] = r.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
        }
        RiskModel m = RiskModel.fit(x, y, true);
        double[] score = new double[3];
        for (int i = 0; i < n; i++) {
            double res = y[i] - m.predict(x[i]);
            score[0] += res;
            score[1] += res * x[i][0];
            score[2] += res * x[i][1];
        }
        for (double s : score) assertEquals(0, s, 1e-4);
        double[] c = m.coefficients();
        assertEquals(-1, c[0], 0.15);
        assertEquals(0.8, c[1], 0.12);
        assertEquals(-0.5, c[2], 0.15);
    }

    @Test
    void splitIsDeterministicAndDisjoint() {
        TrainTestSplit a = TrainTestSplit.of(100, 0.8, 5);
        TrainTestSplit b = TrainTestSplit.of(100, 0.8, 5);
        assertEquals(80, a.train().length);
        assertEquals(java.util.Arrays.toString(a.test()), java.util.Arrays.toString(b.test()));
        java.util.Set<Integer> all = new java.util.HashSet<>();
        for (int i : a.train()) all.add(i);
        for (int i : a.test()) assertTrue(all.add(i));
        assertEquals(100, all.size());
    }
}
