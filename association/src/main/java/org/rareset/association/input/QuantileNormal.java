package org.rareset.association.input;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * DeepRVAT's quantile transform of a quantitative trait to a standard normal
 * ({@code y_transformation: quantile_transform}; {@code deeprvat/utils.py my_quantile_transform},
 * which calls scikit-learn's {@code quantile_transform} with {@code n_quantiles = n},
 * {@code subsample = n} and {@code output_distribution = "normal"}).
 *
 * <p>With every value its own quantile, the sorted values q_0 &lt;= ... &lt;= q_{n-1} sit at the
 * references r_k = k / (n - 1). A value x maps to u = (r_first + r_last) / 2, first and last the
 * lowest and highest positions holding x (scikit-learn interpolates upwards and downwards and
 * averages, so tied values share the middle of their references). Values below q_0 + 1e-7 map to
 * u = 0 and values above q_{n-1} - 1e-7 to u = 1 (the low bound wins when both hold). Then
 * z = Phi^-1(u), clipped to [Phi^-1(t), Phi^-1(1 - t)] with t = 1e-7 - 2^-52, about +-5.1993: the
 * smallest and largest values sit at the clip, unlike REGENIE's rank-based inverse normal
 * ({@link QtTransform#rint}), whose extremes are Phi^-1((1 - 3/8) / (n + 1/4)).
 */
public final class QuantileNormal {
    /** scikit-learn's {@code BOUNDS_THRESHOLD}. */
    static final double BOUNDS = 1e-7;
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);
    /** scikit-learn clips at ppf(BOUNDS_THRESHOLD - np.spacing(1)); spacing(1) is the ulp of 1. */
    public static final double CLIP = -NORMAL.inverseCumulativeProbability(BOUNDS - Math.ulp(1.0));

    private QuantileNormal() {}

    /** The transformed values, in the order of {@code y} (no missing values: the analysed samples only). */
    public static double[] transform(double[] y) {
        int n = y.length;
        double[] out = new double[n];
        if (n == 0) return out;
        double[] sorted = y.clone();
        Arrays.sort(sorted);
        double low = sorted[0];
        double high = sorted[n - 1];
        for (int i = 0; i < n; i++) {
            double x = y[i];
            double u;
            if (x - BOUNDS < low) {
                u = 0;
            } else if (x + BOUNDS > high) {
                u = 1;
            } else {
                int first = lowerBound(sorted, x);
                int last = lowerBound(sorted, Math.nextUp(x)) - 1;
                u = 0.5 * (first + last) / (n - 1);
            }
            out[i] = Math.max(-CLIP, Math.min(CLIP, NORMAL.inverseCumulativeProbability(u)));
        }
        return out;
    }

    /** First index whose value is at least {@code x}. */
    private static int lowerBound(double[] sorted, double x) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
