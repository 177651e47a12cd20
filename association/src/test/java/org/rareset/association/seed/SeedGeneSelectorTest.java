package org.rareset.association.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.rareset.association.input.AnnotationTable;
import org.rareset.core.table.TextTable;
import org.rareset.association.mask.Weighting;
import org.rareset.core.formats.ResultRow;
import org.junit.jupiter.api.Test;

class SeedGeneSelectorTest {
    static ResultRow row(String trait, String gene, String mask, String test, double p) {
        return new ResultRow(trait, gene, mask, test, 3, 10, 9, Double.NaN, Double.NaN, Math.log10(p));
    }

    @Test
    void bonferroniOverPooledResultsWithAtLeastThreeGenes() {
        List<ResultRow> rows = new ArrayList<>();
        // trait A: 10 genes x 2 masks x 2 tests = 40 pooled tests -> threshold 0.05 / 40 = 1.25e-3
        for (int g = 0; g < 10; g++) {
            for (String mask : new String[] {"plof", "missense"}) {
                for (String test : new String[] {"burden", "skat"}) {
                    double p = 0.5;
                    if (g == 4 && mask.equals("missense") && test.equals("skat")) p = 1e-4;  // passes
                    if (g == 7 && mask.equals("plof") && test.equals("burden")) p = 1.2e-3; // passes (just)
                    if (g == 2 && test.equals("skat")) p = 1.3e-3;                          // fails, ranks third
                    if (g == 9) p = 0.01;
                    rows.add(row("A", "G" + g, mask, test, p));
                }
            }
        }
        // trait B: nothing passes -> the top three
        rows.add(row("B", "X1", "plof", "burden", 0.02));
        rows.add(row("B", "X2", "plof", "burden", 0.3));
        rows.add(row("B", "X3", "plof", "skat", 0.015)); // 4 pooled tests: threshold 0.0125
        rows.add(row("B", "X4", "missense", "skat", 0.2));
        List<SeedGeneSelector.SeedGene> seeds = new SeedGeneSelector(0.05, 3).select(rows);
        List<SeedGeneSelector.SeedGene> a = seeds.stream().filter(s -> s.phenotype().equals("A")).toList();
        assertEquals(List.of("G4", "G7", "G2"), a.stream().map(SeedGeneSelector.SeedGene::gene).toList());
        assertTrue(a.get(0).bonferroni() && a.get(1).bonferroni());
        assertFalse(a.get(2).bonferroni());
        assertEquals("missense", a.get(0).mask());
        assertEquals("skat", a.get(0).test());
        List<SeedGeneSelector.SeedGene> b = seeds.stream().filter(s -> s.phenotype().equals("B")).toList();
        assertEquals(List.of("X3", "X1", "X4"), b.stream().map(SeedGeneSelector.SeedGene::gene).toList());
        assertTrue(b.stream().noneMatch(SeedGeneSelector.SeedGene::bonferroni));
    }

    @Test
    void moreThanMinimumWhenManyPass() {
        List<ResultRow> rows = new ArrayList<>();
        for (int g = 0; g < 5; g++) rows.add(row("A", "G" + g, "plof", "burden", 1e-8 * (g + 1)));
        assertEquals(5, new SeedGeneSelector(0.05, 3).select(rows).size());
    }

    @Test
    void weightsAreSqrtBetaExceptPlof() {
        AnnotationTable ann = AnnotationTable.from(new TextTable("a.tsv", List.of("chrom", "pos", "ref", "alt", "gene", "is_plof"),
                List.of(new String[] {"1", "1", "A", "G", "G", "1"}, new String[] {"1", "2", "A", "G", "G", "0"}), new long[] {2, 3}));
        Weighting w = SeedGeneSelector.weighting(ann, "is_plof");
        assertEquals(1.0, w.weight(0.0005, ann, 0), 0);
        // dbeta(0.0005, 1, 25) = 25 * (1 - 0.0005)^24
        assertEquals(Math.sqrt(25 * Math.pow(1 - 0.0005, 24)), w.weight(0.0005, ann, 1), 1e-12);
        assertFalse(w.frequencyOnly());
    }
}
