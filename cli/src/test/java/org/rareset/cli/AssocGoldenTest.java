package org.rareset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command contract of {@code rareset assoc} on the golden association cohort (R SKAT 2.2.5 and
 * REGENIE 4.1.2 references; see testdata/golden/assoc/README.md), p-values compared with
 * {@code oracle.tsv} at the tolerance: |log10(p / p_ref)| at most 0.01 for p_ref >= 1e-6 and
 * 0.05 below. The oracle is the plain score test (no SPA, no Firth), so the binary trait is compared
 * in a run with {@code --firth-threshold 0 --no-spa}; the exact contract run is compared on the
 * quantitative trait, where those options do not apply. Every run uses the references' variant
 * definitions: {@code --max-maf 0.5 --min-mac 0} (no MAF cap, every mask tested), against the
 * rare-by-default masks and minimum MAC of the defaults.
 */
class AssocGoldenTest {
    @TempDir static Path dir;
    static Path golden;

    @BeforeAll
    static void locate() {
        // The copy the repository ships.
        golden = Path.of(System.getProperty("rareset.testdata", "../testdata"), "golden", "assoc");
        assertTrue(Files.isRegularFile(golden.resolve("oracle.tsv")), golden + " ships with the repository but is missing");
    }

    static final String CONTRACT_TESTS = "burden,skat,skato,acatv,acato";
    /** The references test every variant of every gene: no MAF cap, no minimum MAC. */
    static final String[] REFERENCE_DEFINITIONS = {"--max-maf", "0.5", "--min-mac", "0"};
    static final String MASK = "all.0.5";
    static final List<String> HEADER = List.of("phenotype", "gene", "gene_name", "chrom", "start", "end", "mask", "test",
            "n_variants", "mac", "n_carriers", "mac_case", "mac_control", "n_carriers_case", "n_carriers_control",
            "beta", "se", "beta_per_allele", "pval", "neg_log10p");
    static final int N_VARIANTS = HEADER.indexOf("n_variants"), MAC = HEADER.indexOf("mac"), BETA = HEADER.indexOf("beta"),
            SE = HEADER.indexOf("se"), PVAL = HEADER.indexOf("pval"), NEG_LOG10P = HEADER.indexOf("neg_log10p"),
            TEST = HEADER.indexOf("test"), MASK_COL = HEADER.indexOf("mask");

    /** log10 p of a row, from its neg_log10p. */
    static double log10p(String[] row) {
        return -Double.parseDouble(row[NEG_LOG10P]);
    }

