package org.rareset.association.pvalue;

/**
 * Saddlepoint approximation of a binary-trait score statistic (Dey et al. 2017, SPAtest's "fast"
 * version as used by SAIGE): U = sum_i g~_i (y_i - mu_i) with covariate-adjusted genotypes g~ and
 * independent y_i ~ Bernoulli(mu_i). The cumulant generating function
 * K(t) = sum_i [log(1 - mu_i + mu_i e^{t g~_i}) - t g~_i mu_i] is summed exactly over the carriers
 * and approximated by a normal, t^2 sigma^2_other / 2, for the non-carriers (whose adjusted
 * genotypes are small), so the cost scales with the carriers. Tails by Lugannani-Rice, in log space.
 */
public final class ScoreSaddlePoint {
    private static final double LN10 = Math.log(10);

    private ScoreSaddlePoint() {}

    /**
     * Two-sided log10 p of the observed score: P(U >= |s|) + P(U <= -|s|).
     *
     * @param score          observed U
     * @param variance       null variance of U (used when the SPA is undefined)
     * @param carrierG       adjusted genotype g~_i of the carriers
     * @param carrierMu      fitted probabilities mu_i of the carriers
     * @param otherVariance  variance contributed by the non-carriers (variance - sum over carriers)
     */
    public static double log10TwoSided(double score, double variance, double[] carrierG, double[] carrierMu,
                                       double otherVariance) {
        double s = Math.abs(score);
        double other = Math.max(0, otherVariance);
        double upper = logUpper(s, carrierG, carrierMu, other, 1);
        double lower = logUpper(s, carrierG, carrierMu, other, -1);
        if (Double.isNaN(upper) || Double.isNaN(lower)) {
            return ChiSquare.log10Upper(score * score / variance, 1);
        }
        double mx = Math.max(upper, lower);
        if (mx == Double.NEGATIVE_INFINITY) return mx;
        double log = mx + Math.log(Math.exp(upper - mx) + Math.exp(lower - mx));
        return Math.min(0.0, log / LN10);
    }

    /** ln P(sign * U > s) by Lugannani-Rice. */
    private static double logUpper(double s, double[] g, double[] mu, double other, int sign) {
        if (other == 0) {
            // without a normal part sign * U is bounded: beyond its maximum the tail is empty
            double max = 0;
            for (int i = 0; i < g.length; i++) {
                double gi = sign * g[i];
                max += gi > 0 ? gi * (1 - mu[i]) : -gi * mu[i];
            }
            if (s >= max) return Double.NEGATIVE_INFINITY;
        }
        // solve K'(t) = s by safeguarded Newton; K' is increasing
        double t = 0;
        double lo = Double.NEGATIVE_INFINITY, hi = Double.POSITIVE_INFINITY;
        for (int it = 0; it < 200; it++) {
            double[] k = cgf(t, g, mu, other, sign);
            double f = k[1] - s;
            if (f > 0) hi = t; else lo = t;
            double next = t - f / k[2];
            if (!(next > lo && next < hi) || !Double.isFinite(next)) {
                next = Double.isInfinite(hi) ? (t <= 0 ? 1 : 2 * t) : (Double.isInfinite(lo) ? -1 : 0.5 * (lo + hi));
                if (!Double.isInfinite(hi) && !Double.isInfinite(lo)) next = 0.5 * (lo + hi);
            }
            if (Math.abs(next - t) < 1e-12 * Math.max(1, Math.abs(t))) {
                t = next;
                break;
            }
            t = next;
        }
        double[] k = cgf(t, g, mu, other, sign);
        if (!(Math.abs(k[1] - s) <= 1e-6 * Math.max(1, s))) return Double.NaN;
        double wsq = 2 * (t * s - k[0]);
        if (!(wsq > 0) || t <= 0) return Double.NaN;
        double w = Math.sqrt(wsq);
        double v = t * Math.sqrt(k[2]);
        return SaddlePoint.logNormalUpperLugannaniRice(w, v);
    }

    /** {K(t), K'(t), K''(t)} of sign * U. */
    private static double[] cgf(double t, double[] g, double[] mu, double other, int sign) {
        double k0 = 0.5 * t * t * other;
        double k1 = t * other;
        double k2 = other;
        for (int i = 0; i < g.length; i++) {
            double gi = sign * g[i];
            double m = mu[i];
            double x = t * gi;
            // log(1 - m + m e^x) and the tilted probability q = m e^x / (1 - m + m e^x), overflow-safe
            double logTerm;
            double q;
            if (x > 0) {
                double e = Math.exp(-x);
                logTerm = x + Math.log(m + (1 - m) * e);
                q = m / (m + (1 - m) * e);
            } else {
                double e = Math.exp(x);
                logTerm = Math.log1p(m * (e - 1));
                q = m * e / (1 - m + m * e);
            }
            k0 += logTerm - x * m;
            k1 += gi * (q - m);
            k2 += gi * gi * q * (1 - q);
        }
        return new double[]{k0, k1, k2};
    }
}
