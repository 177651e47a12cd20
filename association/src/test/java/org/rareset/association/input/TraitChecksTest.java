package org.rareset.association.input;

import org.junit.jupiter.api.Test;
import org.rareset.association.nullmodel.TraitType;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TraitChecksTest {
    private static TraitData trait(String name, TraitType type, double[] y) {
        return new TraitData(name, type, new int[0], new int[0], y, new double[y.length][1], List.of(), 0, List.of(), List.of());
    }

    @Test
    void normalTraitPassesLognormalAndOutlierAreFlagged() {
        Random r = new Random(1);
        int n = 5000;
        double[] normal = new double[n];
        double[] lognormal = new double[n];
        for (int i = 0; i < n; i++) {
            normal[i] = r.nextGaussian();
            lognormal[i] = Math.exp(r.nextGaussian());
        }
        assertFalse(TraitChecks.quantitativeWarning(trait("N", TraitType.QUANTITATIVE, normal)).isPresent());
        String w = TraitChecks.quantitativeWarning(trait("LN", TraitType.QUANTITATIVE, lognormal)).orElseThrow();
        // lognormal(0, 1): skewness (e + 2) sqrt(e - 1) = 6.18 in the population; the sample value is lower but > 1
        assertTrue(w.startsWith("warning: quantitative trait LN has skewness "), w);
        assertTrue(w.endsWith("consider --qt-transform rint"), w);
        double[] outlier = normal.clone();
        outlier[7] = 12; // 12 SD, skewness stays below 1 over 5,000 samples
        String o = TraitChecks.quantitativeWarning(trait("O", TraitType.QUANTITATIVE, outlier)).orElseThrow();
        assertTrue(o.matches(".*a value 11\\.\\d SD from its mean.*"), o); // 12 / SD, the SD itself raised by the outlier
        assertFalse(TraitChecks.quantitativeWarning(trait("B", TraitType.BINARY, lognormal)).isPresent());
    }

    @Test
    void binaryNotesCountGenesWithFewExpectedCaseCarriers() {
        double[] y = new double[1000];
        for (int i = 0; i < 10; i++) y[i] = 1; // 1% cases
        TraitData bt = trait("BT", TraitType.BINARY, y);
        // expected case carriers = carriers x 0.01: 50 -> 0.5 (few), 100 -> 1 (not few), 250 -> 2.5
        String note = TraitChecks.fewCasesNote(bt, List.of(50, 100, 250, 3), Integer::intValue).orElseThrow();
        assertEquals("note: binary trait BT (10 cases, 1.0%): 2 of 4 gene x mask tests expect fewer than 1 case carrier; "
                + "their p-values are discrete and approximate", note);
        assertFalse(TraitChecks.fewCasesNote(bt, List.of(100, 250), Integer::intValue).isPresent());
        assertTrue(TraitChecks.uncollapsedWarning(bt, 0).orElseThrow().contains("--collapse-mac 0"));
        assertFalse(TraitChecks.uncollapsedWarning(bt, 10).isPresent());
    }
}
