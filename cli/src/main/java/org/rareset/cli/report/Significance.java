package org.rareset.cli.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.special.Erf;

/** Genomic inflation and Bonferroni thresholds, computed from log10 p-values so nothing underflows. */
public final class Significance {
    /** Median of the chi-square distribution with one degree of freedom, qchisq(0.5, 1). */
    static final double CHISQ1_MEDIAN = 0.454936423119572;

    private Significance() {}

    /**
     * Genomic inflation lambda = median(chi2) / qchisq(0.5, 1), with chi2 = qchisq(1 - p, 1) =
     * (qnorm(p / 2))^2 (the lower normal tail keeps small p exact). NaN for no p-values.
     */
    public static double lambda(double[] log10P) {
        if (log10P.length == 0) return Double.NaN;
        double[] s = log10P.clone();
        Arrays.sort(s);
        int n = s.length;
        double chiA = chiSquare(s[(n - 1) / 2]);
        double chiB = chiSquare(s[n / 2]);
        return (chiA + chiB) / 2 / CHISQ1_MEDIAN;
    }

    /**
     * The 1-df chi-square statistic whose upper-tail p-value is 10^log10P: z^2 with z the lower
     * normal quantile of p / 2, found in log space so that any log10P (also below -308) is exact.
     */
    static double chiSquare(double log10P) {
        if (log10P >= 0) return 0;
        if (log10P == Double.NEGATIVE_INFINITY) return Double.POSITIVE_INFINITY;
        double z = lowerNormalQuantileFromLog(log10P * Math.log(10) - Math.log(2));
        return z * z;
    }

    /** z with log Phi(z) = logP (logP < log 0.5): Abramowitz-Stegun 26.2.23 start, then Newton steps. */
    static double lowerNormalQuantileFromLog(double logP) {
        double t = Math.sqrt(-2 * logP);
        double z = -(t - (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t));
        for (int i = 0; i < 50; i++) {
            double lphi = logPhi(z);
            double step = (lphi - logP) / Math.exp(logDensity(z) - lphi);
            z -= step;
            if (Math.abs(step) < 1e-13 * Math.max(1, Math.abs(z))) break;
        }
        return z;
    }

    static double logDensity(double z) {
        return -0.5 * z * z - 0.5 * Math.log(2 * Math.PI);
    }

    /** log of the lower normal tail; an asymptotic series far in the tail where erfc underflows. */
    static double logPhi(double z) {
        if (z > -30) return Math.log(0.5 * Erf.erfc(-z / Math.sqrt(2)));
        double r = 1 / (z * z);
        return logDensity(z) - Math.log(-z) + Math.log1p(r * (-1 + r * (3 + r * (-15 + r * 105))));
    }

    /** log10 of the Bonferroni threshold alpha / m. */
    public static double bonferroniLog10(double alpha, int tests) {
        return Math.log10(alpha) - Math.log10(Math.max(1, tests));
    }

    /** Expected -log10 p for the sorted QQ plot: -log10((i - 0.5) / n), i = 1..n. */
    public static double[] expectedMinusLog10(int n) {
        double[] e = new double[n];
        for (int i = 0; i < n; i++) e[i] = -Math.log10((i + 0.5) / n);
        return e;
    }

    /** The -log10 p values of rows, sorted descending. */
    public static double[] sortedMinusLog10(List<ResultRow> rows) {
        List<Double> v = new ArrayList<>(rows.size());
        for (ResultRow r : rows) v.add(r.minusLog10P());
        double[] a = v.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }
}
