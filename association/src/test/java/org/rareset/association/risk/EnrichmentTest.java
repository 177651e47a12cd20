package org.rareset.association.risk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class EnrichmentTest {
    @Test
    void binsOfTwoHundredSamplesByHand() {
        // risk = i (sample 199 highest); cases: samples 195..199 and every 10th sample below 190 (24 cases).
        int n = 200;
        double[] risk = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            risk[i] = i;
            y[i] = i >= 195 || (i < 190 && i % 10 == 0) ? 1 : 0;
        }
        List<Enrichment.Bin> bins = Enrichment.bins(risk, y, true, Enrichment.DEFAULT_EDGES);
        double overall = 24.0 / 200;
        // top 1% = samples 199, 198: 2 cases of 2
        assertEquals(2, bins.get(0).n());
        assertEquals(2, bins.get(0).cases(), 0);
        assertEquals(1 / overall, bins.get(0).relative(), 1e-12);
        // 1-5% = samples 190..197: 3 cases (195, 196, 197) of 8
        assertEquals(8, bins.get(1).n());
        assertEquals(3, bins.get(1).cases(), 0);
        // 5-10% = samples 180..189: one case (180) of 10
        assertEquals(10, bins.get(2).n());
        assertEquals(1, bins.get(2).cases(), 0);
        // 10-20%: 160..179 (2 cases); 20-50%: 100..159 (6); 50-100%: 0..99 (10)
        assertEquals(List.of(20, 60, 100), bins.subList(3, 6).stream().map(Enrichment.Bin::n).toList());
        assertEquals(List.of(2.0, 6.0, 10.0), bins.subList(3, 6).stream().map(Enrichment.Bin::cases).toList());
        // every sample in exactly one bin
        assertEquals(n, bins.stream().mapToInt(Enrichment.Bin::n).sum());
    }

    @Test
    void clopperPearsonMatchesRBinomTest() {
        // R 4.3: binom.test(5, 10)$conf.int = 0.1870860 0.8129140; binom.test(0, 10): 0, 1 - 0.025^(1/10)
        assertArrayEquals(new double[] {0.1870860, 0.8129140}, Enrichment.clopperPearson(5, 10), 1e-7);
        assertArrayEquals(new double[] {0, 1 - Math.pow(0.025, 0.1)}, Enrichment.clopperPearson(0, 10), 1e-9);
        assertArrayEquals(new double[] {Math.pow(0.025, 0.1), 1}, Enrichment.clopperPearson(10, 10), 1e-9);
    }

    @Test
    void quantitativeBinsUseTheTInterval() {
        double[] risk = {5, 1, 4, 2, 3, 0, 9, 8, 7, 6};
        double[] y = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        // top 50% by risk = risks 9, 8, 7, 6, 5 -> y 7, 8, 9, 10, 1 (mean 7, sd sqrt(12.5)); rest mean 4
        Enrichment.Bin top = Enrichment.bins(risk, y, false, new double[] {0.5, 1.0}).get(0);
        assertEquals(5, top.n());
        assertEquals(7, top.value(), 1e-15);
        double half = 2.776445105 * Math.sqrt(12.5 / 5); // qt(0.975, 4) in R
        assertEquals(7 - half, top.low(), 1e-8);
        assertEquals(7 + half, top.high(), 1e-8);
        assertEquals(7 - 5.5, top.relative(), 1e-15);
    }

    @Test
    void tiesAreBrokenByInputOrderAndSmallBinsMayBeEmpty() {
        double[] risk = {1, 1, 1, 1};
        double[] y = {1, 0, 0, 0};
        List<Enrichment.Bin> bins = Enrichment.bins(risk, y, true, new double[] {0.01, 0.05, 0.25, 1.0});
        assertEquals(1, bins.get(0).n()); // ceil(0.04) = 1: the first sample
        assertEquals(1.0, bins.get(0).value(), 0);
        assertEquals(0, bins.get(1).n());
        assertEquals(Double.NaN, bins.get(1).value());
        assertEquals(0, bins.get(2).n());
        assertEquals(3, bins.get(3).n());
    }

    @Test
    void percentilesUseMidRanksWithTiesAveraged() {
        double[] p = Enrichment.percentiles(new double[] {3, 1, 2, 2});
        assertArrayEquals(new double[] {87.5, 12.5, 50, 50}, p, 1e-12);
    }
}
