package org.rareset.report.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;
import org.rareset.cli.CliRun;
import org.rareset.cli.report.ReportFixture;

/**
 * {@code rareset risk} on a simulated cohort whose traits depend on the scores of two known causal
 * genes (CAUSAL1, CAUSAL2) among five; the other three are null.
 */
@Tag("slow")
class RiskCommandTest {
    @TempDir Path dir;
    Path pheno, covar, scores;

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
        pheno = Files.write(dir.resolve("pheno.tsv"), ph);
        covar = Files.write(dir.resolve("covar.tsv"), cv);
        scores = Files.write(dir.resolve("scores.tsv"), sc);
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
                "--genes", "CAUSAL1", "--trait", "QT", "--bootstrap", "100", "--out", dir.resolve("risk.QT.tsv").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("2997 samples used; left out: 3 without QT"), r.err());
        r = CliRun.run("risk", "--pheno", p.toString(), "--covar", covar.toString(), "--scores", scores.toString(),
                "--genes", "CAUSAL1", "--trait", "QT", "--missing", "NA", "--bootstrap", "100", "--out", dir.resolve("risk.QT2.tsv").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("3000 samples used"), r.err());
    }

    @Test
    void metricsAndBinsMatchArithmeticOnTheIndividuals() throws Exception {
        Path out = dir.resolve("risk.BT.tsv");
        CliRun r = CliRun.run("risk", "--pheno", pheno.toString(), "--covar", covar.toString(), "--scores", scores.toString(),
                "--trait", "BT", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("2999 samples used; left out: 1 without BT"), r.err());
        List<String> lines = Files.readAllLines(out);
        assertTrue(lines.contains("##genes=CAUSAL1,CAUSAL2"), "the causal genes, and only they, pass on the training split: " + lines.subList(0, 8));
        assertTrue(lines.contains("##trait_type=binary"));
        // Independent arithmetic on the individuals: AUC by counting case-control pairs, for both models.
        List<double[]> ind = new ArrayList<>();
        for (String l : lines) {
            if (l.startsWith("#") || l.startsWith("sample")) continue;
            String[] f = l.split("\t");
            ind.add(new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[4])});
        }
        assertEquals(600, ind.size(), "20% of 2999 held out");
        Map<String, double[]> metrics = metrics(dir.resolve("risk.BT.metrics.tsv"));
        double aucBase = pairAuc(ind, 1), aucFull = pairAuc(ind, 2);
        assertEquals(aucBase, metrics.get("baseline")[0], 1e-4);
        assertEquals(aucFull, metrics.get("with_scores")[0], 1e-4);
        assertEquals(aucFull - aucBase, metrics.get("difference")[0], 1e-4);
        assertTrue(metrics.get("difference")[1] > 0, "causal scores add to the covariates: " + Arrays.toString(metrics.get("difference")));
        for (double[] m : metrics.values()) assertTrue(m[1] <= m[0] && m[0] <= m[2], Arrays.toString(m));
        // Bins: the top ceil(f n) by predicted risk, counted by hand.
        List<double[]> sorted = new ArrayList<>(ind);
        sorted.sort(Comparator.comparingDouble((double[] a) -> -a[2]));
        List<String[]> bins = Files.readAllLines(dir.resolve("risk.BT.bins.tsv")).stream().skip(1).map(l -> l.split("\t"))
                .filter(f -> f[0].equals("with_scores")).toList();
        int[] edges = {6, 30, 60, 120, 300, 600};
        int from = 0;
        for (int k = 0; k < edges.length; k++) {
            int cases = 0;
            for (int i = from; i < edges[k]; i++) cases += (int) sorted.get(i)[0];
            assertEquals(edges[k] - from, Integer.parseInt(bins.get(k)[3]), "bin " + k + " size");
            assertEquals(cases, Integer.parseInt(bins.get(k)[4]), "bin " + k + " cases");
            from = edges[k];
        }
        assertTrue(r.out().contains("AUC covariates only: "), r.out());

        // The report gains a risk section with both models, read from these files.
        CliRun report = CliRun.run("report", "--results", ReportFixture.results(dir).toString(), "--risk", out.toString(), "--study", "s",
                "--out", dir.resolve("report").toString());
        assertEquals(0, report.exit(), report.err());
        String html = Files.readString(dir.resolve("report/s.html"));
        assertTrue(html.contains("id=\"risk-BT\"") && html.contains("CAUSAL1,CAUSAL2") && html.contains("covariates only"), "risk section");
        assertTrue(html.contains(String.format(Locale.ROOT, "%.3f", metrics.get("baseline")[0])), "baseline AUC shown");
    }

    /** Changing the held-out samples' trait cannot change which genes are chosen: selection sees the training split only. */
    @Test
    void heldOutSamplesDoNotInfluenceGeneChoice() throws Exception {
        Path out = dir.resolve("a/risk.QT.tsv");
        assertEquals(0, CliRun.run("risk", "--pheno", pheno.toString(), "--covar", covar.toString(), "--scores", scores.toString(),
                "--trait", "QT", "--bootstrap", "100", "--out", out.toString()).exit());
        Set<String> heldOut = new HashSet<>();
        for (String l : Files.readAllLines(out)) if (!l.startsWith("#") && !l.startsWith("sample")) heldOut.add(l.split("\t")[0]);
        // Give every held-out sample a huge QT exactly when it carries NULL1: on all samples NULL1 would now be significant.
        Map<String, Double> null1 = new HashMap<>();
        for (String l : Files.readAllLines(scores)) {
            String[] f = l.split("\t");
            if (f[1].equals("NULL1")) null1.put(f[0], Double.parseDouble(f[2]));
        }
        List<String> ph = new ArrayList<>(Files.readAllLines(pheno));
        for (int i = 1; i < ph.size(); i++) {
            String[] f = ph.get(i).split("\t");
            if (heldOut.contains(f[0])) ph.set(i, f[0] + "\t" + f[1] + "\t" + (null1.get(f[0]) > 0.05 ? "25" : f[2]));
        }
        Path pheno2 = Files.write(dir.resolve("pheno_heldout_changed.tsv"), ph);
        Path out2 = dir.resolve("b/risk.QT.tsv");
        assertEquals(0, CliRun.run("risk", "--pheno", pheno2.toString(), "--covar", covar.toString(), "--scores", scores.toString(),
                "--trait", "QT", "--bootstrap", "100", "--out", out2.toString()).exit());
        assertEquals(Files.readString(dir.resolve("a/risk.QT.genes.tsv")), Files.readString(dir.resolve("b/risk.QT.genes.tsv")));
        assertTrue(Files.readAllLines(out2).contains("##genes=CAUSAL1,CAUSAL2"));
        assertTrue(!Files.readString(dir.resolve("a/risk.QT.metrics.tsv")).equals(Files.readString(dir.resolve("b/risk.QT.metrics.tsv"))),
                "the held-out evaluation does see the change");
    }

    @Test
    void causalGenesAddRSquaredAndNullGenesDoNot() throws Exception {
        double[] causal = rSquaredDifference("CAUSAL1,CAUSAL2");
        double[] nulls = rSquaredDifference("NULL1,NULL2");
        assertTrue(causal[1] > 0.02, "causal scores add R^2: " + Arrays.toString(causal));
        assertTrue(nulls[1] < 0 && nulls[2] > 0 || Math.abs(nulls[0]) < 0.01, "null scores add nothing: " + Arrays.toString(nulls));
    }

    private double[] rSquaredDifference(String genes) throws Exception {
        Path out = dir.resolve("risk.QT." + genes.hashCode() + ".tsv");
        CliRun r = CliRun.run("risk", "--pheno", pheno.toString(), "--covar", covar.toString(), "--scores", scores.toString(),
                "--genes", genes, "--trait", "QT", "--bootstrap", "200", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        return metrics(dir.resolve("risk.QT." + genes.hashCode() + ".metrics.tsv")).get("difference");
    }

    /** Quoted CSV fields (as spreadsheets write them) read the same as TSV. */
    @Test
    void quotedCsvCovariatesReadLikeTsv() throws Exception {
        List<String> csv = new ArrayList<>();
        for (String l : Files.readAllLines(covar)) csv.add("\"" + String.join("\",\"", l.split("\t")) + "\"");
        Path covarCsv = Files.write(dir.resolve("covar.csv"), csv);
        Path a = dir.resolve("tsv/risk.QT.tsv"), b = dir.resolve("csv/risk.QT.tsv");
        assertEquals(0, CliRun.run("risk", "--pheno", pheno.toString(), "--covar", covar.toString(), "--scores", scores.toString(),
                "--genes", "CAUSAL1", "--trait", "QT", "--bootstrap", "100", "--out", a.toString()).exit());
        CliRun r = CliRun.run("risk", "--pheno", pheno.toString(), "--covar", covarCsv.toString(), "--scores", scores.toString(),
                "--genes", "CAUSAL1", "--trait", "QT", "--bootstrap", "100", "--out", b.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(Files.readString(dir.resolve("tsv/risk.QT.metrics.tsv")), Files.readString(dir.resolve("csv/risk.QT.metrics.tsv")));
    }

    static Map<String, double[]> metrics(Path file) throws Exception {
        Map<String, double[]> m = new HashMap<>();
        for (String l : Files.readAllLines(file).subList(1, 4)) {
            String[] f = l.split("\t");
            m.put(f[0], new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4])});
        }
        return m;
    }

    /** AUC by counting every case-control pair (ties 1/2), an O(n^2) reference independent of the rank formula. */
    static double pairAuc(List<double[]> ind, int column) {
        double wins = 0;
        long pairs = 0;
        for (double[] c : ind) {
            if (c[0] != 1) continue;
            for (double[] k : ind) {
                if (k[0] != 0) continue;
                pairs++;
                wins += c[column] > k[column] ? 1 : c[column] == k[column] ? 0.5 : 0;
            }
        }
        return wins / pairs;
    }

    @Test
    void unknownTraitIsBadInput() {
        CliRun r = CliRun.run("risk", "--pheno", pheno.toString(), "--scores", scores.toString(), "--genes", "CAUSAL1",
                "--trait", "LDL", "--out", dir.resolve("x.tsv").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("pheno.tsv") && r.err().contains("no column 'LDL'"), r.err());
        assertTrue(Arrays.stream(dir.toFile().list()).noneMatch(f -> f.startsWith("x.")), "nothing written");
    }
}
