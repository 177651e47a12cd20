package org.rareset.association.risk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Risk stratification summaries: percentiles of predicted risk, and how the top {@code f} of
 * samples by predicted risk compare with the rest.
 *
 * <p>The top fraction f holds the {@code ceil(f * n)} samples with the highest predicted risk (ties
 * broken by input order, so results are deterministic). For a binary trait the value of a group is
 * its case rate and the enrichment is rate(top) / rate(rest); for a quantitative trait the value is
 * the mean trait and the enrichment is mean(top) - mean(rest).
 */
public final class Enrichment {
    /** The fractions reported by default: top 1%, 5% and 10%. */
    public static final double[] DEFAULT_FRACTIONS = {0.01, 0.05, 0.10};

    /** One row of the enrichment table. */
    public record Row(double fraction, int nTop, int nRest, double top, double rest, double enrichment) {}

    private Enrichment() {}

    /** Order of samples by predicted risk, highest first, ties by index. */
    static Integer[] descending(double[] risk) {
        Integer[] order = new Integer[risk.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -risk[i]).thenComparingInt(i -> i));
        return order;
    }

    public static List<Row> compute(double[] risk, double[] observed, boolean binary, double[] fractions) {
        int n = risk.length;
        Integer[] order = descending(risk);
        List<Row> rows = new ArrayList<>();
        for (double f : fractions) {
            int k = (int) Math.min(n, Math.ceil(f * n - 1e-9));
            double sumTop = 0, sumRest = 0;
            for (int r = 0; r < n; r++) {
                if (r < k) sumTop += observed[order[r]];
                else sumRest += observed[order[r]];
            }
            double top = k == 0 ? Double.NaN : sumTop / k;
            double rest = n - k == 0 ? Double.NaN : sumRest / (n - k);
            rows.add(new Row(f, k, n - k, top, rest, binary ? top / rest : top - rest));
        }
        return rows;
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
