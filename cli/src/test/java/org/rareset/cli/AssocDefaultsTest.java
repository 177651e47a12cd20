package org.rareset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.association.input.QtTransform;

/**
 * {@code rareset assoc} defaults and output columns on the golden cohort, checked against counts
 * taken straight from the VCF text (genotype strings counted here, not by RareSet): rare masks
 * ({@code --max-maf 0.01}), the minimum MAC, the GENE_P list with Bonferroni and BH over genes,
 * case/control counts, the per-allele burden effect, gene columns and {@code --qt-transform}.
 */
class AssocDefaultsTest {
    @TempDir static Path dir;
    static Path golden;
    /** Per variant key chrom:pos:ref:alt: alternate-allele count per sample (ALT is the minor allele in this cohort). */
    static final Map<String, int[]> DOSAGES = new LinkedHashMap<>();
    static final Map<String, String> GENE_OF = new HashMap<>();
    static int n;
    static final int MIN_MAC = 20;

    @BeforeAll
    static void read() throws IOException {
        AssocGoldenTest.locate();
        golden = AssocGoldenTest.golden;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(golden.resolve("cohort.vcf.gz"))), StandardCharsets.UTF_8))) {
            for (String l; (l = r.readLine()) != null; ) {
                if (l.startsWith("#")) continue;
                String[] f = l.split("\t");
                n = f.length - 9;
                int[] d = new int[n];
                for (int s = 0; s < n; s++) d[s] = (f[9 + s].charAt(0) - '0') + (f[9 + s].charAt(2) - '0');
                DOSAGES.put(f[0] + ":" + f[1] + ":" + f[3] + ":" + f[4], d);
            }
        }
        List<String> ann = Files.readAllLines(golden.resolve("annotations.tsv"));
        for (String l : ann.subList(1, ann.size())) {
            String[] f = l.split("\t");
            GENE_OF.put(f[0] + ":" + f[1] + ":" + f[2] + ":" + f[3], f[4]);
        }
    }

    static int ac(int[] d) {
        return Arrays.stream(d).sum();
    }

    static CliRun assoc(String out, String... extra) {
        List<String> args = new ArrayList<>(List.of("assoc", "--vcf", golden.resolve("cohort.vcf.gz").toString(),
                "--annotations", golden.resolve("annotations.tsv").toString(), "--pheno", golden.resolve("pheno.tsv").toString(),
                "--covar", golden.resolve("covar.tsv").toString(), "--phenotypes", "QT,BT", "--threads", "2",
                "--out", dir.resolve(out).toString()));
        args.addAll(List.of(extra));
        CliRun cli = CliRun.run(args);
        assertEquals(0, cli.exit(), cli.err());
        return cli;
    }

    /** Rows of a TSV as column name -> value maps. */
    static List<Map<String, String>> table(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String[] h = lines.get(0).split("\t");
        List<Map<String, String>> out = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split("\t", -1);
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < h.length; i++) m.put(h[i], f[i]);
            out.add(m);
        }
        return out;
    }

    @Test
    void rareMasksAndTheMinimumMacByDefault() throws IOException {
        // default --max-maf; every rare mask of this cohort has MAC >= 5, so a higher --min-mac exercises the skip
        CliRun cli = assoc("defaults.tsv", "--tests", "burden,skato,acatv", "--min-mac", String.valueOf(MIN_MAC));
        // expected per gene from the VCF: variants with MAF <= 0.01, and their MAC
        Map<String, Integer> nRare = new TreeMap<>();
        Map<String, Integer> macRare = new TreeMap<>();
        for (Map.Entry<String, int[]> e : DOSAGES.entrySet()) {
            String gene = GENE_OF.get(e.getKey());
            int ac = ac(e.getValue());
            nRare.merge(gene, 0, Integer::sum);
            macRare.merge(gene, 0, Integer::sum);
            if (ac / (2.0 * n) <= 0.01) {
                nRare.merge(gene, 1, Integer::sum);
                macRare.merge(gene, Math.min(ac, 2 * n - ac), Integer::sum);
            }
        }
        long belowMinMac = macRare.values().stream().filter(m -> m > 0 && m < MIN_MAC).count();
        long noneRare = nRare.values().stream().filter(c -> c == 0).count();
        assertTrue(belowMinMac > 0, "the cohort has genes whose rare mask has fewer than " + MIN_MAC + " minor alleles");
        int tested = 0;
        for (Map<String, String> r : table(dir.resolve("defaults.tsv"))) {
            if (!r.get("test").equals("burden")) continue;
            assertEquals("all.0.01", r.get("mask"));
            assertEquals(nRare.get(r.get("gene")), Integer.parseInt(r.get("n_variants")), r.get("gene"));
            assertEquals(macRare.get(r.get("gene")), Double.parseDouble(r.get("mac")), 0, r.get("gene"));
            assertTrue(Double.parseDouble(r.get("mac")) >= MIN_MAC);
            tested++;
        }
        assertEquals(2 * (30 - belowMinMac - noneRare), tested);
        String skipped = Files.readString(dir.resolve("defaults.skipped.tsv"));
        assertTrue(skipped.contains("QT\tall.0.01\tthe mask's minor allele count is below --min-mac\t" + belowMinMac), skipped);
        if (noneRare > 0) assertTrue(skipped.contains("QT\tall.0.01\tevery variant in the mask is above the MAF limit (--max-maf)\t" + noneRare), skipped);
        // the log and summary.tsv say what they count, and agree
        List<Map<String, String>> summary = table(dir.resolve("defaults.summary.tsv"));
        for (Map<String, String> s : summary) {
            String unit = s.get("test").equals("omnibus") ? "genes" : "gene x mask rows";
            assertEquals(unit, s.get("counted"));
            assertTrue(cli.err().contains(s.get("phenotype") + " " + s.get("test") + ": " + s.get("n_tests") + " " + unit + ","), cli.err());
        }
        // --max-maf 0.5 lifts the limit: every variant of every gene
        assoc("lifted.tsv", "--tests", "burden", "--max-maf", "0.5", "--min-mac", "0");
        long lifted = table(dir.resolve("lifted.tsv")).stream().filter(r -> r.get("test").equals("burden")).count();
        assertEquals(60, lifted);
    }

    @Test
    void significantGenesComeFromTheOmnibusWithBonferroniAndBhOverGenes() throws IOException {
        assoc("sig.tsv", "--max-maf", "0.5", "--min-mac", "0");
        for (String trait : new String[] {"QT", "BT"}) {
            List<double[]> omnibus = new ArrayList<>(); // {log10 p, index}
            List<String> genes = new ArrayList<>();
            for (Map<String, String> r : table(dir.resolve("sig.tsv"))) {
                if (!r.get("phenotype").equals(trait) || !r.get("test").equals("omnibus")) continue;
                assertEquals("GENE_P", r.get("mask"));
                omnibus.add(new double[] {-Double.parseDouble(r.get("neg_log10p")), genes.size()});
                genes.add(r.get("gene"));
            }
            int m = genes.size();
            assertEquals(30, m, "one GENE_P row per gene");
            // Benjamini-Hochberg over the genes, written out
            omnibus.sort(Comparator.comparingDouble(a -> a[0]));
            double[] q = new double[m];
            double running = 1;
            for (int k = m; k >= 1; k--) {
                double[] o = omnibus.get(k - 1);
                running = Math.min(running, Math.pow(10, o[0]) * m / k);
                q[(int) o[1]] = running;
            }
            Map<String, Map<String, String>> listed = new HashMap<>();
            for (Map<String, String> s : table(dir.resolve("sig.significant.tsv"))) if (s.get("phenotype").equals(trait)) listed.put(s.get("gene"), s);
            for (double[] o : omnibus) {
                String gene = genes.get((int) o[1]);
                double p = Math.pow(10, o[0]);
                double qv = q[(int) o[1]];
                Map<String, String> s = listed.get(gene);
                assertEquals(qv <= 0.05, s != null, trait + " " + gene + " q " + qv);
                if (s == null) continue;
                assertEquals(String.valueOf(m), s.get("n_genes"));
                assertEquals(Math.min(1, p * m), Double.parseDouble(s.get("pval_bonferroni_over_genes")), 1e-5 * Math.min(1, p * m));
                assertEquals(qv, Double.parseDouble(s.get("qval_bh_over_genes")), 1e-5 * qv);
                assertEquals(p * m <= 0.05 ? "1" : "0", s.get("bonferroni_significant"));
            }
            assertFalse(listed.isEmpty(), trait + " has significant genes in the golden cohort");
        }
        // per-test rows stay, in their own file
        List<Map<String, String>> perTest = table(dir.resolve("sig.significant_per_test.tsv"));
        assertFalse(perTest.isEmpty());
        assertTrue(perTest.stream().noneMatch(r -> r.get("test").equals("omnibus")));
    }

    @Test
    void caseControlCountsPerAlleleEffectAndGeneColumns() throws IOException {
        Path bed = Files.writeString(dir.resolve("genes.bed"), "1\t1000\t2000000\tGENE04\tSYMBOL4\n");
        assoc("cols.tsv", "--tests", "burden,skat", "--max-maf", "0.5", "--min-mac", "0", "--genes", bed.toString());
        assoc("unweighted.tsv", "--tests", "burden", "--max-maf", "0.5", "--min-mac", "0", "--weights", "none");
        List<String> pheno = Files.readAllLines(golden.resolve("pheno.tsv"));
        boolean[] isCase = new boolean[n];
        for (int s = 0; s < n; s++) isCase[s] = pheno.get(s + 1).split("\t")[2].equals("1");
        String gene04 = GENE_OF.entrySet().stream().filter(e -> e.getValue().equals("GENE04")).findFirst().orElseThrow().getKey();
        int[] d = DOSAGES.get(gene04);
        int macCase = 0, macControl = 0, carCase = 0, carControl = 0;
        for (int s = 0; s < n; s++) {
            if (isCase[s]) { macCase += d[s]; if (d[s] > 0) carCase++; } else { macControl += d[s]; if (d[s] > 0) carControl++; }
        }
        double maf = ac(d) / (2.0 * n);
        double weight = 25 * Math.pow(1 - maf, 24); // dbeta(maf; 1, 25)
        for (Map<String, String> r : table(dir.resolve("cols.tsv"))) {
            boolean binary = r.get("phenotype").equals("BT");
            if (binary) {
                assertEquals(Double.parseDouble(r.get("mac")), Double.parseDouble(r.get("mac_case")) + Double.parseDouble(r.get("mac_control")), 1e-9);
                assertEquals(Integer.parseInt(r.get("n_carriers")), Integer.parseInt(r.get("n_carriers_case")) + Integer.parseInt(r.get("n_carriers_control")));
            } else {
                assertEquals("NA", r.get("mac_case"));
                assertEquals("NA", r.get("n_carriers_control"));
            }
            if (!r.get("gene").equals("GENE04")) {
                assertEquals("NA", r.get("gene_name"));
                assertEquals("1", r.get("chrom"), "chromosome from the gene's variants");
                assertEquals("NA", r.get("start"));
                continue;
            }
            assertEquals("SYMBOL4", r.get("gene_name"));
            assertEquals("1001", r.get("start"), "1-based start from the BED's 0-based 1000");
            assertEquals("2000000", r.get("end"));
            if (binary && r.get("test").equals("burden")) {
                assertEquals(macCase, Double.parseDouble(r.get("mac_case")), 0);
                assertEquals(macControl, Double.parseDouble(r.get("mac_control")), 0);
                assertEquals(carCase, Integer.parseInt(r.get("n_carriers_case")));
                assertEquals(carControl, Integer.parseInt(r.get("n_carriers_control")));
            }
            if (r.get("test").equals("burden")) {
                double beta = Double.parseDouble(r.get("beta"));
                assertEquals(beta * weight, Double.parseDouble(r.get("beta_per_allele")), 1e-9 * Math.abs(beta * weight));
            } else {
                assertEquals("NA", r.get("beta_per_allele"));
            }
        }
        // unweighted burden: beta is already per allele
        for (Map<String, String> r : table(dir.resolve("unweighted.tsv"))) {
            if (!r.get("test").equals("burden")) continue;
            assertEquals(r.get("beta"), r.get("beta_per_allele"), r.get("gene"));
        }
    }

    @Test
    void rankInverseNormalTransformIsAppliedToTheAnalysedQuantitativeTrait() throws IOException {
        CliRun cli = assoc("rint.tsv", "--tests", "burden", "--max-maf", "0.5", "--min-mac", "0", "--qt-transform", "rint");
        assertTrue(cli.err().contains("trait QT: rank-based inverse normal transform"), cli.err());
        assertFalse(cli.err().contains("trait BT: rank"), "binary traits are not transformed");
        // the same as testing a phenotype file holding the transformed QT
        List<String> pheno = Files.readAllLines(golden.resolve("pheno.tsv"));
        double[] qt = new double[pheno.size() - 1];
        for (int i = 0; i < qt.length; i++) qt[i] = Double.parseDouble(pheno.get(i + 1).split("\t")[1]);
        double[] z = QtTransform.rint(qt);
        StringBuilder sb = new StringBuilder("sample\tQT\n");
        for (int i = 0; i < qt.length; i++) sb.append(pheno.get(i + 1).split("\t")[0]).append('\t').append(String.format(Locale.ROOT, "%.17g", z[i])).append('\n');
        Path transformed = Files.writeString(dir.resolve("pheno_rint.tsv"), sb.toString());
        CliRun plain = CliRun.run("assoc", "--vcf", golden.resolve("cohort.vcf.gz").toString(),
                "--annotations", golden.resolve("annotations.tsv").toString(), "--pheno", transformed.toString(),
                "--covar", golden.resolve("covar.tsv").toString(), "--tests", "burden", "--max-maf", "0.5", "--min-mac", "0",
                "--out", dir.resolve("pre.tsv").toString());
        assertEquals(0, plain.exit(), plain.err());
        Map<String, String> pre = new HashMap<>();
        for (Map<String, String> r : table(dir.resolve("pre.tsv"))) pre.put(r.get("gene") + r.get("test"), r.get("neg_log10p"));
        int compared = 0;
        for (Map<String, String> r : table(dir.resolve("rint.tsv"))) {
            if (!r.get("phenotype").equals("QT")) continue;
            assertEquals(Double.parseDouble(pre.get(r.get("gene") + r.get("test"))), Double.parseDouble(r.get("neg_log10p")), 1e-9, r.get("gene"));
            compared++;
        }
        assertEquals(60, compared);
    }

    @Test
    void badValuesAreInputErrors() {
        CliRun a = CliRun.run("assoc", "--vcf", golden.resolve("cohort.vcf.gz").toString(), "--annotations",
                golden.resolve("annotations.tsv").toString(), "--pheno", golden.resolve("pheno.tsv").toString(),
                "--qt-transform", "log", "--out", dir.resolve("bad.tsv").toString());
        assertEquals(2, a.exit());
        assertTrue(a.err().contains("--qt-transform"), a.err());
        CliRun b = CliRun.run("assoc", "--vcf", golden.resolve("cohort.vcf.gz").toString(), "--annotations",
                golden.resolve("annotations.tsv").toString(), "--pheno", golden.resolve("pheno.tsv").toString(),
                "--min-mac", "-1", "--out", dir.resolve("bad.tsv").toString());
        assertEquals(2, b.exit());
        assertTrue(b.err().contains("--min-mac -1"), b.err());
    }
}