    static Map<String, String[]> runContract(String out, String tests, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("assoc", "--vcf", golden.resolve("cohort.vcf.gz").toString(),
                "--annotations", golden.resolve("annotations.tsv").toString(), "--pheno", golden.resolve("pheno.tsv").toString(),
                "--covar", golden.resolve("covar.tsv").toString(), "--phenotypes", "QT,BT",
                "--tests", tests, "--collapse-mac", "0", "--out", dir.resolve(out).toString(), "--threads", "2"));
        args.addAll(List.of(REFERENCE_DEFINITIONS));
        args.addAll(List.of(extra));
        CliRun cli = CliRun.run(args.toArray(new String[0]));
        assertEquals(0, cli.exit(), cli.err());
        List<String> lines = Files.readAllLines(dir.resolve(out));
        assertEquals(String.join("\t", HEADER), lines.get(0));
        Map<String, String[]> rows = new HashMap<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split("\t", -1);
            assertEquals(f[TEST].equals("omnibus") ? "GENE_P" : MASK, f[MASK_COL]);
            assertEquals(HEADER.size(), f.length);
            assertTrue(Double.parseDouble(f[NEG_LOG10P]) >= 0, "neg_log10p is -log10 p: " + l);
            rows.put(f[0] + "\t" + f[1] + "\t" + f[TEST], f);
        }
        assertEquals(lines.size() - 1, rows.size(), "one row per phenotype x gene x test");
        return rows;
    }

    static List<String[]> oracle() throws IOException {
        List<String[]> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(golden.resolve("oracle.tsv"));
        for (String l : lines.subList(1, lines.size())) out.add(l.split("\t"));
        return out;
    }

    /** Compares every oracle row of the given phenotypes; returns the worst |log10 ratio| per test. */
    static Map<String, Double> compare(Map<String, String[]> rows, List<String> phenotypes) throws IOException {
        Map<String, Double> worst = new java.util.TreeMap<>();
        List<String> failures = new ArrayList<>();
        int compared = 0;
        for (String[] o : oracle()) {
            if (!phenotypes.contains(o[0])) continue;
            String[] r = rows.get(o[0] + "\t" + o[1] + "\t" + o[2]);
            assertTrue(r != null, "no result for " + String.join(" ", o));
            assertEquals(o[3], r[N_VARIANTS], "n_variants " + o[0] + " " + o[1]);
            assertEquals(Double.parseDouble(o[4]), Double.parseDouble(r[MAC]), 1e-9, "mac " + o[0] + " " + o[1]);
            double refLog10 = Math.log10(Double.parseDouble(o[5]));
            double log10p = log10p(r);
            double diff = Math.abs(log10p - refLog10);
            double tol = refLog10 >= -6 ? 0.01 : 0.05;
            worst.merge(o[0] + " " + o[2], diff, Math::max);
            if (!(diff <= tol)) {
                failures.add(String.format(Locale.ROOT, "%s %s %s: p %s vs %s (|log10 ratio| %.4f > %.2f)", o[0], o[1], o[2], r[PVAL], o[5], diff, tol));
            }
            // the text p-value agrees with neg_log10p to its 6 printed digits
            assertEquals(log10p, Math.log10(Double.parseDouble(r[PVAL])), 1e-5);
            compared++;
        }
        assertTrue(failures.isEmpty(), failures.size() + " rows out of tolerance:\n" + String.join("\n", failures));
        assertEquals(150 * phenotypes.size(), compared);
        return worst;
    }

    @Test
    void contractMatchesOracleOnQuantitativeTrait() throws IOException {
        Map<String, String[]> rows = runContract("results.tsv", CONTRACT_TESTS);
        assertEquals(300 + 60, rows.size(), "30 genes x 2 traits x 5 tests, and one GENE_P row per gene and trait");
        System.out.println("assoc golden, contract run, worst |log10 ratio|: " + compare(rows, List.of("QT")));
        checkFirth(rows, true);
        checkFirth(runContract("nospa.tsv", "burden", "--no-spa"), false);
        Path summary = dir.resolve("results.summary.tsv");
        assertTrue(Files.readString(summary).startsWith("phenotype\ttest\tcounted\tn_tests\tlambda"), "summary written");
    }

    /**
     * Binary burden rows whose plain score p (oracle) is below the default --firth-threshold 0.05 are
     * Firth-penalised: beta within 1e-3 relative of the double-precision reference
     * ({@code *_own_exact} in provenance/firth_crosscheck.tsv). Without SPA (REGENIE's --firth
     * definition) SE and LRT p are Firth's too; with SPA (the default) the p is the SPA p and
     * se = |beta| / sqrt(q), q the 1-df chi-square quantile of that p.
     */
    static void checkFirth(Map<String, String[]> rows, boolean spa) throws IOException {
        List<String> lines = Files.readAllLines(golden.resolve("provenance/firth_crosscheck.tsv"));
        List<String> header = List.of(lines.get(0).split("\t"));
        int checked = 0;
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split("\t");
            double plain = Math.pow(10, oracleLog10("BT", f[1], "burden"));
            if (plain >= 0.05) continue;
            String[] r = rows.get("BT\t" + f[1] + "\tburden");
            double beta = Double.parseDouble(f[header.indexOf("beta_own_exact")]);
            double se = Double.parseDouble(f[header.indexOf("se_own_exact")]);
            double plrt = Double.parseDouble(f[header.indexOf("plrt_own_exact")]);
            assertEquals(beta, Double.parseDouble(r[BETA]), 1e-3 * Math.abs(beta), "Firth beta " + f[1]);
            if (spa) {
                double q = new org.apache.commons.math3.distribution.ChiSquaredDistribution(1)
                        .inverseCumulativeProbability(1 - Math.pow(10, log10p(r)));
                assertEquals(Math.abs(beta) / Math.sqrt(q), Double.parseDouble(r[SE]), 1e-3 * Double.parseDouble(r[SE]), "se from p " + f[1]);
            } else {
                assertEquals(se, Double.parseDouble(r[SE]), 1e-3 * se, "Firth se " + f[1]);
                assertEquals(Math.log10(plrt), log10p(r), 1e-3 / Math.log(10), "Firth LRT p " + f[1]);
            }
            checked++;
        }
        assertTrue(checked >= 2, "some binary burden rows go through Firth (" + checked + ")");
    }

    static double oracleLog10(String phenotype, String gene, String test) throws IOException {
        for (String[] o : oracle()) {
            if (o[0].equals(phenotype) && o[1].equals(gene) && o[2].equals(test)) return Math.log10(Double.parseDouble(o[5]));
        }
        throw new AssertionError("no oracle row " + phenotype + " " + gene + " " + test);
    }

    @Test
    void parquetOutputAndThreadCountGiveTheSameRows() throws IOException {
        Map<String, String[]> tsv = runContract("threads2.tsv", "burden,skat,acatv", "--firth-threshold", "0", "--no-spa");
        Path pq = dir.resolve("threads1.parquet");
        CliRun cli = CliRun.run("assoc", "--vcf", golden.resolve("cohort.vcf.gz").toString(),
                "--annotations", golden.resolve("annotations.tsv").toString(), "--pheno", golden.resolve("pheno.tsv").toString(),
                "--covar", golden.resolve("covar.tsv").toString(), "--phenotypes", "QT,BT", "--tests", "burden,skat,acatv",
                "--collapse-mac", "0", "--firth-threshold", "0", "--no-spa", "--threads", "1", "--out", pq.toString(),
                "--max-maf", "0.5", "--min-mac", "0");
        assertEquals(0, cli.exit(), cli.err());
        List<String> order = new ArrayList<>();
        try (org.rareset.core.table.TableReader r = org.rareset.core.table.TableReaders.open(pq)) {
            assertEquals(HEADER, r.columns());
            for (org.rareset.core.table.Row row : r) {
                String key = row.getString(0) + "\t" + row.getString(1) + "\t" + row.getString(TEST);
                order.add(key);
                String[] t = tsv.get(key);
                assertEquals(Double.parseDouble(t[NEG_LOG10P]), row.getDouble(NEG_LOG10P), 0.0, key);
                assertEquals(Integer.parseInt(t[N_VARIANTS]), row.getInt(N_VARIANTS), key);
                assertEquals(Double.parseDouble(t[PVAL]), row.getDouble(PVAL), 1e-5 * Double.parseDouble(t[PVAL]), key);
            }
        }
        assertEquals(tsv.size(), order.size());
        List<String> tsvOrder = new ArrayList<>();
        for (String l : Files.readAllLines(dir.resolve("threads2.tsv")).subList(1, tsv.size() + 1)) {
            String[] f = l.split("\t");
            tsvOrder.add(f[0] + "\t" + f[1] + "\t" + f[TEST]);
        }
        assertEquals(tsvOrder, order, "same row order whatever the thread count");
    }

    @Test
    void plainScoreTestsMatchOracleOnBothTraits() throws IOException {
        Map<String, String[]> rows = runContract("plain.tsv", "burden,skat,skato,acatv,acato,burden-max,burden-sum",
                "--firth-threshold", "0", "--no-spa");
        System.out.println("assoc golden, plain score run, worst |log10 ratio|: " + compare(rows, List.of("QT", "BT")));
        // one variant: REGENIE's max and sum burden masks are the single-variant score test, as is the weighted burden
        for (String trait : new String[] {"QT", "BT"}) {
            double burden = log10p(rows.get(trait + "\tGENE04\tburden"));
            assertEquals(burden, log10p(rows.get(trait + "\tGENE04\tburden-max")), 1e-9);
            assertEquals(burden, log10p(rows.get(trait + "\tGENE04\tburden-sum")), 1e-9);
        }
        // several variants: max and sum differ from each other where some carrier has two variants
        assertEquals(30 * 7 * 2 + 30 * 2, rows.size());
    }
}
