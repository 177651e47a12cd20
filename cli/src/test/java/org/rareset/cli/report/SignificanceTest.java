package org.rareset.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SignificanceTest {
    @Test
    void lambdaIsOneWhenTheMedianPIsOneHalf() {
        double[] lp = {Math.log10(0.9), Math.log10(0.5), Math.log10(0.1)};
        assertEquals(1.0, Significance.lambda(lp), 1e-12);
    }

    @Test
    void lambdaOfPFivePercentIsTheChiSquareQuantileOverItsMedian() {
        // scipy.stats.chi2.isf(0.05, 1) = 3.8414588206941285; chi2.median(1) = 0.454936423119572.
        double[] lp = {Math.log10(0.05), Math.log10(0.05)};
        assertEquals(3.8414588206941285 / 0.454936423119572, Significance.lambda(lp), 1e-9);
    }

    @Test
    void lambdaAveragesTheTwoMiddleValuesOfAnEvenSample() {
        double[] lp = {Math.log10(0.05), Math.log10(0.5), -20, 0};
        assertEquals((3.8414588206941285 + 0.454936423119572) / 2 / 0.454936423119572, Significance.lambda(lp), 1e-9);
    }

    @Test
    void chiSquareStaysExactForTinyP() {
        // p = 1e-300: scipy.stats.chi2.isf(1e-300, 1) = 1373.8726312223944
        assertEquals(1373.8726312223944, Significance.chiSquare(-300), 1e-6);
    }

    @Test
    void chiSquareMatchesScipyAcrossTheRange() {
        // scipy.stats.chi2.isf(p, 1) for p = 0.3, 1e-8, 1e-20, 1e-100
        assertEquals(1.0741941708575722, Significance.chiSquare(Math.log10(0.3)), 1e-9);
        assertEquals(32.84125336123679, Significance.chiSquare(-8), 1e-8);
        assertEquals(87.16173342690982, Significance.chiSquare(-20), 1e-7);
        assertEquals(453.9430822387989, Significance.chiSquare(-100), 1e-6);
    }

    @Test
    void bonferroni() {
        assertEquals(Math.log10(0.05 / 400), Significance.bonferroniLog10(0.05, 400), 1e-12);
    }

    @Test
    void pTextKeepsExponentsBelowDoubleRange() {
        assertEquals("1.00e-400", StudyReport.pText(-400));
        assertEquals("3.16e-13", StudyReport.pText(-12.5));
        assertEquals("0.5000", StudyReport.pText(Math.log10(0.5)));
    }
}
