package org.rareset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rareset.cli.CliRun.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code assoc}'s annotation table ({@code testdata/annotate/assoc-table}). One row per (variant, gene) ({@code testdata/annotate/assoc-table}):
 * a table repeating each variant once per transcript must give the burden test the same variants
 * and MAC as a table with one row per variant. The cohort has 3 variants in GENE1 carried as
 * 0/1 0/1 | 0/1 | 0/1 1/1, so n_variants = 3 and MAC = 2 + 1 + 3 = 6 (counted by hand from cohort.vcf).
 */
class AssocAnnotationTableTest {
    static final Path DATA = Path.of(System.getProperty("rareset.testdata"), "annotate", "assoc-table");
    @TempDir Path dir;

    CliRun assoc(String annotations, String... extra) {
        List<String> a = new ArrayList<>(List.of("assoc", "--vcf", DATA.resolve("cohort.vcf").toString(),
                "--annotations", DATA.resolve(annotations).toString(), "--pheno", DATA.resolve("pheno.tsv").toString(),
                "--tests", "burden", "--max-maf", "0.5", "--min-mac", "0", "--collapse-mac", "0", "--threads", "1",
                "--out", dir.resolve("res.tsv").toString()));
        a.addAll(List.of(extra));
        return run(a);
    }

    /** n_variants and mac of the single result row. */
    String[] countsAndP(CliRun r) throws IOException {
        assertEquals(0, r.exit(), r.err());
        List<String> all = Files.readAllLines(dir.resolve("res.tsv"));
        List<String> header = List.of(all.get(0).split("\t"));
        // the gene's GENE_P omnibus row repeats the single test's p; the test row is the one read here
        List<String> lines = all.stream().filter(l -> !l.contains("\tGENE_P\tomnibus\t")).toList();
        assertEquals(2, lines.size(), "one gene, one mask, one test: " + all);
        String[] f = lines.get(1).split("\t");
        String p = header.contains("pval") ? f[header.indexOf("pval")] : "";
        return new String[] {f[header.indexOf("n_variants")], f[header.indexOf("mac")], p};
    }

    @Test
    void identicalRepeatsAreMergedAndCounted() throws IOException {
        String[] once = countsAndP(assoc("annotations.tsv"));
        assertEquals("3", once[0]);
        assertEquals(6.0, Double.parseDouble(once[1]));
        CliRun r = assoc("annotations.repeated.tsv");
        String[] repeated = countsAndP(r);
        assertEquals(List.of(once), List.of(repeated), "same variants, MAC and p-value as one row per variant");
        assertTrue(r.err().contains("3 repeated identical row(s) of a (variant, gene) merged"), r.err());
    }

    @Test
    void differingRepeatsAreAnErrorNamingTheKey() {
        CliRun r = assoc("annotations.per-transcript.tsv");
        assertEquals(2, r.exit(), r.err());
        String last = r.err().strip().lines().reduce((x, y) -> y).orElse("");
        assertTrue(last.startsWith("rareset: error: "), last);
        assertTrue(last.contains("annotations.per-transcript.tsv: line 3: variant 1:1100:A:G in gene GENE1 has two rows that differ"), last);
        assertTrue(last.contains("feature 'ENST01' vs 'ENST02'") && last.contains("the other is line 2"), last);
        assertTrue(last.contains("--duplicate-rows first or max"), last);
        assertFalse(r.err().contains("\tat "), r.err());
        assertFalse(Files.exists(dir.resolve("res.tsv")));
    }

    @Test
    void ruleFirstAndMaxPickTheRowsValues() throws IOException {
        String[] first = countsAndP(assoc("annotations.per-transcript.tsv", "--duplicate-rows", "first"));
        assertEquals("3", first[0]);
        assertEquals(6.0, Double.parseDouble(first[1]));
        // polyphen_score per transcript: 1100 0.9/0.4, 1200 0.1/0.1, 1300 0.2/0.5
        Path masks = Files.writeString(dir.resolve("masks.txt"), "damaging: polyphen_score > 0.45\n");
        String[] firstMask = countsAndP(assoc("annotations.per-transcript.tsv", "--duplicate-rows", "first", "--masks", masks.toString()));
        assertEquals("1", firstMask[0], "first rows: only 1100 (0.9)");
        assertEquals(2.0, Double.parseDouble(firstMask[1]));
        String[] maxMask = countsAndP(assoc("annotations.per-transcript.tsv", "--duplicate-rows", "max", "--masks", masks.toString()));
        assertEquals("2", maxMask[0], "largest per variant: 1100 (0.9) and 1300 (0.5)");
        assertEquals(5.0, Double.parseDouble(maxMask[1]));
    }

    @Test
    void textInAColumnAMaskComparesAsANumberIsAnError() throws IOException {
        Path masks = Files.writeString(dir.resolve("masks.txt"), "damaging: CADD_PHRED > 20\n");
        CliRun r = assoc("annotations.text-in-number.tsv", "--masks", masks.toString());
        assertEquals(2, r.exit(), r.err());
        String last = r.err().strip().lines().reduce((x, y) -> y).orElse("");
        assertTrue(last.contains("annotations.text-in-number.tsv: line 3: column 'CADD_PHRED' (read as a number by mask expression "
                + "'CADD_PHRED > 20') has 1 value(s) that are not numbers, the first 'high'"), last);
        // Compared as text, the column is fine.
        Path textMask = Files.writeString(dir.resolve("text.txt"), "high: CADD_PHRED == 'high'\n");
        String[] counts = countsAndP(assoc("annotations.text-in-number.tsv", "--masks", textMask.toString()));
        assertEquals("1", counts[0]);
        assertEquals(1.0, Double.parseDouble(counts[1]), "1200 C>T is carried once");
    }

    @Test
    void lowerCaseAllelesMatchTheGenotypes() throws IOException {
        String[] upper = countsAndP(assoc("annotations.tsv"));
        assertEquals(List.of(upper), List.of(countsAndP(assoc("annotations.lower-case.tsv"))));
    }
}
