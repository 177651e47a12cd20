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
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.genotypes.vcf.Variant;
import org.rareset.genotypes.vcf.VcfVariantSource;

/**
 * {@code rareset assoc --scores} and {@code --pred} on the golden association cohort, against
 * independent references: a gene score equal to the alt-allele count of GENE04's single variant
 * (shifted by a constant) must reproduce the oracle's burden p-value for GENE04 (one variant:
 * burden = single-variant score test, and an intercept absorbs the shift); and LOCO offsets o for
 * a quantitative trait must give exactly the results of analysing y - o without offsets.
 */
class AssocScoresAndPredTest {
    @TempDir static Path dir;
    static Path golden;

    @BeforeAll
    static void locate() {
        AssocGoldenTest.locate();
        golden = AssocGoldenTest.golden;
    }

    static int run(String... args) {
        CliRun r = CliRun.run(args);
        assertEquals(0, r.exit(), r.err());
        return r.exit();
    }

    static Map<String, Double> log10p(Path results) throws IOException {
        Map<String, Double> m = new HashMap<>();
        List<String> lines = Files.readAllLines(results);
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split("\t");
            m.put(f[0] + " " + f[1] + " " + f[AssocGoldenTest.MASK_COL] + " " + f[AssocGoldenTest.TEST],
                    -Double.parseDouble(f[AssocGoldenTest.NEG_LOG10P]));
        }
        return m;
    }

    static double oracleLog10(String phenotype, String gene, String test) throws IOException {
        for (String l : Files.readAllLines(golden.resolve("oracle.tsv"))) {
            String[] f = l.split("\t");
            if (f[0].equals(phenotype) && f[1].equals(gene) && f[2].equals(test)) return Math.log10(Double.parseDouble(f[5]));
        }
        throw new AssertionError("no oracle row " + phenotype + " " + gene + " " + test);
    }

    @Test
    void scoreOfSingleVariantGeneReproducesBurden() throws IOException {
        List<String> samples;
        double[] dosage;
        try (VcfVariantSource src = VcfVariantSource.open(golden.resolve("cohort.vcf.gz"))) {
            samples = src.samples();
            dosage = null;
            for (Variant v : src) {
                if (v.pos() == gene04Position()) dosage = v.altDosages(samples.size(), null);
            }
        }
        assertTrue(dosage != null, "GENE04 variant found");
        StringBuilder sb = new StringBuilder("sample\tgene\tscore\n");
        Random rnd = new Random(5);
        for (int s = 0; s < samples.size(); s++) {
            sb.append(samples.get(s)).append("\tGENE04\t").append(0.25 + 0.5 * dosage[s]).append('\n');
            // a second gene with a random score, to have a family of two per trait
            sb.append(samples.get(s)).append("\tRANDOM\t").append(String.format(Locale.ROOT, "%.5f", rnd.nextDouble())).append('\n');
        }
        Path scores = Files.writeString(dir.resolve("scores.tsv"), sb.toString());
        Path out = dir.resolve("score_results.tsv");
        run("assoc", "--scores", scores.toString(), "--pheno", golden.resolve("pheno.tsv").toString(), "--covar",
                golden.resolve("covar.tsv").toString(), "--phenotypes", "QT,BT", "--firth-threshold", "0", "--no-spa",
                "--out", out.toString());
        Map<String, Double> r = log10p(out);
        for (String trait : new String[] {"QT", "BT"}) {
            double expected = oracleLog10(trait, "GENE04", "burden");
            double got = r.get(trait + " GENE04 score score");
            assertEquals(expected, got, 1e-6 * Math.max(1, Math.abs(expected)), trait);
        }
        assertTrue(r.containsKey("QT RANDOM score score"));
        assertTrue(Files.readString(dir.resolve("score_results.summary.tsv")).contains("QT\tscore\tgenes\t2\t"));
    }

    private static int gene04Position() throws IOException {
        for (String l : Files.readAllLines(golden.resolve("annotations.tsv"))) {
            String[] f = l.split("\t");
            if (f[4].equals("GENE04")) return Integer.parseInt(f[1]);
        }
        throw new AssertionError("GENE04 not annotated");
    }

    @Test
    void locoOffsetsEqualAdjustedTrait() throws IOException {
        List<String> lines = Files.readAllLines(golden.resolve("pheno.tsv"));
        Random rnd = new Random(11);
        StringBuilder header = new StringBuilder("FID_IID");
        StringBuilder chr1 = new StringBuilder("1");
        StringBuilder adjusted = new StringBuilder("sample\tQT\n");
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split("\t");
            double o = Math.round(rnd.nextGaussian() * 1e4) / 1e5;
            header.append(' ').append(f[0]).append('_').append(f[0]);
            chr1.append(' ').append(o);
            adjusted.append(f[0]).append('\t').append(Double.parseDouble(f[1]) - o).append('\n');
        }
        Files.writeString(dir.resolve("step1_1.loco"), header + "\n" + chr1 + "\n");
        Path list = Files.writeString(dir.resolve("step1_pred.list"), "QT step1_1.loco\n");
        Path pheno2 = Files.writeString(dir.resolve("pheno_adjusted.tsv"), adjusted.toString());
        List<String> common = List.of("--vcf", golden.resolve("cohort.vcf.gz").toString(), "--annotations",
                golden.resolve("annotations.tsv").toString(), "--covar", golden.resolve("covar.tsv").toString(),
                "--phenotypes", "QT", "--tests", "burden,skat,acatv", "--collapse-mac", "0", "--max-maf", "0.5", "--min-mac", "0");
        List<String> a = new ArrayList<>(List.of("assoc", "--pheno", golden.resolve("pheno.tsv").toString(), "--pred", list.toString(),
                "--out", dir.resolve("pred.tsv").toString()));
        a.addAll(common);
        run(a.toArray(new String[0]));
        List<String> b = new ArrayList<>(List.of("assoc", "--pheno", pheno2.toString(), "--out", dir.resolve("adjusted.tsv").toString()));
        b.addAll(common);
        run(b.toArray(new String[0]));
        Map<String, Double> withPred = log10p(dir.resolve("pred.tsv"));
        Map<String, Double> adj = log10p(dir.resolve("adjusted.tsv"));
        assertEquals(90 + 30, withPred.size(), "30 genes x 3 tests and one GENE_P row per gene");
        assertEquals(adj.keySet(), withPred.keySet());
        for (String k : adj.keySet()) assertEquals(adj.get(k), withPred.get(k), 1e-9 * Math.max(1, Math.abs(adj.get(k))), k);
        // and the offsets matter: these differ from the unadjusted analysis
        assertTrue(Math.abs(withPred.get("QT GENE17 all.0.5 skat") - oracleLog10("QT", "GENE17", "skat")) > 1e-3);
    }
}
