package org.rareset.deepset.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.rareset.deepset.model.AnnotationScaling;
import org.rareset.deepset.score.GeneRows;
import org.rareset.deepset.score.GeneScoringEngine;

/**
 * Quality on a simulated cohort whose trait depends on causal genes through annotation-weighted
 * variant effects ({@link SyntheticCohort}): trained scores find at least as many causal genes at
 * Bonferroni 0.05 as the best weighted burden test on pLoF, missense or pLoF+missense masks, find
 * causal genes that were not seed genes, and a null trait trained alongside stays calibrated
 * (genomic inflation of its score tests over the non-seed genes within 0.9-1.1).
 */
@Tag("slow")
class DiscoveryQualityTest {
    static final int N_GENES = 2000;
    static final int[] CAUSAL = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    static final int[] QT_SEEDS = {0, 1, 2, 3, 4};
    static final int[] NULL_SEEDS = {100, 101, 102};

    @Test
    void trainedScoresBeatBurdenAndStayCalibrated() {
        long t0 = System.nanoTime();
        SyntheticCohort c = new SyntheticCohort(4000, N_GENES, 20, CAUSAL, 0.8, 2024);
        TrainingData data = trainingData(c);
        TrainingOptions opt = TrainingOptions.defaults().withRepeats(2).withEpochs(3, 25).withBatchSize(256)
                .withLearningRate(5e-3).withSeed(3);
        var outcome = new EnsembleTrainer(opt).train(data,
                new EnsembleTrainer.Provenance("all", List.of("is_plof"), "test"), line -> {
                    if (!line.contains(" epoch ")) System.out.println(line);
                });
        System.out.printf("trained in %.1f s%n", (System.nanoTime() - t0) / 1e9);

        GeneScoringEngine engine = new GeneScoringEngine(outcome.ensemble());
        double[] qt = TraitTransforms.inverseNormal(c.qt);
        double[] nul = TraitTransforms.inverseNormal(c.nullTrait);
        LinearScoreTest qtTest = new LinearScoreTest(qt, c.age);
        LinearScoreTest nullTest = new LinearScoreTest(nul, c.age);
        double alpha = 0.05 / N_GENES;
        int trained = 0;
        int trainedNonSeed = 0;
        int[] burden = new int[3];
        int falseTrained = 0;
        List<Double> nullChi2 = new ArrayList<>();
        double[] score = new double[c.nSamples];
        List<GeneRows> genes = EnsembleFilesTest.genes(c);
        for (int g = 0; g < N_GENES; g++) {
            engine.score(genes.get(g)).fill(score, c.nSamples);
            boolean causal = g < CAUSAL.length;
            double p = qtTest.pValue(score);
            if (p < alpha) {
                if (causal) {
                    trained++;
                    if (g >= QT_SEEDS.length) trainedNonSeed++;
                } else {
                    falseTrained++;
                }
            }
            if (causal) {
                for (int m = 0; m < 3; m++) if (qtTest.pValue(burden(c, g, m)) < alpha) burden[m]++;
                System.out.printf("gene %d: trained p %.3g, burden p %.3g / %.3g / %.3g%n", g, p,
                        qtTest.pValue(burden(c, g, 0)), qtTest.pValue(burden(c, g, 1)), qtTest.pValue(burden(c, g, 2)));
            }
            final int gene = g;
            if (Arrays.stream(NULL_SEEDS).noneMatch(s -> s == gene)) nullChi2.add(nullTest.chi2(score));
        }
        double lambda = median(nullChi2) / new ChiSquaredDistribution(1).inverseCumulativeProbability(0.5);
        int bestBurden = Arrays.stream(burden).max().getAsInt();
        System.out.printf("causal genes found: trained %d (%d not seed genes), burden pLoF/missense/both %s; "
                + "false positives %d; null lambda %.3f; total %.1f s%n", trained, trainedNonSeed,
                Arrays.toString(burden), falseTrained, lambda, (System.nanoTime() - t0) / 1e9);
        assertTrue(trained >= bestBurden, "trained scores find " + trained + " causal genes, burden " + bestBurden);
        assertTrue(trainedNonSeed >= 2, "causal genes beyond the seeds found: " + trainedNonSeed);
        assertTrue(falseTrained <= 1, "false positives " + falseTrained);
        assertTrue(lambda > 0.9 && lambda < 1.1, "null trait inflation " + lambda);
    }

