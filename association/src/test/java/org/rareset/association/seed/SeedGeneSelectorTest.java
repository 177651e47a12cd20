package org.rareset.association.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rareset.association.input.AnnotationTable;
import org.rareset.association.mask.Mask;
import org.rareset.association.mask.Weighting;
import org.rareset.core.InputException;
import org.rareset.core.formats.ResultRow;
import org.rareset.core.table.TextTable;

/**
 * One test per rule of DeepRVAT's seed-gene selection, on constructed rows whose selection is
 * worked out by hand in the comments.
 */
class SeedGeneSelectorTest {
    /** A quantitative trait of 1,000 samples: EAC = MAC / 2. */
    static final SeedGeneSelector.TraitSize QT = new SeedGeneSelector.TraitSize(1000, -1);
    /** Relaxed rules that let every row through except the one a test is about. */
    static final SeedGeneRules OPEN = new SeedGeneRules(0.001, 10, 1, 4999, 0, 1, 0.05, 3, 0);

    static ResultRow row(String trait, String gene, String mask, String test, double p, int nVariants, double mac, int carriers) {
        return new ResultRow(trait, gene, mask, test, nVariants, mac, carriers, Double.NaN, Double.NaN, Math.log10(p));
    }

    static ResultRow row(String gene, String mask, String test, double p) {
        return row("A", gene, mask, test, p, 3, 200, 100);
    }

    static SeedGeneSelector.Selection select(SeedGeneRules rules, List<ResultRow> rows) {
        return new SeedGeneSelector(rules).select(rows, Map.of("A", QT));
    }

    static List<String> genes(SeedGeneSelector.Selection s) {
        return s.genes().stream().map(SeedGeneSelector.SeedGene::gene).toList();
    }

    @Test
    void deepRvatDefaults() {
        SeedGeneRules d = SeedGeneRules.DEEPRVAT;
        assertEquals(0.001, d.rareMaf());
        assertEquals(10, d.skatCollapseMac());
        assertEquals(1, d.minVariants());
        assertEquals(4999, d.maxVariants());
        assertEquals(50, d.minEac());
        assertEquals(2, d.minCarriers());
        assertEquals(0.05, d.alpha());
        assertEquals(3, d.minGenes());
        assertEquals(0, d.maxGenes());
    }

    @Test
    void expectedAlleleCountIsCumulativeFrequencyTimesSamplesOrCases() {
        // CAF = 101 / 2000; x 1000 samples = 50.5
        assertEquals(50.5, SeedGeneSelector.expectedAlleleCount(101, QT), 1e-12);
        // binary: CAF = 1001 / 2000, x 100 cases = 50.05
        assertEquals(50.05, SeedGeneSelector.expectedAlleleCount(1001, new SeedGeneSelector.TraitSize(1000, 100)), 1e-12);
    }

    @Test
    void eacMustBeAboveTheLimitAndRemovedRowsLeaveBonferronisCount() {
        SeedGeneRules rules = new SeedGeneRules(0.001, 10, 1, 4999, 50, 1, 0.05, 0, 0);
        List<ResultRow> rows = new ArrayList<>();
        rows.add(row("A", "G1", "plof", "burden", 0.012, 3, 101, 90)); // EAC 50.5: candidate
        rows.add(row("A", "G2", "plof", "burden", 0.3, 3, 101, 90));   // candidate
        rows.add(row("A", "G3", "plof", "burden", 0.4, 3, 101, 90));   // candidate
        rows.add(row("A", "G4", "plof", "burden", 0.5, 3, 101, 90));   // candidate
        for (int g = 5; g <= 10; g++) rows.add(row("A", "G" + g, "plof", "burden", 1e-9, 3, 100, 90)); // EAC 50: not above 50
        SeedGeneSelector.Selection s = select(rules, rows);
        // m = 4 candidates: 0.012 x 4 = 0.048 < 0.05; the six EAC-50 rows (p = 1e-9) are never chosen
        assertEquals(List.of("G1"), genes(s));
        SeedGeneSelector.TraitSummary t = s.summaries().get(0);
        assertEquals(6, t.lowEac());
        assertEquals(4, t.pooled());
        assertEquals(Math.log10(0.048), s.genes().get(0).log10PCorrected(), 1e-12);
        assertEquals(50.5, t.largestEac(), 1e-12);
        // with the six rows counted (m = 10) G1 would fail: 0.012 x 10 = 0.12
        SeedGeneSelector.Selection all = select(new SeedGeneRules(0.001, 10, 1, 4999, 0, 1, 0.05, 0, 0), rows);
        assertEquals(10, all.summaries().get(0).pooled());
        assertFalse(genes(all).contains("G1"));
    }

