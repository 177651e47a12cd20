package org.rareset.cli.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.cli.CliRun;

/**
 * {@code rareset risk} on a simulated cohort whose binary trait depends on the scores of two known
 * causal genes (CAUSAL1, CAUSAL2) that the results file marks significant.
 */
class RiskCommandTest {
    @TempDir Path dir;
    Path pheno, covar, scores, results;

    @BeforeEach
    void simulate() throws Exception {
        Random r = new Random(5);
        int n = 3000;
        String[] genes = {"CAUSAL1", "CAUSAL2", "NULL1", "NULL2", "NULL3"};
        List<String> ph = new ArrayList<>(List.of("sample\tBT\tQT"));
        List<String> cv = new ArrayList<>(List.of("sample\tage\tsex"));
        List<String> sc = new ArrayList<>(List.of("sample\tgene\tscore"));
        for (int i = 0; i < n; i++) {
            String s = "S" + i;
            double age = 40 + 10 * r.nextGaussian();
            int sex = r.nextInt(2);
            double[] g = new double[genes.length];
            for (int j = 0; j < genes.length; j++) {
                g[j] = r.nextDouble() < 0.1 ? r.nextDouble() : 0.02 * r.nextDouble();
                sc.add(String.format(Locale.ROOT, "%s\t%s\t%.6f", s, genes[j], g[j]));
            }
            double eta = -3 + 0.02 * (age - 40) + 0.2 * sex + 4 * g[0] + 4 * g[1];
            int bt = r.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
            double qt = 0.01 * age + 3 * g[0] + 3 * g[1] + r.nextGaussian();
            ph.add(String.format(Locale.ROOT, "%s\t%s\t%.5f", s, i == 17 ? "NA" : Integer.toString(bt), qt));
            cv.add(String.format(Locale.ROOT, "%s\t%.3f\t%d", s, age, sex));
        }
        List<String> res = new ArrayList<>(List.of("phenotype\tgene\tmask\ttest\tn_variants\tmac\tn_carriers\tbeta\tse\tpval\tneg_log10p"));
        for (String trait : new String[] {"BT", "QT"}) {
            for (int j = 0; j < genes.length; j++) {
                double lp = j < 2 ? -10 : -0.3;
                res.add(trait + "\t" + genes[j] + "\tall\tdeeprvat\t5\t30\t30\t0.1\t0.02\t" + Math.pow(10, lp) + "\t" + (-lp));
            }
        }
        pheno = Files.write(dir.resolve("pheno.tsv"), ph);
        covar = Files.write(dir.resolve("covar.tsv"), cv);
        scores = Files.write(dir.resolve("scores.tsv"), sc);
        results = Files.write(dir.resolve("results.tsv"), res);
    }

    /** -9 (also written -9.0) is missing by default, as in rareset assoc; --missing NA makes it a value. */
    @Test
    void minusNineIsMissingByDefaultAndMissingOptionChangesIt() throws Exception {
        List<String> lines = Files.readAllLines(pheno);
        for (int i = 1; i <= 3; i++) {
            String[] f = lines.get(i).split("\t");
            lines.set(i, f[0] + "\t" + f[1] + "\t" + (i == 1 ? "-9.0" : "-9"));
        }
        Path p = Files.write(dir.resolve("pheno_m9.tsv"), lines);
        CliRun r = CliRun.run("risk", "--pheno", p.toString(), "--covar", covar.toString(), "--scores", scores.toString(),
                "--results", results.toString(), "--trait", "QT", "--out", dir.resolve("risk.QT.tsv").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("2997 samples used; left out: 3 without QT"), r.err());
        r = CliRun.run("risk", "--pheno", p.toString(), "--covar", covar.toString(), "--scores", scores.toString(),
                "--results", results.toString(), "--trait", "QT", "--missing", "NA", "--out", dir.resolve("risk.QT2.tsv").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("3000 samples used"), r.err());
    }

