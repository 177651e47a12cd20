package org.rareset.association.pvalue;

/**
 * Upper tail of a noncentral chi-square mixture R = sum_k nu_k (xi_k + a_k)^2 (xi_k independent
 * N(0, 1), nu_k > 0, noncentralities delta_k = a_k^2 >= 0) with relative accuracy far into the tail,
 * by the same inversion as {@link MixtureTail}: the moment generating function
 * K(t) = sum_k [-1/2 ln(1 - 2 nu_k t) + delta_k nu_k t / (1 - 2 nu_k t)] is inverted along the
 * parabola t(y) = c + alpha y^2 + i y through the saddlepoint c (K'(c) = q, alpha = K''(c) / (2q)):
 * P(R > q) = (1/pi) int_0^inf Im[e^{K(t) - tq} t'(y) / t(y)] dy (+1 when c < 0), with
 * e^{K(c) - cq} pulled out in log space, by Gauss-Kronrod panels of doubling width.
 *
 * <p>Used by SKAT-O's exact integration, where the remainder of the SKAT statistic given the burden
 * score is such a mixture. A class of its own because {@link MixtureTail}'s central path takes its
 * factors in pairs with one atan2 per pair (its cost matters there); the noncentral terms add a
 * complex division per eigenvalue.
 */
public final class NoncentralMixtureTail {
    private NoncentralMixtureTail() {}

    /**
     * ln P(R > q) to relative accuracy ~relTol (>= 1e-12).
     *
     * @param nu    mixture weights, all positive
     * @param delta noncentralities, all >= 0 (same length)
     */
    public static double logUpper(double q, double[] nu, double[] delta, double relTol) {
        int m = nu.length;
        if (m == 0 || delta.length != m) throw new IllegalArgumentException("need as many noncentralities as weights");
        if (Double.isNaN(q)) return Double.NaN;
        if (q <= 0) return 0.0;
        double tol = Math.max(relTol, 1e-12);
        double nuMax = 0, mean = 0, variance = 0;
        for (int k = 0; k < m; k++) {
            if (!(nu[k] > 0) || !(delta[k] >= 0)) throw new IllegalArgumentException("weight " + nu[k] + ", noncentrality " + delta[k]);
            nuMax = Math.max(nuMax, nu[k]);
            mean += nu[k] * (1 + delta[k]);
            variance += 2 * nu[k] * nu[k] * (1 + 2 * delta[k]);
        }
        double sd = Math.sqrt(variance);
        double c = saddlepoint(q, nu, delta, nuMax, mean);
        if (Math.abs(c) * sd < 0.5) c = 0.5 / sd; // keep the pole at t = 0 away from the path
        final double cc = c;
        double[] a = new double[m];
        for (int k = 0; k < m; k++) a[k] = 1 - 2 * nu[k] * c;
        double r0 = k(c, nu, delta) - c * q;
        double k2 = k2(c, nu, delta);
        double alpha = k2 / (2 * q);
        java.util.function.DoubleUnaryOperator g = y -> {
            double y2 = y * y;
            double tr = cc + alpha * y2, ti = y;
            // E = K(t) - tq - (K(c) - cq), summed per eigenvalue
            double eRe = -(tr - cc) * q, eIm = -ti * q;
            for (int k = 0; k < m; k++) {
                double zr = a[k] - 2 * nu[k] * alpha * y2; // 1 - 2 nu t = z, z / a_k has modulus and arg
                double zi = -2 * nu[k] * y;
                double mod2 = zr * zr + zi * zi;
                eRe -= 0.25 * Math.log(mod2 / (a[k] * a[k]));
                eIm -= 0.5 * Math.atan2(zi, zr);
                if (delta[k] > 0) {
                    // delta nu t / z - delta nu c / a_k
                    double nr = delta[k] * nu[k] * tr, ni = delta[k] * nu[k] * ti;
                    eRe += (nr * zr + ni * zi) / mod2 - delta[k] * nu[k] * cc / a[k];
                    eIm += (ni * zr - nr * zi) / mod2;
                }
            }
            double amp = Math.exp(eRe);
            double fRe = amp * Math.cos(eIm);
            double fIm = amp * Math.sin(eIm);
            // w = t'(y) / t = (2 alpha y + i) / (c + alpha y^2 + i y)
            double den = tr * tr + ti * ti;
            double dr = 2 * alpha * y;
            double wRe = (dr * tr + ti) / den;
            double wIm = (tr - dr * ti) / den;
            return fRe * wIm + fIm * wRe;
        };
        double h = 1 / Math.sqrt(k2);
        double yMax = Math.sqrt(80 / (alpha * q));
        double total = Quadrature.integrateDoublingPanels(g, Math.min(h, Math.abs(c)) / 2, yMax, tol);
        double lnP = c > 0 ? r0 + Math.log(total / Math.PI) : Math.log1p(Math.exp(r0) * total / Math.PI);
        return Math.min(lnP, 0.0);
    }

    static double k(double t, double[] nu, double[] delta) {
        double s = 0;
        for (int k = 0; k < nu.length; k++) {
            double a = 1 - 2 * nu[k] * t;
            s += -0.5 * Math.log(a) + delta[k] * nu[k] * t / a;
        }
        return s;
    }

    static double k1(double t, double[] nu, double[] delta) {
        double s = 0;
        for (int k = 0; k < nu.length; k++) {
            double a = 1 - 2 * nu[k] * t;
            s += nu[k] / a + delta[k] * nu[k] / (a * a);
        }
        return s;
    }

    static double k2(double t, double[] nu, double[] delta) {
        double s = 0;
        for (int k = 0; k < nu.length; k++) {
            double a = 1 - 2 * nu[k] * t;
            s += 2 * nu[k] * nu[k] / (a * a) + 4 * delta[k] * nu[k] * nu[k] / (a * a * a);
        }
        return s;
    }

    /** The t < 1/(2 nuMax) with K'(t) = q, by Newton steps kept in a bracket (K' increases). */
    static double saddlepoint(double q, double[] nu, double[] delta, double nuMax, double mean) {
        double hi = 0.5 / nuMax;
        double lo;
        if (q > mean) {
            lo = 0;
        } else {
            lo = -1.0 / nuMax;
            while (k1(lo, nu, delta) > q) lo *= 2;
            hi = 0;
        }
        double t = q > mean ? hi * (1 - mean / q) : 0.5 * lo;
        if (!(t > lo && t < hi)) t = 0.5 * (lo + hi);
        for (int it = 0; it < 300; it++) {
            double f = k1(t, nu, delta) - q;
            if (f > 0) hi = t; else lo = t;
            double next = t - f / k2(t, nu, delta);
            if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
            if (Math.abs(next - t) <= 1e-15 * Math.max(Math.abs(t), 1e-300) || hi - lo <= 1e-16 * Math.abs(hi)) return next;
            t = next;
        }
        return t;
    }
}
