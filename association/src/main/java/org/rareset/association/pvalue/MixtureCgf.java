package org.rareset.association.pvalue;

/**
 * Cumulant generating function K(t) = -1/2 sum_k log(1 - 2 lambda_k t) of Q = sum_k lambda_k chi2_1
 * (lambda_k > 0), its derivatives and saddlepoint, shared by the saddlepoint and contour methods.
 */
final class MixtureCgf {
    final double[] lambda;
    final double lambdaMax;
    final double mean;
    final double variance;

    MixtureCgf(double[] lambda) {
        this.lambda = lambda;
        double mx = 0, mu = 0, var = 0;
        for (double l : lambda) {
            if (!(l > 0)) throw new IllegalArgumentException("mixture coefficient " + l + " is not positive");
            mx = Math.max(mx, l);
            mu += l;
            var += 2 * l * l;
        }
        this.lambdaMax = mx;
        this.mean = mu;
        this.variance = var;
    }

    double k(double t) {
        double s = 0;
        for (double l : lambda) s += Math.log1p(-2 * l * t);
        return -0.5 * s;
    }

    double k1(double t) {
        double s = 0;
        for (double l : lambda) s += l / (1 - 2 * l * t);
        return s;
    }

    double k2(double t) {
        double s = 0;
        for (double l : lambda) {
            double a = 1 - 2 * l * t;
            s += 2 * l * l / (a * a);
        }
        return s;
    }

    /** The t < 1/(2 lambdaMax) with K'(t) = q (q > 0), by safeguarded Newton. */
    double saddlepoint(double q) {
        double hi = 0.5 / lambdaMax;
        double lo;
        if (q > mean) {
            lo = 0;
        } else {
            lo = -1.0 / lambdaMax;
            while (k1(lo) > q) lo *= 2;
            hi = 0;
        }
        double t = q > mean ? hi * (1 - mean / q) : 0.5 * lo; // (1 - mean/q) / (2 lmax) is exact for one eigenvalue
        if (!(t > lo && t < hi)) t = 0.5 * (lo + hi);
        for (int it = 0; it < 300; it++) {
            double f = k1(t) - q;
            if (f > 0) hi = t; else lo = t;
            double next = t - f / k2(t);
            if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
            if (Math.abs(next - t) <= 1e-15 * Math.max(Math.abs(t), 1e-300) || hi - lo <= 1e-16 * Math.abs(hi)) return next;
            t = next;
        }
        return t;
    }
}
