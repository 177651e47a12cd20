package org.rareset.deepset.train;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;

/** Preparation of traits and covariates for training. */
public final class TraitTransforms {
    private static final NormalDistribution NORMAL = new NormalDistribution(0, 1);
    /** scikit-learn's {@code BOUNDS_THRESHOLD}: how close to 0 or 1 the quantile transform's probabilities come. */
    static final double BOUNDS_THRESHOLD = 1e-7;

    /** How a quantitative trait is normalised before training. */
    public enum Method {
        /** DeepRVAT's {@code y_transformation: quantile_transform} (see {@link #quantile}). */
        QUANTILE("quantile transform"),
        /** The rank-based inverse normal transform (see {@link #inverseNormal}). */
        INVERSE_NORMAL("rank-based inverse normal");

        private final String label;

        Method(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * A trait's training values: a trait with exactly two distinct observed values is used as it is
     * (DeepRVAT leaves such a "binary" trait untransformed); any other is normalised by
     * {@code method}. NaN stays NaN.
     */
    public static double[] prepare(double[] values, Method method) {
        if (distinctObserved(values, 3) == 2) return values.clone();
        return method == Method.QUANTILE ? quantile(values) : inverseNormal(values);
    }

    /** Number of distinct non-NaN values, counted up to {@code cap}. */
    static int distinctObserved(double[] values, int cap) {
        double[] seen = new double[cap];
        int n = 0;
        for (double v : values) {
            if (Double.isNaN(v)) continue;
            boolean known = false;
            for (int i = 0; i < n; i++) known |= seen[i] == v;
            if (!known) {
                seen[n++] = v;
                if (n == cap) return n;
            }
        }
        return n;
    }

    /**
     * DeepRVAT's quantile transform ({@code deeprvat/utils.py my_quantile_transform}): scikit-learn's
     * {@code quantile_transform(n_quantiles = n, subsample = n, output_distribution = "normal")} over
     * the n observed values. With n quantiles the landmarks are the sorted values, so a value whose tie
     * block occupies sorted positions {@code lo..hi} (0-based) gets {@code p = (lo + hi) / 2 / (n - 1)}
     * (scikit-learn averages the forward and backward interpolations); values within 1e-7 of the
     * minimum get p = 0, within 1e-7 of the maximum p = 1 (the minimum wins when both hold); then
     * {@code z = Phi^-1(p)} clipped to {@code [Phi^-1(1e-7 - eps), Phi^-1(1 - (1e-7 - eps))]}
     * (eps = 2^-52), so the extremes become about -5.2 and +5.2. NaN stays NaN.
     */
    public static double[] quantile(double[] values) {
        int n = 0;
        for (double v : values) if (!Double.isNaN(v)) n++;
        double[] out = new double[values.length];
        Arrays.fill(out, Double.NaN);
        if (n == 0) return out;
        Integer[] order = new Integer[n];
        for (int i = 0, k = 0; i < values.length; i++) if (!Double.isNaN(values[i])) order[k++] = i;
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double min = values[order[0]];
        double max = values[order[n - 1]];
        double eps = Math.ulp(1.0);
        double clipLow = NORMAL.inverseCumulativeProbability(BOUNDS_THRESHOLD - eps);
        double clipHigh = NORMAL.inverseCumulativeProbability(1 - (BOUNDS_THRESHOLD - eps));
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && values[order[j + 1]] == values[order[i]]) j++;
            double x = values[order[i]];
            double p = n == 1 ? 0 : (i + j) / 2.0 / (n - 1);
            if (x + BOUNDS_THRESHOLD > max) p = 1;
            if (x - BOUNDS_THRESHOLD < min) p = 0;
            double z = p <= 0 ? clipLow : p >= 1 ? clipHigh
                    : Math.max(clipLow, Math.min(clipHigh, NORMAL.inverseCumulativeProbability(p)));
            for (int k = i; k <= j; k++) out[order[k]] = z;
            i = j + 1;
        }
        return out;
    }

    private TraitTransforms() {}

    /** True when every observed (non-NaN) value is 0 or 1. */
    public static boolean isBinary(double[] values) {
        boolean any = false;
        for (double v : values) {
            if (Double.isNaN(v)) continue;
            if (v != 0 && v != 1) return false;
            any = true;
        }
        return any;
    }

    /**
     * Rank-based inverse normal transform: the value of rank r (1-based; ties get their mean rank)
     * among n observed values becomes {@code Phi^-1((r - 0.5) / n)}. NaN stays NaN.
     */
    public static double[] inverseNormal(double[] values) {
        int n = 0;
        for (double v : values) if (!Double.isNaN(v)) n++;
        Integer[] order = new Integer[n];
        for (int i = 0, k = 0; i < values.length; i++) if (!Double.isNaN(values[i])) order[k++] = i;
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] out = new double[values.length];
        Arrays.fill(out, Double.NaN);
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && values[order[j + 1]] == values[order[i]]) j++;
            double rank = (i + j) / 2.0 + 1; // mean 1-based rank of the tie group
            double z = NORMAL.inverseCumulativeProbability((rank - 0.5) / n);
            for (int k = i; k <= j; k++) out[order[k]] = z;
            i = j + 1;
        }
        return out;
    }

    /** {@code (x - mean) / sd} (population sd); a constant column becomes 0. NaN must not occur. */
    public static double[] standardise(double[] values) {
        double mean = 0;
        for (double v : values) mean += v;
        mean /= values.length;
        double ss = 0;
        for (double v : values) ss += (v - mean) * (v - mean);
        double sd = Math.sqrt(ss / values.length);
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) out[i] = sd > 0 ? (values[i] - mean) / sd : 0;
        return out;
    }
}
