package org.rareset.association.nullmodel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rareset.core.InputException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The binary null model with one binary covariate is the saturated model of a 2x2 table, so its
 * maximum-likelihood fit is closed-form (Agresti, Categorical Data Analysis, section 3.1):
 * intercept log(c/d), slope log(a d / (b c)), and [(X'WX)^-1]_11 = 1/a + 1/b + 1/c + 1/d.
 * A covariate that separates cases from controls, completely or with an empty cell, has no finite
 * maximum-likelihood estimate (Albert and Anderson 1984): the fit must fail with the separation message.
 */
class LogisticNullModelTwoByTwoTest {
    private static double[][] x;
    private static double[] y;

    private static void table(int a, int b, int c, int d) {
        int n = a + b + c + d;
        x = new double[n][];
        y = new double[n];
        int i = 0;
        for (int[] cell : new int[][]{{a, 1, 1}, {b, 0, 1}, {c, 1, 0}, {d, 0, 0}}) {
            for (int k = 0; k < cell[0]; k++, i++) {
                y[i] = cell[1];
                x[i] = new double[]{1, cell[2]};
            }
        }
    }

    @Test
    void coefficientsAndCovarianceAreTheOddsRatioFormulas() {
        int a = 30, b = 70, c = 45, d = 255;
        table(a, b, c, d);
        NullModel m = NullModel.logistic(y, x);
        assertEquals(Math.log((double) c / d), m.coefficients()[0], 1e-10);
        assertEquals(Math.log((double) a * d / ((double) b * c)), m.coefficients()[1], 1e-10);
        assertEquals(1.0 / a + 1.0 / b + 1.0 / c + 1.0 / d, m.projectedCovariance(new double[]{0, 1}, new double[]{0, 1}), 1e-10);
        assertEquals((double) a / (a + b), m.fitted(0), 1e-12);
    }

    /** Cases exactly where the covariate is positive, with a gap of 2 * margin between the groups. */
    @ParameterizedTest
    @ValueSource(doubles = {0.05, 1.0, 3.0})
    void completeSeparationIsReportedWhateverTheGap(double margin) {
        int n = 60;
        x = new double[n][];
        y = new double[n];
        for (int i = 0; i < n; i++) {
            double v = margin + 0.01 * (i / 2);
            y[i] = i % 2;
            x[i] = new double[]{1, y[i] == 1 ? v : -v};
        }
        assertSeparation();
    }

    /** An empty cell (no case among the exposed) is quasi-complete separation: the slope has no finite MLE. */
    @Test
    void anEmptyCellIsReportedAsSeparation() {
        table(0, 40, 12, 60);
        assertSeparation();
    }

    /**
     * A 0/1 covariate equal to the trait: the fitted probabilities round to exactly 0 and 1 on the way,
     * so X'WX turns singular during the fit; that is separation, not a collinear covariate.
     */
    @Test
    void aCovariateEqualToTheTraitIsSeparationNotCollinearity() {
        table(25, 0, 0, 55);
        assertSeparation();
    }

    private static void assertSeparation() {
        InputException e = assertThrows(InputException.class, () -> NullModel.logistic(y, x));
        assertTrue(e.getMessage().contains("did not converge") && e.getMessage().contains("separation"), e.getMessage());
    }
}
