package org.rareset.association.risk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class EnrichmentTest {
    @Test
    void topFractionsOfTwoHundredSamplesByHand() {
        // risk = i (sample 199 highest); cases: samples 195..199 and every 10th sample below 190.
        int n = 200;
        double[] risk = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            risk[i] = i;
            y[i] = i >= 195 || (i < 190 && i % 10 == 0) ? 1 : 0;
        }
        List<Enrichment.Row> rows = Enrichment.compute(risk, y, true, Enrichment.DEFAULT_FRACTIONS);
        // top 1% = 2 samples (199, 198): both cases; rest 198 samples: 3 + 19 = 22 cases.
        assertEquals(2, rows.get(0).nTop());
        assertEquals(1.0, rows.get(0).top(), 0);
        assertEquals(22.0 / 198, rows.get(0).rest(), 1e-15);
        assertEquals(1.0 / (22.0 / 198), rows.get(0).enrichment(), 1e-12);
        // top 5% = 10 samples (190..199): 5 cases; rest 190: 19 cases.
        assertEquals(10, rows.get(1).nTop());
        assertEquals(0.5, rows.get(1).top(), 0);
        assertEquals(19.0 / 190, rows.get(1).rest(), 1e-15);
        assertEquals(5.0, rows.get(1).enrichment(), 1e-12);
        // top 10% = 20 samples (180..199): 5 + 1 (180) cases; rest 180: 18 cases.
        assertEquals(20, rows.get(2).nTop());
        assertEquals(6.0 / 20 / (18.0 / 180), rows.get(2).enrichment(), 1e-12);
    }

    @Test
    void quantitativeEnrichmentIsTheDifferenceOfMeans() {
        double[] risk = {5, 1, 4, 2, 3, 0, 9, 8, 7, 6};
        double[] y = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        // top 10% of 10 = 1 sample (risk 9 -> y 7); rest mean (55 - 7) / 9
        Enrichment.Row r = Enrichment.compute(risk, y, false, new double[] {0.10}).get(0);
        assertEquals(1, r.nTop());
        assertEquals(7, r.top(), 0);
        assertEquals(48.0 / 9, r.rest(), 1e-15);
        assertEquals(7 - 48.0 / 9, r.enrichment(), 1e-12);
        // top 1% of 10 rounds up to 1 sample as well
        assertEquals(1, Enrichment.compute(risk, y, false, new double[] {0.01}).get(0).nTop());
    }

    @Test
    void tiesAreBrokenByInputOrder() {
        double[] risk = {1, 1, 1, 1};
        double[] y = {1, 0, 0, 0};
        assertEquals(1.0, Enrichment.compute(risk, y, true, new double[] {0.25}).get(0).top(), 0);
    }

    @Test
    void percentilesUseMidRanksWithTiesAveraged() {
        double[] p = Enrichment.percentiles(new double[] {3, 1, 2, 2});
        // ascending ranks: 1 -> 1, 2 -> 2.5 (tied), 3 -> 4; percentile = 100 (rank - 0.5) / 4
        assertArrayEquals(new double[] {87.5, 12.5, 50, 50}, p, 1e-12);
    }
}
