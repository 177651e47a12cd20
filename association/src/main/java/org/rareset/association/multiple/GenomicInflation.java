package org.rareset.association.multiple;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Genomic inflation factor lambda from p-values: the median of the 1-df chi-square statistics the
 * p-values correspond to, divided by the null median {@value #NULL_MEDIAN} (qchisq(0.5, 1)).
 *
 * <p>Works from log10 p so that p below the double range is fine: the chi-square quantile is
 * monotone in p, so only the median p is converted, as z^2 with z the upper normal quantile of p/2
 * (computed from log p for tiny p).
 */
public final class GenomicInflation {
    /** Median of the chi-square distribution with one degree of freedom. */
    public static final double NULL_MEDIAN = 0.454936423119572;
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private GenomicInflation() {}

    /** Lambda from log10 p-values; NaN when there are none. */
    public static double lambda(double[] log10P) {
        double[] s = Arrays.stream(log10P).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (s.length == 0) return Double.NaN;
        int n = s.length;
        // sorted ascending in log10 p = descending chi-square; average the chi-squares of the middle pair
        double median = n % 2 == 1 ? chiSquare1(s[n / 2]) : 0.5 * (chiSquare1(s[n / 2 - 1]) + chiSquare1(s[n / 2]));
        return median / NULL_MEDIAN;
    }

    /** The 1-df chi-square statistic whose upper tail probability is 10^log10P. */
    public static double chiSquare1(double log10P) {
        if (log10P >= 0) return 0.0;
        double z = upperNormalQuantile(log10P * Math.log(10) - Math.log(2));
        return z * z;
    }

    /** z with P(Z > z) = exp(logP), for logP < log(1/2) down to any magnitude. */
    static double upperNormalQuantile(double logP) {
        if (logP > -650) {
            double p = Math.exp(logP);
            if (p > 1e-300) return -NORMAL.inverseCumulativeProbability(p);
        }
        // Newton on log Q(z) = logP with the asymptotic expansion of the Mills ratio
        double z = Math.sqrt(-2 * logP);
        for (int i = 0; i < 50; i++) {
            double logQ = logUpperTail(z);
            double dlogQ = -Math.exp(-0.5 * z * z - 0.5 * Math.log(2 * Math.PI) - logQ); // -phi/Q
            double step = (logQ - logP) / dlogQ;
            z -= step;
            if (Math.abs(step) < 1e-12 * z) break;
        }
        return z;
    }

    /** log P(Z > z) for large z: log phi(z) - log z + log(1 - 1/z^2 + 3/z^4 - 15/z^6 + 105/z^8). */
    static double logUpperTail(double z) {
        double z2 = 1 / (z * z);
        double series = 1 - z2 * (1 - 3 * z2 * (1 - 5 * z2 * (1 - 7 * z2)));
        return -0.5 * z * z - 0.5 * Math.log(2 * Math.PI) - Math.log(z) + Math.log(series);
    }
}
