package org.rareset.association.multiple;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Bonferroni and Benjamini-Hochberg adjustment of a family of tests, in log10 space so that no
 * p-value underflows.
 */
public final class MultipleTesting {
    private MultipleTesting() {}

    /** log10 of the Bonferroni-adjusted p-values: min(1, m p). */
    public static double[] bonferroniLog10(double[] log10P) {
        double logM = Math.log10(count(log10P));
        double[] out = new double[log10P.length];
        for (int i = 0; i < out.length; i++) out[i] = Double.isNaN(log10P[i]) ? Double.NaN : Math.min(0.0, log10P[i] + logM);
        return out;
    }

    /**
     * log10 of the Benjamini-Hochberg q-values: q_(i) = min over j >= i of m p_(j) / j for p sorted
     * ascending, capped at 1. NaN entries are not counted and stay NaN.
     */
    public static double[] benjaminiHochbergLog10(double[] log10P) {
        int m = count(log10P);
        Integer[] order = new Integer[log10P.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingDouble(i -> Double.isNaN(log10P[i]) ? Double.POSITIVE_INFINITY : log10P[i]));
        double[] q = new double[log10P.length];
        Arrays.fill(q, Double.NaN);
        double running = 0.0;
        double logM = Math.log10(m);
        for (int rank = m; rank >= 1; rank--) {
            int i = order[rank - 1];
            running = Math.min(running, log10P[i] + logM - Math.log10(rank));
            q[i] = running;
        }
        return q;
    }

    /** log10 rounding slack, so that an adjusted p equal to alpha counts as significant. */
    static final double TIE_SLACK = 1e-12;

    /** True when the adjusted value is at most alpha. */
    public static boolean significant(double adjustedLog10, double alpha) {
        return adjustedLog10 <= Math.log10(alpha) + TIE_SLACK;
    }

    /** How many adjusted values are at most alpha. */
    public static int countSignificant(double[] adjustedLog10, double alpha) {
        double t = Math.log10(alpha) + TIE_SLACK;
        int c = 0;
        for (double v : adjustedLog10) if (v <= t) c++;
        return c;
    }

    private static int count(double[] v) {
        int c = 0;
        for (double x : v) if (!Double.isNaN(x)) c++;
        return c;
    }
}
