package org.rareset.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.core.table.TableFiles;
import org.rareset.core.table.TextTable;
import org.rareset.cli.CliRun;

/**
 * The report shows assoc's own conclusions: on the bundled demo cohort, the lambda, Bonferroni
 * threshold and counts in the report's tables equal {@code results.summary.tsv}, the genes the
 * report calls significant per test are those {@code results.significant_per_test.tsv} flags, and
 * its headline list is the per-gene list of {@code results.significant.tsv} (GENE_P omnibus,
 * Bonferroni over genes).
 */
class ReportAgreesWithAssocTest {
    @TempDir Path dir;

    @Test
    void lambdaThresholdsAndSignificantGenesAreAssocs() throws Exception {
        Path demo = Path.of("..", "testdata", "demo");
        assertTrue(Files.isRegularFile(demo.resolve("cohort.vcf.gz")), "the repository ships the demo cohort");
        Path results = dir.resolve("results.tsv");
        CliRun assoc = CliRun.run("assoc", "--vcf", demo.resolve("cohort.vcf.gz").toString(),
                "--annotations", demo.resolve("annotations.tsv").toString(), "--pheno", demo.resolve("pheno.tsv").toString(),
                "--covar", demo.resolve("covar.tsv").toString(), "--phenotypes", "QT,BT,NULL_QT", "--tests", "burden,skat,acatv",
                "--threads", "1", "--out", results.toString());
        assertEquals(0, assoc.exit(), assoc.err());
        CliRun report = CliRun.run("report", "--results", results.toString(), "--genes", demo.resolve("genes.bed").toString(),
                "--study", "s", "--out", dir.resolve("rep").toString());
        assertEquals(0, report.exit(), report.err());
        String html = Files.readString(dir.resolve("rep/s.html"));

        TextTable summary = TableFiles.read(dir.resolve("results.summary.tsv"));
        assertEquals(12, summary.rowCount(), "3 traits x (3 tests + the GENE_P omnibus)");
        Map<String, Set<String>> flagged = flaggedGenes(dir.resolve("results.significant_per_test.tsv"));
        flagged.putAll(flaggedGenes(dir.resolve("results.significant.tsv")));
        for (int r = 0; r < summary.rowCount(); r++) {
            String trait = summary.cell(r, summary.indexOf("phenotype")), test = summary.cell(r, summary.indexOf("test"));
            String[] row = inflationRow(html, trait, test);
            assertEquals(summary.cell(r, summary.indexOf("n_tests")), row[0], trait + " " + test + " rows");
            assertEquals(Double.parseDouble(summary.cell(r, summary.indexOf("lambda"))), Double.parseDouble(row[1]), 0,
                    trait + " " + test + " lambda");
            double thr = Double.parseDouble(summary.cell(r, summary.indexOf("bonferroni_pval")));
            assertEquals(thr, Double.parseDouble(row[2]), thr * 0.01, trait + " " + test + " Bonferroni p (3 digits)");
            assertEquals(summary.cell(r, summary.indexOf("n_bonferroni")), row[3]);
            assertEquals(flagged.getOrDefault(trait + "\t" + test, Set.of()).size(), Integer.parseInt(row[4]), trait + " " + test + " genes");
            assertEquals(summary.cell(r, summary.indexOf("n_bh_fdr")), row[5]);
        }
        // the headline table of QT lists exactly the genes assoc's per-gene list flags (one p per gene)
        Set<String> perGene = flagged.getOrDefault("QT\tomnibus", Set.of());
        assertTrue(!perGene.isEmpty(), "the demo's QT has significant genes");
        assertEquals(perGene, new TreeSet<>(significantTableGenes(html, "QT")));
        assertTrue(section(html, "QT").contains("One p-value per gene"), "the headline says what it lists");
        // the methods block shows the run's settings and the trait counts assoc wrote
        assertTrue(html.contains("<td>burden,skat,acatv</td>"), "tests in the methods block");
        assertTrue(html.contains("<th>MAF limits</th><td>0.01</td>"), "the default MAF limit in the methods block");
        assertTrue(html.contains("<th>minimum MAC per gene and mask</th><td>5</td>"), "the default minimum MAC");
        assertTrue(html.contains("<th>quantitative trait transform</th><td>none</td>"), "the trait transform");
        assertTrue(html.contains("<td>BT</td><td>binary</td><td>2000</td><td>200</td><td>1800</td>"), "BT counts");
    }

    static Map<String, Set<String>> flaggedGenes(Path significant) {
        TextTable t = TableFiles.read(significant);
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (int r = 0; r < t.rowCount(); r++) {
            if (!t.cell(r, t.indexOf("bonferroni_significant")).equals("1")) continue;
            out.computeIfAbsent(t.cell(r, t.indexOf("phenotype")) + "\t" + t.cell(r, t.indexOf("test")), k -> new TreeSet<>())
                    .add(t.cell(r, t.indexOf("gene")));
        }
        return out;
    }

    /** rows, lambda, Bonferroni p, Bonferroni rows, significant genes, BH rows of the trait's inflation table. */
    static String[] inflationRow(String html, String trait, String test) {
        String section = section(html, trait);
        Matcher m = Pattern.compile("</span>" + Pattern.quote(test) + "</td><td>(\\d+)</td><td class=\"lambda\">([^<]+)</td><td>([^<]+)</td>"
                + "<td>(\\d+)</td><td>(\\d+)</td><td>(\\d+)</td>").matcher(section);
        assertTrue(m.find(), "inflation row of " + trait + " " + test);
        return new String[] {m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6)};
    }

    static List<String> significantTableGenes(String html, String trait) {
        String section = section(html, trait);
        int table = section.indexOf("<table class=\"sortable significant\">");
        List<String> genes = new ArrayList<>();
        if (table < 0) return genes;
        Matcher m = Pattern.compile("<tr><td>([^<]+)</td>").matcher(section.substring(table, section.indexOf("</table>", table)));
        while (m.find()) genes.add(m.group(1));
        return genes;
    }

    static String section(String html, String trait) {
        int a = html.indexOf("id=\"trait-" + trait + "\"");
        assertTrue(a >= 0, "section of " + trait);
        return html.substring(a, html.indexOf("</section>", a));
    }
}
