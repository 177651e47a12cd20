package org.rareset.association.nullmodel;

import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.junit.jupiter.api.Test;
import org.rareset.core.InputException;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NullModelTest {
    private static double[][] design(int n, Random r) {
        double[][] x = new double[n][3];
        for (int i = 0; i < n; i++) {
            x[i][0] = 1;
            x[i][1] = r.nextGaussian();
            x[i][2] = r.nextInt(2);
        }
        return x;
    }

    @Test
    void linearMatchesCommonsMathOls() {
        Random r = new Random(1);
        int n = 300;
        double[][] x = design(n, r);
        double[] y = new double[n];
        double[][] noIntercept = new double[n][2];
        for (int i = 0; i < n; i++) {
            y[i] = 1 + 2 * x[i][1] - x[i][2] + r.nextGaussian();
            noIntercept[i][0] = x[i][1];
            noIntercept[i][1] = x[i][2];
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(y, noIntercept);
        NullModel m = NullModel.linear(y, x);
        double[] b = ols.estimateRegressionParameters();
        for (int a = 0; a < 3; a++) assertEquals(b[a], m.coefficients()[a], 1e-10);
        assertEquals(ols.estimateErrorVariance(), m.sigma2(), 1e-10);
        double[] res = ols.estimateResiduals();
        for (int i = 0; i < n; i++) assertEquals(res[i], m.residual(i), 1e-10);
    }

    @Test
    void logisticScoreEquationsHoldAtTheFit() {
        Random r = new Random(2);
        int n = 500;
        double[][] x = design(n, r);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = r.nextDouble() < 1 / (1 + Math.exp(-(-1 + x[i][1]))) ? 1 : 0;
        NullModel m = NullModel.logistic(y, x);
        for (int a = 0; a < 3; a++) {
            double s = 0;
            for (int i = 0; i < n; i++) s += x[i][a] * m.residual(i);
            assertEquals(0, s, 1e-8, "score equation " + a);
        }
        assertEquals(1.0, m.sigma2());
    }

    @Test
    void badInputsAreUserErrors() {
        Random r = new Random(3);
        int n = 50;
        double[][] x = design(n, r);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = r.nextGaussian();
        double[][] collinear = new double[n][];
        for (int i = 0; i < n; i++) collinear[i] = new double[]{1, x[i][1], 2 * x[i][1] + 1};
        InputException e = assertThrows(InputException.class, () -> NullModel.linear(y, collinear));
        assertTrue(e.getMessage().contains("collinear"), e.getMessage());
        double[] controls = new double[n];
        assertTrue(assertThrows(InputException.class, () -> NullModel.logistic(controls, x)).getMessage().contains("no cases"));
        double[] constant = new double[n];
        java.util.Arrays.fill(constant, 3.0);
        assertThrows(InputException.class, () -> NullModel.linear(constant, x));
        double[] withNan = y.clone();
        withNan[4] = Double.NaN;
        assertThrows(InputException.class, () -> NullModel.linear(withNan, x));
    }
}
