package org.rareset.deepset.train;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.rareset.core.stats.QuantileNormal;

/** Preparation of traits and covariates for training. */
public final class TraitTransforms {
    private static final NormalDistribution NORMAL = new NormalDistribution(0, 1);

    /** How a quantitative trait is normalised before training. */
    public enum Method {
        /** DeepRVAT's {@code y_transformation: quantile_transform} ({@link QuantileNormal}). */
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
        return method == Method.QUANTILE ? QuantileNormal.transform(values) : inverseNormal(values);
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