    @Test
    void binaryTraitsCountEacOverCases() {
        SeedGeneRules rules = new SeedGeneRules(0.001, 10, 1, 4999, 50, 1, 0.05, 0, 0);
        SeedGeneSelector.TraitSize bt = new SeedGeneSelector.TraitSize(1000, 100);
        List<ResultRow> rows = List.of(
                row("B", "G1", "plof", "burden", 1e-6, 3, 1001, 900),  // EAC 50.05
                row("B", "G2", "plof", "burden", 1e-6, 3, 1000, 900)); // EAC 50: out
        SeedGeneSelector.Selection s = new SeedGeneSelector(rules).select(rows, Map.of("B", bt));
        assertEquals(List.of("G1"), genes(s));
    }

    @Test
    void singleCarrierGeneIsNeverChosenByDefault() {
        // even with the EAC rule switched off, the carrier guard removes a one-carrier gene
        // (one homozygous sample with 60 variants: MAC 120, EAC 60 > 50 would pass DeepRVAT's rule)
        List<ResultRow> rows = List.of(
                row("A", "ONE", "plof", "burden", 1e-20, 60, 120, 1),
                row("A", "TWO", "plof", "burden", 0.2, 3, 120, 2));
        SeedGeneSelector.Selection s = select(SeedGeneRules.DEEPRVAT, rows);
        assertEquals(List.of("TWO"), genes(s)); // the only candidate, taken to reach the minimum
        assertEquals(1, s.summaries().get(0).fewCarriers());
        // --min-carriers 1 lets it through
        assertEquals(List.of("ONE", "TWO"), genes(select(OPEN, rows)));
    }

    @Test
    void variantCountLimits() {
        List<ResultRow> rows = List.of(
                row("A", "BIG", "missense", "skat", 1e-20, 5000, 20000, 5000),
                row("A", "OK", "missense", "skat", 1e-10, 4999, 20000, 5000));
        SeedGeneSelector.Selection s = select(OPEN, rows);
        assertEquals(List.of("OK"), genes(s)); // DeepRVAT tests fewer than 5000 markers
        assertEquals(1, s.summaries().get(0).variantCount());
        SeedGeneRules twoOrMore = new SeedGeneRules(0.001, 10, 5000, 5000, 0, 1, 0.05, 3, 0);
        assertEquals(List.of("BIG"), genes(select(twoOrMore, rows)));
    }

    @Test
    void untestedRowsAreCountedNotRanked() {
        List<ResultRow> rows = List.of(row("A", "NAN", "plof", "skat", Double.NaN, 3, 200, 100), row("G1", "plof", "burden", 0.5));
        SeedGeneSelector.Selection s = select(OPEN, rows);
        assertEquals(List.of("G1"), genes(s));
        assertEquals(1, s.summaries().get(0).noPValue());
        assertEquals(1, s.summaries().get(0).pooled());
    }

    @Test
    void bonferroniOverTheFourPooledTablesIsStrict() {
        List<ResultRow> rows = new ArrayList<>();
        // 10 genes x 2 masks x 2 tests = 40 pooled rows: significant when p x 40 < 0.05, p < 1.25e-3
        for (int g = 0; g < 10; g++) {
            for (String mask : new String[] {"plof", "missense"}) {
                for (String test : new String[] {"burden", "skat"}) {
                    double p = 0.5;
                    if (g == 4 && mask.equals("missense") && test.equals("skat")) p = 1e-4;
                    if (g == 7 && mask.equals("plof") && test.equals("burden")) p = 1.24e-3;
                    if (g == 2 && test.equals("skat")) p = 1.26e-3; // just fails, in both masks
                    if (g == 9) p = 1e-3;                            // all four rows pass; counted once
                    rows.add(row("G" + g, mask, test, p));
                }
            }
        }
        SeedGeneSelector.Selection s = select(OPEN, rows);
        assertEquals(40, s.summaries().get(0).pooled());
        assertEquals(3, s.summaries().get(0).significantGenes());
        // three significant genes reach the minimum of three, so only they are chosen, ranked by p
        assertEquals(List.of("G4", "G9", "G7"), genes(s));
        SeedGeneSelector.SeedGene first = s.genes().get(0);
        assertEquals("missense", first.mask());
        assertEquals("skat", first.test());
        assertEquals(1, first.rank());
        assertTrue(s.genes().stream().allMatch(SeedGeneSelector.SeedGene::bonferroni));
        // G9's best row: tied p in four rows, the first by mask then test (missense burden)
        assertEquals("missense", s.genes().get(1).mask());
        assertEquals("burden", s.genes().get(1).test());
    }

