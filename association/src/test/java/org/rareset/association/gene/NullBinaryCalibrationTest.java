package org.rareset.association.gene;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.rareset.association.genotype.GeneGenotypes;
import org.rareset.association.nullmodel.NullModel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A small version of bench/calibration.sh: replicate null binary traits at 3% prevalence
 * (covariate-driven liability thresholds, independent of the genotypes) on rare-variant genes with
 * the allele-count spectrum of {@code rareset simulate} (about half singletons), variants below MAC 10
 * collapsed as by default. The number of p-values below 1e-2 per test must stay below the 99.9%
 * binomial quantile at 1.25x nominal with the defaults, and the plain score tests must exceed it
 * (the check can fail: it catches the known inflation of score tests at low prevalence).
 */
@Tag("slow")
class NullBinaryCalibrationTest {
    private static final int N = 2000;
    private static final int GENES = 120;
    private static final int TRAITS = 25;
    private static final double PREVALENCE = 0.03;
    private static final double ALPHA = 1e-2;

    private record Gene(GeneGenotypes g, double[] w) {}

    private static List<Gene> genes(Random r) {
        List<Gene> out = new ArrayList<>();
        for (int k = 0; k < GENES; k++) {
            int m = 3 + r.nextInt(28);
            List<GeneGenotypes.Column> common = new ArrayList<>();
            TreeMap<Integer, Double> collapsed = new TreeMap<>();
            for (int j = 0; j < m; j++) {
                // MAC: Pareto-like, about half singletons, capped at 1% MAF
                int mac = Math.min((int) Math.floor(1 / Math.pow(1 - r.nextDouble(), 1.3)), 40);
                int[] s = r.ints(0, N).distinct().limit(mac).sorted().toArray();
                double[] d = new double[mac];
                Arrays.fill(d, 1.0);
                if (mac < 10) {
                    for (int i : s) collapsed.put(i, 1.0);
                } else {
                    common.add(new GeneGenotypes.Column("v" + j, s, d, mac / (2.0 * N), mac, mac, 0));
                }
            }
            if (!collapsed.isEmpty()) {
                int[] s = collapsed.keySet().stream().mapToInt(Integer::intValue).toArray();
                double[] d = new double[s.length];
                Arrays.fill(d, 1.0);
                common.add(new GeneGenotypes.Column("collapsed", s, d, s.length / (2.0 * N), s.length, s.length, 0));
            }
            double[] w = new double[common.size()];
            for (int j = 0; j < w.length; j++) w[j] = 25 * Math.pow(1 - common.get(j).maf(), 24); // Beta(1, 25) density
            out.add(new Gene(GeneGenotypes.of(N, common), w));
        }
        return out;
    }

    /** Counts of p < ALPHA per test over every trait x gene. */
    private static Map<String, Integer> hits(TestOptions options, List<Gene> genes, double[][] x, List<double[]> traits) {
        List<GeneTest> tests = List.of(Burden.INSTANCE, Skat.INSTANCE, SkatO.INSTANCE, AcatV.INSTANCE);
        Map<String, Integer> count = new LinkedHashMap<>();
        for (GeneTest t : tests) count.put(t.name(), 0);
        for (double[] y : traits) {
            NullModel model = NullModel.logistic(y, x);
            for (Gene g : genes) {
                GeneScores scores = GeneScores.compute(model, g.g(), g.w(), options);
                for (GeneTest t : tests) {
                    if (scores.result(t).log10P() < Math.log10(ALPHA)) count.merge(t.name(), 1, Integer::sum);
                }
            }
        }
        return count;
    }

    @Test
    void defaultsStayNearNominalWherePlainScoreTestsDoNot() {
        Random r = new Random(2024);
        double[][] x = new double[N][3];
        double[] cov = new double[N];
        for (int i = 0; i < N; i++) {
            x[i][0] = 1;
            x[i][1] = r.nextGaussian();
            x[i][2] = r.nextInt(2);
            cov[i] = 0.5 * x[i][1] + 0.3 * x[i][2];
        }
        List<double[]> traits = new ArrayList<>();
        int cases = (int) Math.round(PREVALENCE * N);
        for (int t = 0; t < TRAITS; t++) {
            double[] liability = new double[N];
            for (int i = 0; i < N; i++) liability[i] = cov[i] + r.nextGaussian();
            double[] sorted = liability.clone();
            Arrays.sort(sorted);
            double cut = sorted[N - cases];
            double[] y = new double[N];
            for (int i = 0; i < N; i++) y[i] = liability[i] >= cut ? 1 : 0;
            traits.add(y);
        }
        List<Gene> genes = genes(r);
        int tests = GENES * TRAITS;
        int limit = new BinomialDistribution(tests, 1.25 * ALPHA).inverseCumulativeProbability(0.999);
        Map<String, Integer> byDefault = hits(TestOptions.defaults(), genes, x, traits);
        Map<String, Integer> plain = hits(TestOptions.plainScore(), genes, x, traits);
        System.out.printf("null binary traits, %d tests per test at 3%% prevalence, p < 1e-2 (expected %.0f, limit %d): default %s, plain %s%n",
                tests, tests * ALPHA, limit, byDefault, plain);
        byDefault.forEach((test, k) -> assertTrue(k <= limit, test + ": " + k + " of " + tests + " below 1e-2 (limit " + limit + ")"));
        assertTrue(plain.get("skat") > limit, "plain SKAT should be inflated here: " + plain);
    }
}
