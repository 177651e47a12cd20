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
        // AUC replicates by counting draws per rank of the held-out predictions: O(n), no sort per replicate
        RankedAuc rb = binary ? RankedAuc.of(baseline) : null;
        RankedAuc rs = binary ? RankedAuc.of(withScores) : null;
        for (int r = 0; r < replicates; r++) {
            if (binary && rb != null && rs != null) {
                rb.clear();
                rs.clear();
                for (int t = 0; t < cases.length; t++) {
                    int i = cases[rnd.nextInt(cases.length)];
                    rb.draw(i, true);
                    rs.draw(i, true);
                }
                for (int t = 0; t < controls.length; t++) {
                    int i = controls[rnd.nextInt(controls.length)];
                    rb.draw(i, false);
                    rs.draw(i, false);
                }
                b[r] = rb.auc();
                s[r] = rs.auc();
                d[r] = s[r] - b[r];
                continue;
            }
            if (binary) { // a NaN prediction: ranks by sorting each replicate
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

    /**
     * {@link Discrimination#auc} of bootstrap draws from fixed predictions, without sorting: the
     * predictions' distinct values (tied as {@code auc} ties them, by ==) are ranked once, and a
     * replicate counts its draws per distinct value. Walking the values in order, a value drawn c
     * times from position s on has the mid-rank s + (c + 1) / 2, and R1 adds it once per case
     * drawn there. Every term is a half-integer below 2^52, so R1 is exact in any order and the AUC
     * is the same double as {@code auc} of the drawn predictions.
     */
    static final class RankedAuc {
        private final int[] group;      // per held-out sample: rank of its distinct value
        private final long[] drawn;     // per distinct value: draws in this replicate
        private final long[] casesDrawn;
        private long cases;
        private long controls;

        private RankedAuc(int[] group, int groups) {
            this.group = group;
            this.drawn = new long[groups];
            this.casesDrawn = new long[groups];
        }

        /** Null when a prediction is NaN (auc's order of NaNs is not a ranking). */
        static RankedAuc of(double[] pred) {
            double[] sorted = pred.clone();
            Arrays.sort(sorted);
            if (sorted.length > 0 && Double.isNaN(sorted[sorted.length - 1])) return null;
            int[] rankOfSorted = new int[sorted.length];
            int g = -1;
            for (int k = 0; k < sorted.length; k++) {
                if (k == 0 || sorted[k] != sorted[k - 1]) g++;
                rankOfSorted[k] = g;
            }
            int[] group = new int[pred.length];
            for (int i = 0; i < pred.length; i++) group[i] = rankOfSorted[Arrays.binarySearch(sorted, pred[i])];
            return new RankedAuc(group, g + 1);
        }

        void clear() {
            Arrays.fill(drawn, 0);
            Arrays.fill(casesDrawn, 0);
            cases = 0;
            controls = 0;
        }

        void draw(int sample, boolean isCase) {
            int g = group[sample];
            drawn[g]++;
            if (isCase) {
                casesDrawn[g]++;
                cases++;
            } else {
                controls++;
            }
        }

        double auc() {
            if (cases == 0 || controls == 0) return Double.NaN;
            double rankSumCases = 0;
            long start = 0;
            for (int g = 0; g < drawn.length; g++) {
                long c = drawn[g];
                if (c == 0) continue;
                if (casesDrawn[g] > 0) rankSumCases += casesDrawn[g] * (start + (c + 1) / 2.0);
                start += c;
            }
            return (rankSumCases - cases * (cases + 1) / 2.0) / ((double) cases * controls);
        }
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