    /** QT and NULL trained together, each with its seed genes. */
    static TrainingData trainingData(SyntheticCohort c) {
        List<String> seedNames = new ArrayList<>();
        int[] all = new int[QT_SEEDS.length + NULL_SEEDS.length];
        int k = 0;
        for (int g : QT_SEEDS) all[k++] = g;
        for (int g : NULL_SEEDS) all[k++] = g;
        for (int g : all) seedNames.add(c.genes.get(g));
        AnnotationScaling.Accumulator acc = new AnnotationScaling.Accumulator(4);
        for (int g : all) for (double[] r : c.rows.get(g)) acc.add(r);
        TrainingData.Builder b = new TrainingData.Builder(SyntheticCohort.ANNOTATIONS, acc.scaling(), new int[] {0},
                seedNames, c.samples);
        for (int slot = 0; slot < all.length; slot++) {
            int g = all[slot];
            for (int v = 0; v < c.rows.get(g).size(); v++) b.addRow(slot, c.rows.get(g).get(v), c.carriers.get(g).get(v));
        }
        double[] age = TraitTransforms.standardise(c.age);
        float[] cov = new float[c.nSamples];
        for (int s = 0; s < c.nSamples; s++) cov[s] = (float) age[s];
        b.covariates(List.of("age"), cov);
        b.trait(new TrainingData.Trait("QT", false, toFloat(TraitTransforms.inverseNormal(c.qt)), new int[] {0, 1, 2, 3, 4}));
        b.trait(new TrainingData.Trait("NULL", false, toFloat(TraitTransforms.inverseNormal(c.nullTrait)),
                new int[] {5, 6, 7}));
        return b.build();
    }

    /** Weighted burden, weights Beta(MAF; 1, 25) density; mask 0 pLoF, 1 missense, 2 both. */
    static double[] burden(SyntheticCohort c, int g, int mask) {
        BetaDistribution beta = new BetaDistribution(1, 25);
        double[] x = new double[c.nSamples];
        for (int v = 0; v < c.rows.get(g).size(); v++) {
            double[] row = c.rows.get(g).get(v);
            boolean in = mask == 0 ? row[0] == 1 : mask == 1 ? row[1] == 1 : row[0] == 1 || row[1] == 1;
            if (!in) continue;
            int[] carriers = c.carriers.get(g).get(v);
            double maf = carriers.length / (2.0 * c.nSamples);
            double w = beta.density(maf);
            for (int s : carriers) x[s] += w;
        }
        return x;
    }

    static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) f[i] = (float) d[i];
        return f;
    }

    static double median(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    /**
     * Score test of a per-sample gene score in the linear model y ~ 1 + covariate: with residuals
     * r of y and e of the score after regressing both on [1, covariate],
     * {@code chi2 = (e'r)^2 / (sigma^2 e'e)}, {@code sigma^2 = r'r / (n - 2)}, chi2 on 1 df.
     */
    static final class LinearScoreTest {
        private final double[] r;
        private final double[] cov;
        private final double sigma2;

        LinearScoreTest(double[] y, double[] covariate) {
            this.cov = covariate;
            this.r = residualise(y, covariate);
            double rr = 0;
            for (double v : r) rr += v * v;
            sigma2 = rr / (y.length - 2);
        }

        double chi2(double[] x) {
            double[] e = residualise(x, cov);
            double er = 0;
            double ee = 0;
            for (int i = 0; i < e.length; i++) {
                er += e[i] * r[i];
                ee += e[i] * e[i];
            }
            return ee <= 1e-12 ? 0 : er * er / (sigma2 * ee);
        }

        double pValue(double[] x) {
            double chi2 = chi2(x);
            // Upper tail directly (erfc), accurate far below 1e-16.
            return org.apache.commons.math3.special.Erf.erfc(Math.sqrt(chi2 / 2));
        }

        private static double[] residualise(double[] y, double[] z) {
            int n = y.length;
            double my = 0, mz = 0;
            for (int i = 0; i < n; i++) {
                my += y[i] / n;
                mz += z[i] / n;
            }
            double szz = 0, szy = 0;
            for (int i = 0; i < n; i++) {
                szz += (z[i] - mz) * (z[i] - mz);
                szy += (z[i] - mz) * (y[i] - my);
            }
            double b = szz > 0 ? szy / szz : 0;
            double[] out = new double[n];
            for (int i = 0; i < n; i++) out[i] = y[i] - my - b * (z[i] - mz);
            return out;
        }
    }
}