    @Test
    void fewerSignificantThanTheMinimumTakesTheBestRanked() {
        // 4 rows: threshold p < 0.0125
        List<ResultRow> rows = List.of(row("X1", "plof", "burden", 0.02), row("X2", "plof", "burden", 0.3),
                row("X3", "plof", "skat", 0.011), row("X4", "missense", "skat", 0.2));
        SeedGeneSelector.Selection s = select(OPEN, rows);
        assertEquals(List.of("X3", "X1", "X4"), genes(s));
        assertEquals(List.of(true, false, false), s.genes().stream().map(SeedGeneSelector.SeedGene::bonferroni).toList());
        assertEquals(List.of(1, 2, 3), s.genes().stream().map(SeedGeneSelector.SeedGene::rank).toList());
        // the corrected p is capped at 1: 0.3 x 4
        assertEquals(List.of("X3", "X1"), genes(select(new SeedGeneRules(0.001, 10, 1, 4999, 0, 1, 0.05, 2, 0), rows)));
    }

    @Test
    void allSignificantGenesBeyondTheMinimumUpToTheMaximum() {
        List<ResultRow> rows = new ArrayList<>();
        for (int g = 0; g < 5; g++) rows.add(row("G" + g, "plof", "burden", 1e-8 * (g + 1)));
        assertEquals(5, select(OPEN, rows).genes().size());
        SeedGeneRules atMostTwo = new SeedGeneRules(0.001, 10, 1, 4999, 0, 1, 0.05, 1, 2);
        assertEquals(List.of("G0", "G1"), genes(select(atMostTwo, rows)));
    }

    @Test
    void aTraitWithoutRowsHasAnEmptySummary() {
        Map<String, SeedGeneSelector.TraitSize> sizes = new LinkedHashMap<>();
        sizes.put("A", QT);
        sizes.put("EMPTY", QT);
        SeedGeneSelector.Selection s = new SeedGeneSelector(OPEN).select(List.of(row("G1", "plof", "burden", 0.5)), sizes);
        assertEquals(List.of("A", "EMPTY"), s.summaries().stream().map(SeedGeneSelector.TraitSummary::phenotype).toList());
        assertEquals(0, s.summaries().get(1).rows());
        assertEquals(0, s.summaries().get(1).chosen());
    }

    @Test
    void badThresholdsNameTheirOption() {
        InputException e = assertThrows(InputException.class, () -> new SeedGeneRules(0.001, 10, 1, 4999, -1, 2, 0.05, 3, 0));
        assertTrue(e.getMessage().contains("--min-eac"), e.getMessage());
        e = assertThrows(InputException.class, () -> new SeedGeneRules(0.001, 10, 1, 4999, 50, 0, 0.05, 3, 0));
        assertTrue(e.getMessage().contains("--min-carriers"), e.getMessage());
        e = assertThrows(InputException.class, () -> new SeedGeneRules(0.001, 10, 1, 4999, 50, 2, 0.05, 3, 2));
        assertTrue(e.getMessage().contains("--max-genes"), e.getMessage());
    }

    @Test
    void masksKeepMafStrictlyBelowTheRareLimit() {
        AnnotationTable ann = AnnotationTable.from(new TextTable("a.tsv", List.of("chrom", "pos", "ref", "alt", "gene", "is_plof", "mis"),
                List.of(new String[] {"1", "1", "A", "G", "G", "1", "0"}, new String[] {"1", "2", "A", "G", "G", "0", "1"}), new long[] {2, 3}));
        List<Mask> masks = SeedGeneMasks.masks(ann, "is_plof", "mis", 0.001);
        assertEquals(List.of("plof", "missense"), masks.stream().map(Mask::name).toList());
        for (Mask m : masks) {
            assertTrue(m.maxMaf() < 0.001); // masks keep MAF <= maxMaf: 0.001 itself is out
            assertEquals(0.001, Math.nextUp(m.maxMaf()), 0); // and everything below it is in
        }
        assertTrue(masks.get(0).expression().test(ann, 0));
        assertFalse(masks.get(0).expression().test(ann, 1));
        assertTrue(masks.get(1).expression().test(ann, 1));
    }

    @Test
    void weightsAreSqrtBetaExceptPlof() {
        AnnotationTable ann = AnnotationTable.from(new TextTable("a.tsv", List.of("chrom", "pos", "ref", "alt", "gene", "is_plof"),
                List.of(new String[] {"1", "1", "A", "G", "G", "1"}, new String[] {"1", "2", "A", "G", "G", "0"}), new long[] {2, 3}));
        Weighting w = SeedGeneMasks.weighting(ann, "is_plof");
        assertEquals(1.0, w.weight(0.0005, ann, 0), 0);
        // dbeta(0.0005, 1, 25) = 25 * (1 - 0.0005)^24
        assertEquals(Math.sqrt(25 * Math.pow(1 - 0.0005, 24)), w.weight(0.0005, ann, 1), 1e-12);
        assertFalse(w.frequencyOnly());
    }
}
