package org.rareset.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 *
 * <p>So that a report recomputing lambda or significance cannot pass, assoc's side files are altered
 * before the report reads them: every lambda is raised by 0.5, the counts shifted, and one gene's
 * Bonferroni flag flipped in each significant file. No recomputation from the results rows gives
 * those values; only reading the files does.
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
        Map<String, Set<String>> computed = flaggedGenes(dir.resolve("results.significant_per_test.tsv"));
        computed.putAll(flaggedGenes(dir.resolve("results.significant.tsv")));
        TextTable computedSummary = TableFiles.read(dir.resolve("results.summary.tsv"));
        alterSummary(dir.resolve("results.summary.tsv"));
        String perTestFlipped = flipOneFlag(dir.resolve("results.significant_per_test.tsv"), null);
        String perGeneFlipped = flipOneFlag(dir.resolve("results.significant.tsv"), "QT\tomnibus");
        CliRun report = CliRun.run("report", "--results", results.toString(), "--genes", demo.resolve("genes.bed").toString(),
                "--study", "s", "--out", dir.resolve("rep").toString());
        assertEquals(0, report.exit(), report.err());
        String html = Files.readString(dir.resolve("rep/s.html"));

        TextTable summary = TableFiles.read(dir.resolve("results.summary.tsv"));
        assertEquals(12, summary.rowCount(), "3 traits x (3 tests + the GENE_P omnibus)");
        Map<String, Set<String>> flagged = flaggedGenes(dir.resolve("results.significant_per_test.tsv"));
        flagged.putAll(flaggedGenes(dir.resolve("results.significant.tsv")));
        for (String flipped : List.of(perTestFlipped, perGeneFlipped)) {
            assertNotEquals(computed.getOrDefault(flipped, Set.of()), flagged.getOrDefault(flipped, Set.of()),
                    flipped + ": the altered file differs from what assoc computed");
        }
        for (int r = 0; r < summary.rowCount(); r++) {
            String trait = summary.cell(r, summary.indexOf("phenotype")), test = summary.cell(r, summary.indexOf("test"));
            String[] row = inflationRow(html, trait, test);
            assertEquals(summary.cell(r, summary.indexOf("n_tests")), row[0], trait + " " + test + " rows");
            assertEquals(Double.parseDouble(summary.cell(r, summary.indexOf("lambda"))), Double.parseDouble(row[1]), 0,
                    trait + " " + test + " lambda");
            assertEquals(Double.parseDouble(computedSummary.cell(r, summary.indexOf("lambda"))) + 0.5, Double.parseDouble(row[1]), 1e-9,
                    trait + " " + test + ": the report shows the altered lambda, not a recomputed one");
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

    /** Raises every lambda by 0.5 and shifts n_bonferroni by 7 and n_bh_fdr by 3: values only the file holds. */
    static void alterSummary(Path summary) throws Exception {
        List<String> lines = Files.readAllLines(summary);
        List<String> header = List.of(lines.get(0).split("\t", -1));
        int lambda = header.indexOf("lambda"), nBonferroni = header.indexOf("n_bonferroni"), nBh = header.indexOf("n_bh_fdr");
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split("\t", -1);
            f[lambda] = String.format(Locale.ROOT, "%.4f", Double.parseDouble(f[lambda]) + 0.5);
            f[nBonferroni] = Integer.toString(Integer.parseInt(f[nBonferroni]) + 7);
            f[nBh] = Integer.toString(Integer.parseInt(f[nBh]) + 3);
            lines.set(i, String.join("\t", f));
        }
        Files.write(summary, lines);
    }

    /**
     * In the rows of one phenotype and test ({@code only}, or else the first where this is possible),
     * sets the Bonferroni flag of a gene no row flags, or else clears the flag of the least
     * significant of two or more flagged genes, so the flagged set changes. Returns the phenotype
     * and test.
     */
    static String flipOneFlag(Path significant, String only) throws Exception {
        List<String> lines = Files.readAllLines(significant);
        List<String> header = List.of(lines.get(0).split("\t", -1));
        int ph = header.indexOf("phenotype"), test = header.indexOf("test"), gene = header.indexOf("gene"),
                flag = header.indexOf("bonferroni_significant");
        Map<String, Map<String, Boolean>> flaggedByGene = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            flaggedByGene.computeIfAbsent(f[ph] + "\t" + f[test], k -> new LinkedHashMap<>())
                    .merge(f[gene], f[flag].equals("1"), Boolean::logicalOr);
        }
        for (Map.Entry<String, Map<String, Boolean>> group : flaggedByGene.entrySet()) {
            if (only != null && !group.getKey().equals(only)) continue;
            Map<String, Boolean> genes = group.getValue();
            String target = genes.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).findFirst().orElse(null);
            String value = "1";
            if (target == null && genes.size() >= 2) {
                target = new ArrayList<>(genes.keySet()).get(genes.size() - 1);
                value = "0";
            }
            if (target == null) continue;
            for (int i = 1; i < lines.size(); i++) {
                String[] f = lines.get(i).split("\t", -1);
                if ((f[ph] + "\t" + f[test]).equals(group.getKey()) && f[gene].equals(target)) {
                    f[flag] = value;
                    lines.set(i, String.join("\t", f));
                }
            }
            Files.write(significant, lines);
            return group.getKey();
        }
        throw new AssertionError(significant + ": no phenotype and test whose flagged genes can be changed");
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
