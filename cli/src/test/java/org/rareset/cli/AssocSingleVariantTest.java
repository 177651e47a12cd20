package org.rareset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rareset assoc --single-variant} on the golden association cohort: GENE04 has one variant,
 * so its single-variant score test is the gene's burden test, whose reference p-values (R SKAT 2.2.5
 * / REGENIE 4.1.2, plain score test) are in {@code oracle.tsv}.
 */
class AssocSingleVariantTest {
    static final String HEADER = "phenotype\tgene\tmask\tvariant_id\tchrom\tpos\tref\talt\tmac\tn_carriers\tbeta\tse\tpval\tneg_log10p";
    @TempDir static Path dir;
    static Path golden;

    @BeforeAll
    static void locate() {
        AssocGoldenTest.locate();
        golden = AssocGoldenTest.golden;
    }

    static void run(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("assoc", "--vcf", golden.resolve("cohort.vcf.gz").toString(),
                "--annotations", golden.resolve("annotations.tsv").toString(), "--pheno", golden.resolve("pheno.tsv").toString(),
                "--covar", golden.resolve("covar.tsv").toString(), "--collapse-mac", "0",
                "--out", out.toString(), "--threads", "2", "--quiet"));
        args.addAll(List.of(AssocGoldenTest.REFERENCE_DEFINITIONS));
        args.addAll(List.of(extra));
        CliRun cli = CliRun.run(args.toArray(new String[0]));
        assertEquals(0, cli.exit(), cli.err());
    }

    /** Rows of a TSV keyed by the first columns joined with tabs. */
    static Map<String, String[]> rows(Path file, int keyColumns) throws IOException {
        Map<String, String[]> out = new HashMap<>();
        List<String> lines = Files.readAllLines(file);
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split("\t", -1);
            out.put(String.join("\t", java.util.Arrays.copyOf(f, keyColumns)), f);
        }
        assertEquals(lines.size() - 1, out.size(), "unique keys in " + file);
        return out;
    }

    /** Gene results of one test keyed by phenotype and gene (the GENE_P rows left out). */
    static Map<String, String[]> geneRows(Path file, String test) throws IOException {
        Map<String, String[]> out = new HashMap<>();
        List<String> lines = Files.readAllLines(file);
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split("\t", -1);
            if (f[AssocGoldenTest.TEST].equals(test)) out.put(f[0] + "\t" + f[1], f);
        }
        return out;
    }

    static double oracleP(String phenotype, String gene) throws IOException {
        for (String l : Files.readAllLines(golden.resolve("oracle.tsv"))) {
            String[] f = l.split("\t");
            if (f[0].equals(phenotype) && f[1].equals(gene) && f[2].equals("burden")) return Double.parseDouble(f[5]);
        }
        throw new AssertionError("no oracle burden row " + phenotype + " " + gene);
    }

    @Test
    void oneVariantGeneMatchesTheReferenceBurdenAndEveryVariantGetsARow() throws IOException {
        Path out = dir.resolve("plain.tsv");
        run(out, "--phenotypes", "QT,BT", "--tests", "burden", "--single-variant", "--firth-threshold", "0", "--no-spa");
        Path single = dir.resolve("plain.single.tsv");
        assertEquals(HEADER, Files.readAllLines(single).get(0));
        Map<String, String[]> genes = geneRows(out, "burden");
        Map<String, String[]> variants = rows(single, 4);

        // one row per analysed variant of each gene, with the gene's MAC split over them
        Map<String, Integer> perGene = new HashMap<>();
        Map<String, Double> macPerGene = new HashMap<>();
        for (String[] v : variants.values()) {
            String key = v[0] + "\t" + v[1];
            perGene.merge(key, 1, Integer::sum);
            macPerGene.merge(key, Double.parseDouble(v[8]), Double::sum);
            assertEquals(v[4] + ":" + v[5] + ":" + v[6] + ":" + v[7], v[3], "variant_id is chrom:pos:ref:alt");
            assertEquals(-Double.parseDouble(v[13]), Math.log10(Double.parseDouble(v[12])), 1e-5, "pval vs neg_log10p " + v[3]);
        }
        assertEquals(genes.size(), perGene.size());
        for (String[] g : genes.values()) {
            String key = g[0] + "\t" + g[1];
            assertEquals(Integer.parseInt(g[AssocGoldenTest.N_VARIANTS]), perGene.get(key), "variants of " + key);
            assertEquals(Double.parseDouble(g[AssocGoldenTest.MAC]), macPerGene.get(key), 1e-9, "mac of " + key);
        }

        for (String trait : new String[] {"QT", "BT"}) {
            List<String[]> gene04 = variants.values().stream().filter(v -> v[0].equals(trait) && v[1].equals("GENE04")).toList();
            assertEquals(1, gene04.size());
            String[] v = gene04.get(0);
            double ref = oracleP(trait, "GENE04");
            double p = Math.pow(10, -Double.parseDouble(v[13]));
            System.out.printf(java.util.Locale.ROOT, "assoc single-variant %s GENE04: p %.10g vs reference burden %.10g (rel. diff %.2e)%n",
                    trait, p, ref, Math.abs(p / ref - 1));
            assertEquals(ref, p, 1e-6 * ref, trait + " GENE04 single-variant p vs reference burden p");
            String[] burden = genes.get(trait + "\tGENE04");
            assertEquals(Double.parseDouble(burden[AssocGoldenTest.NEG_LOG10P]), Double.parseDouble(v[13]), 1e-9, trait + " same run's burden");
            assertEquals(burden[AssocGoldenTest.HEADER.indexOf("n_carriers")], v[9], "n_carriers");
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains(".tmp")), "no temporary files left");
        }
    }

    @Test
    void parquetResultsGetAParquetCompanion() throws IOException {
        Path out = dir.resolve("spa.parquet");
        run(out, "--phenotypes", "QT,BT", "--tests", "burden,acatv", "--single-variant");
        Path single = dir.resolve("spa.single.parquet");
        int n = 0;
        try (org.rareset.core.table.TableReader r = org.rareset.core.table.TableReaders.open(single)) {
            assertEquals(List.of(HEADER.split("\t")), r.columns());
            for (org.rareset.core.table.Row row : r) {
                n++;
                assertTrue(row.getDouble(13) >= 0, "neg_log10p");
                assertEquals(Math.pow(10, -row.getDouble(13)), row.getDouble(12), 1e-12);
            }
        }
        assertTrue(n > 60, n + " single-variant rows");
        // one variant, default options (SPA; p above the Firth threshold): burden = ACAT-V = single-variant test
        try (org.rareset.core.table.TableReader r = org.rareset.core.table.TableReaders.open(out)) {
            for (org.rareset.core.table.Row row : r) {
                if (!row.getString(1).equals("GENE04") || row.getString(AssocGoldenTest.MASK_COL).equals("GENE_P")) continue;
                String trait = row.getString(0);
                try (org.rareset.core.table.TableReader s = org.rareset.core.table.TableReaders.open(single)) {
                    for (org.rareset.core.table.Row v : s) {
                        if (v.getString(0).equals(trait) && v.getString(1).equals("GENE04")) {
                            assertEquals(row.getDouble(AssocGoldenTest.NEG_LOG10P), v.getDouble(13), 1e-9,
                                    trait + " " + row.getString(AssocGoldenTest.TEST));
                        }
                    }
                }
            }
        }
    }

    @Test
    void offByDefault() throws IOException {
        run(dir.resolve("nosingle.tsv"), "--tests", "burden", "--phenotypes", "QT");
        assertTrue(Files.exists(dir.resolve("nosingle.tsv")));
        assertFalse(Files.exists(dir.resolve("nosingle.single.tsv")), "no single-variant file without --single-variant");
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith("nosingle.single")));
        }
    }

    @Test
    void refusedWithGeneScores() {
        CliRun cli = CliRun.run("assoc", "--scores", dir.resolve("scores.tsv").toString(), "--pheno",
                golden.resolve("pheno.tsv").toString(), "--single-variant", "--out", dir.resolve("x.tsv").toString());
        assertEquals(2, cli.exit(), cli.err());
        assertTrue(cli.err().contains("--single-variant"), cli.err());
        assertFalse(Files.exists(dir.resolve("x.single.tsv")));
    }
}
