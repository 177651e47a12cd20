package org.rareset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo cohort's G00137 (not causal; one pLoF variant carried by one sample whose QT is about
 * 4 SD) must not be a seed gene. Its EAC is 0.5 (MAC 1 / 2), so the EAC rule removes it (the
 * demo's study.yaml keeps EAC &gt; 1); with the EAC rule off, the single-carrier guard still does;
 * only with both off is it chosen, and then at rank 1, which shows what the rules protect against.
 */
@Tag("slow")
class SeedGenesDemoTest {
    @TempDir Path tmp;

    private List<String[]> seeds(String name, String... extra) throws IOException {
        Path demo = Path.of(System.getProperty("rareset.testdata", "testdata"), "demo");
        Path out = tmp.resolve(name);
        List<String> args = new ArrayList<>(List.of("seed-genes", "--vcf", demo.resolve("cohort.vcf.gz").toString(),
                "--annotations", demo.resolve("annotations.tsv").toString(), "--pheno", demo.resolve("pheno.tsv").toString(),
                "--covar", demo.resolve("covar.tsv").toString(), "--phenotypes", "QT,BT", "--out", out.toString(), "-q"));
        args.addAll(List.of(extra));
        CliRun r = CliRun.run(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());
        return Files.readAllLines(out).stream().skip(1).map(l -> l.split("\t")).toList();
    }

    private static List<String> genes(List<String[]> rows, String trait) {
        return rows.stream().filter(f -> f[0].equals(trait)).map(f -> f[1]).toList();
    }

    @Test
    void singleCarrierGeneIsNotASeedGene() throws IOException {
        Path demo = Path.of(System.getProperty("rareset.testdata", "testdata"), "demo");
        Set<String> causal = new TreeSet<>();
        for (String line : Files.readAllLines(demo.resolve("truth.tsv"))) {
            String[] f = line.split("\t");
            if (f[0].equals("QT")) causal.add(f[1]);
        }
        // as the demo's study.yaml runs it
        List<String[]> demoRun = seeds("demo.tsv", "--min-eac", "1");
        List<String> qt = genes(demoRun, "QT");
        System.out.println("demo seed genes: QT " + qt + ", BT " + genes(demoRun, "BT"));
        assertFalse(qt.contains("G00137"), "QT seed genes " + qt);
        assertEquals(3, qt.size(), "nothing is Bonferroni-significant on 2,000 samples: the three best");
        assertTrue(qt.stream().anyMatch(causal::contains), "QT seed genes " + qt + " include a causal gene of " + causal);
        assertEquals(3, genes(demoRun, "BT").size());

        // EAC rule off: the carrier guard (--min-carriers 2) removes it
        assertFalse(genes(seeds("guard.tsv", "--min-eac", "0"), "QT").contains("G00137"));

        // both off: G00137 comes first, with EAC 0.5 and one carrier
        String[] g137 = seeds("open.tsv", "--min-eac", "0", "--min-carriers", "1").stream()
                .filter(f -> f[0].equals("QT")).findFirst().orElseThrow();
        assertEquals("G00137", g137[1]);
        assertEquals("1", g137[9]);
        assertEquals(0.5, Double.parseDouble(g137[10]), 0);
    }
}
