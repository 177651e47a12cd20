package org.rareset.core.stats;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * DeepRVAT's quantile transform of a quantitative trait to a standard normal
 * ({@code y_transformation: quantile_transform}; {@code deeprvat/utils.py my_quantile_transform},
 * which calls scikit-learn's {@code quantile_transform} with {@code n_quantiles = n},
 * {@code subsample = n} and {@code output_distribution = "normal"}). Seed-gene discovery,
 * {@code assoc --qt-transform quantile} and training all use this one implementation.
 *
 * <p>With every value its own quantile, the n sorted observed values sit at the references
 * r_k = k / (n - 1). A value whose tie block occupies sorted positions lo..hi (0-based) maps to
 * u = (lo + hi) / 2 / (n - 1) (scikit-learn interpolates upwards and downwards and averages, so tied
 * values share the middle of their references). Values below min + 1e-7 map to u = 0 and values
 * above max - 1e-7 to u = 1 (the low bound wins when both hold). Then z = Phi^-1(u), clipped to
 * [Phi^-1(t), Phi^-1(1 - t)] with t = 1e-7 - 2^-52, about +-5.1993: the smallest and largest values
 * sit at the clip, unlike REGENIE's rank-based inverse normal, whose extremes are
 * Phi^-1((1 - 3/8) / (n + 1/4)). NaN (missing) stays NaN and does not count in n.
 */
public final class QuantileNormal {
    /** scikit-learn's {@code BOUNDS_THRESHOLD}: how close to 0 or 1 the probabilities come. */
    public static final double BOUNDS = 1e-7;
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);
    /** scikit-learn clips at ppf(BOUNDS_THRESHOLD - np.spacing(1)); spacing(1) is the ulp of 1. */
    private static final double CLIP_LOW = NORMAL.inverseCumulativeProbability(BOUNDS - Math.ulp(1.0));
    private static final double CLIP_HIGH = NORMAL.inverseCumulativeProbability(1 - (BOUNDS - Math.ulp(1.0)));
    /** The upper clip, about 5.1993 (the lower one is its negative to about 1e-10). */
    public static final double CLIP = CLIP_HIGH;

    private QuantileNormal() {}

    /** The transformed values, in the order of {@code y}; NaN stays NaN. */
    public static double[] transform(double[] y) {
        int n = 0;
        for (double v : y) if (!Double.isNaN(v)) n++;
        double[] out = new double[y.length];
        Arrays.fill(out, Double.NaN);
        if (n == 0) return out;
        Integer[] order = new Integer[n];
        for (int i = 0, k = 0; i < y.length; i++) if (!Double.isNaN(y[i])) order[k++] = i;
        Arrays.sort(order, (a, b) -> Double.compare(y[a], y[b]));
        double min = y[order[0]];
        double max = y[order[n - 1]];
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && y[order[j + 1]] == y[order[i]]) j++;
            double x = y[order[i]];
            double u = n == 1 ? 0 : (i + j) / 2.0 / (n - 1);
            if (x + BOUNDS > max) u = 1;
            if (x - BOUNDS < min) u = 0;
            double z = u <= 0 ? CLIP_LOW : u >= 1 ? CLIP_HIGH
                    : Math.max(CLIP_LOW, Math.min(CLIP_HIGH, NORMAL.inverseCumulativeProbability(u)));
            for (int k = i; k <= j; k++) out[order[k]] = z;
            i = j + 1;
        }
        return out;
    }
}