    @Test
    void enrichmentInTheTableMatchesArithmeticOnTheIndividuals() throws Exception {
        Path out = dir.resolve("risk.BT.tsv");
        CliRun r = CliRun.run("risk", "--pheno", pheno.toString(), "--covar", covar.toString(), "--scores", scores.toString(),
                "--results", results.toString(), "--trait", "BT", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("2999 samples used; left out: 1 without BT"), r.err());
        List<String> lines = Files.readAllLines(out);
        assertTrue(lines.contains("# genes\tCAUSAL1,CAUSAL2"), "significant genes chosen from the results");
        assertTrue(lines.contains("# trait_type\tbinary"));
        // Independent arithmetic on the individuals: top ceil(f n) by predicted risk vs the rest.
        List<double[]> ind = new ArrayList<>();
        for (String l : lines) {
            if (l.startsWith("#") || l.startsWith("sample")) continue;
            String[] f = l.split("\t");
            ind.add(new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3])});
        }
        assertEquals(600, ind.size(), "20% of 2999 held out");
        List<double[]> sorted = new ArrayList<>(ind);
        sorted.sort(Comparator.comparingDouble((double[] a) -> -a[1]));
        List<String> enrichmentLines = lines.stream().filter(l -> l.startsWith("# enrichment\t")).toList();
        double[] fractions = {0.01, 0.05, 0.10};
        for (int k = 0; k < 3; k++) {
            int top = (int) Math.ceil(fractions[k] * 600);
            double caseTop = 0, caseRest = 0;
            for (int i = 0; i < 600; i++) {
                if (i < top) caseTop += sorted.get(i)[0];
                else caseRest += sorted.get(i)[0];
            }
            double ratio = (caseTop / top) / (caseRest / (600 - top));
            String[] f = enrichmentLines.get(k).split("\t");
            assertEquals(top, Integer.parseInt(f[2]));
            assertEquals(caseTop / top, Double.parseDouble(f[4]), 1e-5);
            assertEquals(ratio, Double.parseDouble(f[6]), 1e-4 * ratio);
            if (k == 2) assertTrue(ratio > 2, "causal scores concentrate cases in the top 10%: " + ratio);
        }
        // Percentiles follow the predicted risk.
        double maxPct = ind.stream().mapToDouble(a -> a[2]).max().orElseThrow();
        assertEquals(100 * (600 - 0.5) / 600, maxPct, 1e-3);
        assertTrue(r.out().contains("10%\t60\t"), r.out());

        // The report gains a risk section recomputed from the same table.
        CliRun report = CliRun.run("report", "--results", results.toString(), "--risk", out.toString(), "--study", "s",
                "--out", dir.resolve("report").toString());
        assertEquals(0, report.exit(), report.err());
        String html = Files.readString(dir.resolve("report/s.html"));
        assertTrue(html.contains("id=\"risk-BT\"") && html.contains("CAUSAL1,CAUSAL2"), "risk section in the report");
    }

    @Test
    void causalGenesBeatNullGenesForTheQuantitativeTrait() throws Exception {
        double causal = topTenDifference("CAUSAL1,CAUSAL2");
        double nulls = topTenDifference("NULL1,NULL2");
        assertTrue(causal > nulls + 0.3, "mean QT difference top 10% vs rest: causal " + causal + ", null " + nulls);
    }

    private double topTenDifference(String genes) throws Exception {
        Path out = dir.resolve("risk.QT." + genes.hashCode() + ".tsv");
        CliRun r = CliRun.run("risk", "--pheno", pheno.toString(), "--covar", covar.toString(), "--scores", scores.toString(),
                "--genes", genes, "--trait", "QT", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        String line = Files.readAllLines(out).stream().filter(l -> l.startsWith("# enrichment\t0.1\t")).findFirst().orElseThrow();
        return Double.parseDouble(line.split("\t")[6]);
    }

    @Test
    void unknownTraitIsBadInput() {
        CliRun r = CliRun.run("risk", "--pheno", pheno.toString(), "--scores", scores.toString(), "--genes", "CAUSAL1",
                "--trait", "LDL", "--out", dir.resolve("x.tsv").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("pheno.tsv: column 'LDL' not found"), r.err());
        assertTrue(Arrays.stream(dir.toFile().list()).noneMatch(f -> f.startsWith("x.tsv")), "nothing written");
    }
}
