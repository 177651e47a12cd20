package org.rareset.association.risk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The trait in bins of predicted risk among held-out samples: counts, the case rate (binary) or
 * mean trait (quantitative) of each bin with a 95% interval, and how the bin compares with all
 * held-out samples.
 *
 * <p>Bins are given by edges on the fraction of samples ranked from the highest predicted risk:
 * the default edges 1%, 5%, 10%, 20%, 50%, 100% make the bins top 1%, 1-5%, 5-10%, 10-20%, 20-50%
 * and the lower half. The top fraction f holds the {@code ceil(f n)} highest predictions (ties
 * broken by input order, so results are deterministic); a bin holds the samples between its two
 * edges and may be empty when n is small.
 *
 * <ul>
 *   <li>Binary: x cases of n in the bin, rate x / n with the exact Clopper-Pearson interval
 *       [B^-1(0.025; x, n - x + 1), B^-1(0.975; x + 1, n - x)]; relative = rate / overall rate, its
 *       interval the rate's interval over the overall rate (which is held fixed: it is estimated
 *       from all held-out samples, far more precisely than a bin's).</li>
 *   <li>Quantitative: the bin mean with the t interval mean +- t(0.975, n - 1) sd / sqrt(n);
 *       relative = mean - overall mean, with the same interval shifted.</li>
 * </ul>
 */
public final class Enrichment {
    /** Default bin edges: top 1%, 1-5%, 5-10%, 10-20%, 20-50%, 50-100%. */
    public static final double[] DEFAULT_EDGES = {0.01, 0.05, 0.10, 0.20, 0.50, 1.0};

    /**
     * One bin of predicted risk.
     *
     * @param fromTop   upper edge as the fraction of samples above the bin (0 for the top bin)
     * @param toTop     lower edge as a fraction from the top
     * @param cases     cases in the bin (binary), NaN for a quantitative trait
     * @param value     case rate (binary) or mean trait (quantitative)
     * @param relative  value / overall rate (binary) or value - overall mean (quantitative)
     */
    public record Bin(double fromTop, double toTop, int n, double cases, double value, double low, double high,
                      double relative, double relativeLow, double relativeHigh) {}

    private Enrichment() {}

    /** Order of samples by predicted risk, highest first, ties by index. */
    static Integer[] descending(double[] risk) {
        Integer[] order = new Integer[risk.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -risk[i]).thenComparingInt(i -> i));
        return order;
    }

    /** The bins for increasing edges in (0, 1] (the last edge should be 1 so that every sample is in a bin). */
    public static List<Bin> bins(double[] risk, double[] observed, boolean binary, double[] edges) {
        int n = risk.length;
        Integer[] order = descending(risk);
        double overall = 0;
        for (double v : observed) overall += v;
        overall /= n;
        List<Bin> out = new ArrayList<>();
        double prevEdge = 0;
        int from = 0;
        for (double e : edges) {
            int to = (int) Math.min(n, Math.ceil(e * n - 1e-9));
            double[] v = new double[Math.max(0, to - from)];
            for (int r = from; r < to; r++) v[r - from] = observed[order[r]];
            out.add(binary ? binaryBin(prevEdge, e, v, overall) : quantitativeBin(prevEdge, e, v, overall));
            prevEdge = e;
            from = Math.max(from, to);
        }
        return out;
    }

    static Bin binaryBin(double fromTop, double toTop, double[] v, double overall) {
        int n = v.length;
        int x = 0;
        for (double d : v) if (d == 1) x++;
        if (n == 0) return new Bin(fromTop, toTop, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        double[] ci = clopperPearson(x, n);
        double rate = (double) x / n;
        return new Bin(fromTop, toTop, n, x, rate, ci[0], ci[1], rate / overall, ci[0] / overall, ci[1] / overall);
    }

    static Bin quantitativeBin(double fromTop, double toTop, double[] v, double overall) {
        int n = v.length;
        if (n == 0) return new Bin(fromTop, toTop, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        double mean = 0;
        for (double d : v) mean += d;
        mean /= n;
        double lo = Double.NaN, hi = Double.NaN;
        if (n >= 2) {
            double ss = 0;
            for (double d : v) ss += (d - mean) * (d - mean);
            double half = new TDistribution(null, n - 1).inverseCumulativeProbability(0.975) * Math.sqrt(ss / (n - 1) / n);
            lo = mean - half;
            hi = mean + half;
        }
        return new Bin(fromTop, toTop, n, Double.NaN, mean, lo, hi, mean - overall, lo - overall, hi - overall);
    }

    /** Exact (Clopper-Pearson) two-sided 95% interval of a binomial proportion x / n. */
    public static double[] clopperPearson(int x, int n) {
        double lo = x == 0 ? 0 : new BetaDistribution(null, x, n - x + 1).inverseCumulativeProbability(0.025);
        double hi = x == n ? 1 : new BetaDistribution(null, x + 1, n - x).inverseCumulativeProbability(0.975);
        return new double[] {lo, hi};
    }

    /**
     * Percentile of each sample's risk among all samples: 100 * (rank - 0.5) / n with rank the
     * 1-based ascending rank, tied values sharing their average rank.
     */
    public static double[] percentiles(double[] risk) {
        int n = risk.length;
        Integer[] asc = new Integer[n];
        for (int i = 0; i < n; i++) asc[i] = i;
        Arrays.sort(asc, Comparator.comparingDouble(i -> risk[i]));
        double[] pct = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && risk[asc[j + 1]] == risk[asc[i]]) j++;
            double rank = (i + j) / 2.0 + 1;
            for (int t = i; t <= j; t++) pct[asc[t]] = 100 * (rank - 0.5) / n;
            i = j + 1;
        }
        return pct;
    }
}
