package org.rareset.association.pvalue;

import org.apache.commons.math3.special.Gamma;

/**
 * Chi-square tails computed directly in log space (never as 1 - cdf), so p-values far below
 * 1e-308 stay finite as logs. Upper tail = regularised upper incomplete gamma Q(df/2, x/2):
 * series for P when x < a + 1 (Q is not small there), Lentz continued fraction for Q otherwise
 * (Numerical Recipes 6.2).
 */
public final class ChiSquare {
    private static final double LN10 = Math.log(10);
    private static final double TINY = 1e-300;
    private static final double EPS = 1e-16;

    private ChiSquare() {}

    /** Natural log of P(chi2_df > x). */
    public static double logUpper(double x, double df) {
        if (!(df > 0)) throw new IllegalArgumentException("df " + df);
        if (Double.isNaN(x)) return Double.NaN;
        if (x <= 0) return 0.0;
        if (x == Double.POSITIVE_INFINITY) return Double.NEGATIVE_INFINITY;
        return logGammaQ(df / 2, x / 2);
    }

    /** log10 P(chi2_df > x). */
    public static double log10Upper(double x, double df) {
        return logUpper(x, df) / LN10;
    }

    /** P(chi2_df > x) (underflows to 0 below about 1e-308: use the log forms then). */
    public static double upper(double x, double df) {
        return Math.exp(logUpper(x, df));
    }

    /** Natural log of the chi-square density. */
    public static double logDensity(double x, double df) {
        if (x < 0) return Double.NEGATIVE_INFINITY;
        double a = df / 2;
        if (x == 0) return a < 1 ? Double.POSITIVE_INFINITY : (a == 1 ? Math.log(0.5) : Double.NEGATIVE_INFINITY);
        return (a - 1) * Math.log(x) - x / 2 - a * Math.log(2) - logGamma(a);
    }

    /** Chi-square density. */
    public static double density(double x, double df) {
        return Math.exp(logDensity(x, df));
    }

    /**
     * The x with P(chi2_df > x) = p, given as natural log of p (so tiny p are fine); Newton
     * iterations on the log tail, safeguarded by bisection.
     */
    public static double upperQuantileLog(double logP, double df) {
        if (logP >= 0) return 0.0;
        if (logP == Double.NEGATIVE_INFINITY) return Double.POSITIVE_INFINITY;
        // bracket
        double lo = 0;
        double hi = Math.max(1.0, df);
        while (logUpper(hi, df) > logP) {
            lo = hi;
            hi *= 2;
        }
        double x = initialGuess(logP, df, lo, hi);
        for (int it = 0; it < 200; it++) {
            double f = logUpper(x, df) - logP;
            if (f > 0) lo = x; else hi = x;
            // d/dx log Q = -density / Q
            double slope = -Math.exp(logDensity(x, df) - logUpper(x, df));
            double next = x - f / slope;
            if (!(next > lo && next < hi) || !Double.isFinite(next)) next = 0.5 * (lo + hi);
            if (Math.abs(next - x) <= 1e-15 * Math.max(1, x) || hi - lo <= 1e-15 * Math.max(1, hi)) return next;
            x = next;
        }
        return x;
    }

    /** {@link #upperQuantileLog} for p given as a plain probability. */
    public static double upperQuantile(double p, double df) {
        return upperQuantileLog(Math.log(p), df);
    }

    private static double initialGuess(double logP, double df, double lo, double hi) {
        double g = -2 * logP + (df - 2) * Math.log(Math.max(1.0, -2 * logP));
        if (g > lo && g < hi) return g;
        return 0.5 * (lo + hi);
    }

    /** log Q(a, x), the regularised upper incomplete gamma function. */
    static double logGammaQ(double a, double x) {
        double logPrefix = -x + a * Math.log(x) - logGamma(a);
        if (x < a + 1) {
            // series for P(a, x) = prefix / a * sum
            double ap = a;
            double sum = 1.0 / a;
            double del = sum;
            for (int n = 0; n < 100000; n++) {
                ap += 1;
                del *= x / ap;
                sum += del;
                if (Math.abs(del) < Math.abs(sum) * EPS) break;
            }
            double p = Math.exp(logPrefix + Math.log(sum));
            return Math.log1p(-Math.min(p, 1.0));
        }
        double b = x + 1 - a;
        double c = 1.0 / TINY;
        double d = 1.0 / b;
        double h = d;
        for (int i = 1; i < 100000; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < TINY) d = TINY;
            c = b + an / c;
            if (Math.abs(c) < TINY) c = TINY;
            d = 1.0 / d;
            double del = d * c;
            h *= del;
            if (Math.abs(del - 1) < EPS) break;
        }
        return logPrefix + Math.log(h);
    }

    /** ln Gamma(k / 2) for k = 1..HALF_INTEGERS, the chi-square cases; commons-math's logGamma dominated the tail's cost. */
    private static final int HALF_INTEGERS = 200;
    private static final double[] LOG_GAMMA_HALF = new double[HALF_INTEGERS + 1];

    static {
        for (int k = 1; k <= HALF_INTEGERS; k++) LOG_GAMMA_HALF[k] = Gamma.logGamma(k / 2.0);
    }

    private static double logGamma(double a) {
        double twice = 2 * a;
        if (twice == Math.rint(twice) && twice >= 1 && twice <= HALF_INTEGERS) return LOG_GAMMA_HALF[(int) twice];
        return Gamma.logGamma(a);
    }

    static double ln10() {
        return LN10;
    }
}
