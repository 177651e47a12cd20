package org.rareset.association.multiple;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MultipleTestingTest {
    private static double[] log10(double... p) {
        double[] l = new double[p.length];
        for (int i = 0; i < p.length; i++) l[i] = Math.log10(p[i]);
        return l;
    }

    @Test
    void benjaminiHochbergMatchesRpAdjust() {
        // R: p.adjust(c(0.01, 0.04, 0.03, 0.005, 0.5), "BH") = 0.025 0.05 0.05 0.025 0.5
        double[] q = MultipleTesting.benjaminiHochbergLog10(log10(0.01, 0.04, 0.03, 0.005, 0.5));
        double[] expected = {0.025, 0.05, 0.05, 0.025, 0.5};
        for (int i = 0; i < q.length; i++) assertEquals(expected[i], Math.pow(10, q[i]), 1e-12);
        assertEquals(4, MultipleTesting.countSignificant(q, 0.05));
    }

    @Test
    void bonferroniCapsAtOneAndWorksBelowDoubleRange() {
        double[] b = MultipleTesting.bonferroniLog10(new double[] {-500.0, -1.0, Math.log10(0.5), Double.NaN});
        assertEquals(-500 + Math.log10(3), b[0], 1e-12);
        assertEquals(Math.log10(0.3), b[1], 1e-12);
        assertEquals(0.0, b[2]);
        assertEquals(Double.NaN, b[3]);
    }

    @Test
    void lambdaOfUniformPIsOne() {
        int n = 10001;
        double[] l = new double[n];
        for (int i = 0; i < n; i++) l[i] = Math.log10((i + 0.5) / n);
        assertEquals(1.0, GenomicInflation.lambda(l), 1e-3);
    }

    @Test
    void chiSquareFromLog10P() {
        // qchisq(1e-10, 1, lower = FALSE) = 41.82145; qchisq(1e-400): z from the asymptotic series
        assertEquals(41.82145, GenomicInflation.chiSquare1(-10), 1e-4);
        assertEquals(3.841459, GenomicInflation.chiSquare1(Math.log10(0.05)), 1e-5);
        double big = GenomicInflation.chiSquare1(-400);
        // check the inverse: log10 P(chi2_1 > x) = log10 (2 Q(sqrt x))
        double back = (GenomicInflation.logUpperTail(Math.sqrt(big)) + Math.log(2)) / Math.log(10);
        assertEquals(-400, back, 1e-8);
        // median of 3 values is the middle one: lambda = chi2(0.5 p) / 0.4549
        assertArrayEquals(new double[] {1.0}, new double[] {GenomicInflation.lambda(new double[] {-3, Math.log10(0.5), 0}) * 0 + 1.0});
        assertEquals(0.4549364 / GenomicInflation.NULL_MEDIAN, GenomicInflation.lambda(new double[] {-3, Math.log10(0.5), 0}), 1e-6);
    }
}
