package org.rareset.association.risk;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap intervals for the held-out performance of two models scored on the same
 * samples (covariates only, and covariates plus gene scores) and for their difference.
 *
 * <p>Each replicate draws held-out samples with replacement and recomputes both metrics on the same
 * draw, so the difference keeps the pairing. For a binary trait cases and controls are drawn
 * separately (a stratified bootstrap, pROC's default for AUC intervals), so every replicate has
 * both. The fitted models are not refitted: the interval is the uncertainty of the evaluation on
 * this held-out set, not of the fitting. Deterministic for a seed.
 */
public final class Bootstrap {
    /** A point estimate with its two-sided 95% percentile interval. */
    public record Interval(double estimate, double low, double high) {}

    /** Baseline, model with scores, and their difference (with scores minus baseline). */
    public record Paired(Interval baseline, Interval withScores, Interval difference) {}

    private Bootstrap() {}

    public static Paired paired(double[] baseline, double[] withScores, double[] y, boolean binary, int replicates, long seed) {
        int n = y.length;
        double[] b = new double[replicates];
        double[] s = new double[replicates];
        double[] d = new double[replicates];
        int[] cases = binary ? indicesWith(y, 1) : null;
        int[] controls = binary ? indicesWith(y, 0) : null;
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] pb = new double[n], ps = new double[n], py = new double[n];
        for (int r = 0; r < replicates; r++) {
            if (binary) {
                int k = 0;
                for (int[] group : new int[][] {cases, controls}) {
                    for (int t = 0; t < group.length; t++) {
                        int i = group[rnd.nextInt(group.length)];
                        pb[k] = baseline[i];
                        ps[k] = withScores[i];
                        py[k++] = y[i];
                    }
                }
            } else {
                for (int k = 0; k < n; k++) {
                    int i = rnd.nextInt(n);
                    pb[k] = baseline[i];
                    ps[k] = withScores[i];
                    py[k] = y[i];
                }
            }
            b[r] = Discrimination.of(pb, py, binary);
            s[r] = Discrimination.of(ps, py, binary);
            d[r] = s[r] - b[r];
        }
        double eb = Discrimination.of(baseline, y, binary);
        double es = Discrimination.of(withScores, y, binary);
        return new Paired(interval(eb, b), interval(es, s), interval(es - eb, d));
    }

    static Interval interval(double estimate, double[] replicates) {
        double[] v = Arrays.stream(replicates).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (v.length == 0) return new Interval(estimate, Double.NaN, Double.NaN);
        return new Interval(estimate, quantile(v, 0.025), quantile(v, 0.975));
    }

    /** Quantile of sorted values by linear interpolation between order statistics (R's type 7). */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static int[] indicesWith(double[] y, double value) {
        return java.util.stream.IntStream.range(0, y.length).filter(i -> y[i] == value).toArray();
    }
}
