package org.rareset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;

/**
 * The whole deep-set route on the bundled simulated cohort (testdata/demo, made by rareset
 * simulate, causal genes in truth.tsv): seed-genes, train, score, assoc --scores. The trained
 * scores must find at least as many causal QT genes at Bonferroni 0.05 as the best of burden and
 * SKAT on pLoF and missense masks (MAF below 1% or 0.1%, Bonferroni over all their tests), and the
 * null trait trained alongside must stay calibrated (loosely: 200 genes only).
 */
@Tag("slow")
class TrainedScoresDemoTest {

    @Test
    void trainedScoresFindCausalGenesAndNullStaysCalibrated(@TempDir Path tmp) throws IOException {
        Path demo = Path.of(System.getProperty("rareset.testdata", "testdata"), "demo");
        assertTrue(Files.exists(demo.resolve("truth.tsv")), demo + " ships with the repository but is missing");
        String vcf = demo.resolve("cohort.vcf.gz").toString();
        String ann = demo.resolve("annotations.tsv").toString();
        String pheno = demo.resolve("pheno.tsv").toString();
        String covar = demo.resolve("covar.tsv").toString();
        Set<String> causal = new TreeSet<>();
        for (String line : Files.readAllLines(demo.resolve("truth.tsv"))) {
            String[] f = line.split("\t");
            if (f[0].equals("QT")) causal.add(f[1]);
        }
        assertEquals(5, causal.size());

        Path seeds = tmp.resolve("seed.tsv");
        run("seed-genes", "--vcf", vcf, "--annotations", ann, "--pheno", pheno, "--covar", covar,
                "--phenotypes", "QT,NULL_QT", "--min-eac", "1", "--out", seeds.toString()); // as the demo's study.yaml
        Path model = tmp.resolve("model");
        run("train", "--vcf", vcf, "--annotations", ann, "--pheno", pheno, "--covar", covar,
                "--seed-genes", seeds.toString(), "--phenotypes", "QT,NULL_QT",
                "--annotations-list", "is_plof,CADD_PHRED,alphamissense,SpliceAI_delta_score,MAF_MB,"
                        + "Consequence_missense_variant,polyphen_score,sift_score",
                "--train-filter", "MAF < 0.01", "--repeats", "2", "--min-epochs", "1", "--max-epochs", "30", "--batch-size", "256",
                "--seed", "2026", "--out", model.toString());
        Path scores = tmp.resolve("scores.parquet");
        run("score", "--model", model.toString(), "--vcf", vcf, "--annotations", ann, "--out", scores.toString());
        Path scoreResults = tmp.resolve("score_results.tsv");
        run("assoc", "--scores", scores.toString(), "--pheno", pheno, "--covar", covar,
                "--phenotypes", "QT,NULL_QT", "--out", scoreResults.toString());
        Path masks = tmp.resolve("masks.txt");
        Files.write(masks, List.of("plof: is_plof == 1", "missense: Consequence_missense_variant == 1"));
        Path maskResults = tmp.resolve("mask_results.tsv");
        run("assoc", "--vcf", vcf, "--annotations", ann, "--pheno", pheno, "--covar", covar, "--phenotypes", "QT",
                "--masks", masks.toString(), "--max-maf", "0.01,0.001", "--tests", "burden,skat",
                "--out", maskResults.toString());

        Set<String> trained = significantCausal(scoreResults, "QT", causal);
        Set<String> baseline = significantCausal(maskResults, "QT", causal);
        List<Double> nullP = pValues(scoreResults, "NULL_QT");
        double lambda = lambda(nullP);
        System.out.printf("causal QT genes found: trained scores %s, best of burden/SKAT masks %s; NULL_QT lambda %.3f%n",
                trained, baseline, lambda);
        assertTrue(trained.size() >= baseline.size(), "trained " + trained + " vs masks " + baseline);
        assertTrue(trained.size() >= 2, "trained scores find causal genes: " + trained);
        assertEquals(200, nullP.size());
        // The median of 200 null chi-squares has a standard error of about 0.16 in lambda; the
        // 0.9-1.1 band is checked on 2,000 genes in DiscoveryQualityTest.
        assertTrue(lambda > 0.75 && lambda < 1.25, "NULL_QT inflation " + lambda);
    }

    /** Causal genes with p below 0.05 / (the trait's number of tests in the file). */
    static Set<String> significantCausal(Path results, String trait, Set<String> causal) throws IOException {
        List<String> lines = Files.readAllLines(results);
        List<String> header = Arrays.asList(lines.get(0).split("\t"));
        int ph = header.indexOf("phenotype");
        int gene = header.indexOf("gene");
        int p = header.indexOf("pval");
        List<String[]> rows = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split("\t");
            if (f[ph].equals(trait) && !f[p].equals("NA")) rows.add(f);
        }
        double alpha = 0.05 / rows.size();
        Set<String> found = new TreeSet<>();
        for (String[] f : rows) if (Double.parseDouble(f[p]) < alpha && causal.contains(f[gene])) found.add(f[gene]);
        return found;
    }

    static List<Double> pValues(Path results, String trait) throws IOException {
        List<String> lines = Files.readAllLines(results);
        List<String> header = Arrays.asList(lines.get(0).split("\t"));
        int ph = header.indexOf("phenotype");
        int p = header.indexOf("pval");
        List<Double> out = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split("\t");
            if (f[ph].equals(trait) && !f[p].equals("NA")) out.add(Double.parseDouble(f[p]));
        }
        return out;
    }

    /** Genomic inflation: median chi-square (1 df) over its expected value. */
    static double lambda(List<Double> p) {
        double[] sorted = p.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        double medianP = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        ChiSquaredDistribution chi2 = new ChiSquaredDistribution(1);
        return chi2.inverseCumulativeProbability(1 - medianP) / chi2.inverseCumulativeProbability(0.5);
    }

    static void run(String... args) {
        CliRun r = CliRun.run(args);
        assertEquals(0, r.exit(), String.join(" ", args) + "\n" + r.err());
    }
}
