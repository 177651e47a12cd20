package org.rareset.association.pvalue;

/**
 * Stringent upper tail of Q = sum_k lambda_k chi2_1 (all lambda_k > 0), with relative accuracy
 * down to far below 1e-300 (the golden references' "stringent mix_tail"): one eigenvalue: exact
 * chi2_1; two: direct convolution quadrature; three or more: inversion of the moment generating
 * function along a contour through the saddlepoint (no cancellation, relative accuracy ~1e-10).
 * The references use Davies (acc 1e-9, lim 1e6) for p >= 1e-5, which agrees with the inversion to
 * ~1e-8 there, but whose cost is unbounded for ill-conditioned spectra (a dominant eigenvalue needs
 * ~250,000 terms, about a second); Davies remains the fallback should the inversion fail.
 *
 * <p>Inversion formula (Gil-Pelaez along Re t = c): for 0 < c < 1/(2 lambda_max),
 * P(Q > q) = (1/pi) int_0^inf Re[exp(K(c + iy) - (c + iy) q) / (c + iy)] dy; for c < 0 the same
 * integral plus 1. With c the saddlepoint the integrand does not oscillate near y = 0 and the
 * factor exp(K(c) - cq) is pulled out in log space.
 */
public final class MixtureTail {
    private static final double LN10 = Math.log(10);
    /** Davies settings of the stringent rule. */
    static final double DAVIES_ACC = 1e-9;
    static final int DAVIES_LIM = 1_000_000;
    /** Below this Davies' absolute error is no longer a small relative error. */
    static final double DAVIES_MIN_P = 1e-5;

    private MixtureTail() {}

    /** log10 P(Q > q). */
    public static double log10Upper(double q, double[] lambda) {
        if (lambda.length == 0) throw new IllegalArgumentException("no mixture coefficients");
        if (Double.isNaN(q)) return Double.NaN;
        if (q <= 0) return 0.0;
        if (lambda.length == 1) return ChiSquare.log10Upper(q / lambda[0], 1);
        if (lambda.length == 2) {
            double p = convolution2(q, Math.max(lambda[0], lambda[1]), Math.min(lambda[0], lambda[1]));
            if (p > 1e-280) return Math.log10(Math.min(p, 1.0));
            return contourLogUpper(q, lambda) / LN10;
        }
        double contour = contourLogUpper(q, lambda) / LN10;
        if (Double.isFinite(contour) && contour <= 0) return contour;
        // defensive: should the inversion fail, Davies where its absolute error is a small relative one
        Davies.Result d = Davies.upperTail(q, lambda, DAVIES_ACC, DAVIES_LIM);
        if (d.ifault() == 0 && d.upper() >= DAVIES_MIN_P && d.upper() <= 1.0) return Math.log10(d.upper());
        return SaddlePoint.log10Upper(q, lambda);
    }

    /**
     * log10 P(Q > q) to a relative error of about {@code relTol} (>= 1e-9) for repeated use (SKAT-O):
     * the contour inversion alone, whose cost does not grow with ill-conditioned spectra as
     * Davies' does (e.g. SKAT-O's rho = 0.999 kernel, one eigenvalue ~1000 x the others).
     */
    public static double log10Upper(double q, double[] lambda, double relTol) {
        double tol = Math.max(relTol, 1e-12);
        if (lambda.length == 2 && q > 0) {
            double p = convolution2(q, Math.max(lambda[0], lambda[1]), Math.min(lambda[0], lambda[1]), tol);
            if (p > 1e-280) return Math.log10(Math.min(p, 1.0));
            return contourLogUpper(q, lambda, tol) / LN10;
        }
        if (lambda.length <= 2 || q <= 0) return log10Upper(q, lambda);
        return contourLogUpper(q, lambda, tol) / LN10;
    }

    /**
     * P(l1 X1 + l2 X2 > q) with l1 >= l2, X = Z^2: 2 Phibar(a) + int_0^a 2 phi(z) P(chi2_1 > (q - l1 z^2) / l2) dz,
     * a = sqrt(q / l1); a smooth integrand in z (no density singularity).
     */
    static double convolution2(double q, double l1, double l2) {
        return convolution2(q, l1, l2, 1e-12);
    }

    /** {@link #convolution2(double, double, double)} to relative accuracy {@code relTol}. */
    static double convolution2(double q, double l1, double l2, double relTol) {
        double a = Math.sqrt(q / l1);
        double tail = Math.exp(Normal.logUpper(a)) * 2;
        double norm = 2 / Math.sqrt(2 * Math.PI);
        double integral = Quadrature.integrate(z -> {
            double rest = (q - l1 * z * z) / l2;
            return norm * Math.exp(-0.5 * z * z + ChiSquare.logUpper(Math.max(rest, 0), 1));
        }, 0, a, relTol, relTol * 1e-3 * tail);
        return tail + integral;
    }

    /**
     * ln P(Q > q) by inverting the moment generating function along a parabola through the
     * saddlepoint c, t(y) = c + alpha y^2 + i y (alpha = K''(c) / (2q)). The parabola opens to the
     * right, where e^{-tq} decays, and meets the real axis only at c, so it can replace the vertical
     * line (no branch point or pole is crossed); along it the integrand decays like exp(-alpha q y^2)
     * instead of a power of y. P = (1/pi) int_0^inf Im[e^{K(t) - tq} t'(y) / t] dy (+1 when c < 0),
     * with e^{K(c) - cq} pulled out in log space.
     */
    static double contourLogUpper(double q, double[] lambda) {
        return contourLogUpper(q, lambda, 1e-12);
    }

    /** {@link #contourLogUpper(double, double[])} with the quadrature's relative tolerance. */
    static double contourLogUpper(double q, double[] lambda, double relTol) {
        MixtureCgf cgf = new MixtureCgf(lambda);
        double sd = Math.sqrt(cgf.variance);
        double c = cgf.saddlepoint(q);
        if (Math.abs(c) * sd < 0.5) c = 0.5 / sd; // keep the pole at t = 0 away from the path
        final double cc = c;
        int m = lambda.length;
        double[] a = new double[m];
        for (int k = 0; k < m; k++) a[k] = 1 - 2 * lambda[k] * c;
        double r0 = cgf.k(c) - c * q;
        double k2 = cgf.k2(c);
        double alpha = k2 / (2 * q);
        double[] scratch = new double[1];
        java.util.function.DoubleUnaryOperator g = y -> {
            double y2 = y * y;
            double arg = contourFactors(a, lambda, alpha, y, scratch);
            double logMod = scratch[0];
            // E = K(t) - tq - (K(c) - cq)
            double eRe = -0.5 * logMod - alpha * y2 * q;
            double eIm = -0.5 * arg - y * q;
            double amp = Math.exp(eRe);
            double fRe = amp * Math.cos(eIm);
            double fIm = amp * Math.sin(eIm);
            // w = t'(y) / t = (2 alpha y + i) / (c + alpha y^2 + i y)
            double tr = cc + alpha * y2, ti = y;
            double den = tr * tr + ti * ti;
            double dr = 2 * alpha * y, di = 1;
            double wRe = (dr * tr + di * ti) / den;
            double wIm = (di * tr - dr * ti) / den;
            return fRe * wIm + fIm * wRe;
        };
        double h = 1 / Math.sqrt(k2);
        double yMax = Math.sqrt(80 / (alpha * q));
        double total = Quadrature.integrateDoublingPanels(g, Math.min(h, Math.abs(c)) / 2, yMax, relTol);
        if (c > 0) return r0 + Math.log(total / Math.PI);
        return Math.log1p(Math.exp(r0) * total / Math.PI);
    }
    /**
     * On the contour t(y) = c + alpha y^2 + i y, with a_k = 1 - 2 lambda_k c: returns
     * sum_k arg(z_k) and puts sum_k ln(|z_k| / a_k) into {@code logMod[0]}, where
     * z_k = 1 - 2 lambda_k t(y). The factors are taken in pairs, one atan2 per pair (each arg lies in
     * (-pi, 0] for y >= 0, so the pair's sum lies in (-2 pi, 0] and atan2 of the product fixes it
     * uniquely), and the squared moduli are multiplied up with a log only when the product leaves
     * [1e-100, 1e100]; log and atan2 per eigenvalue were most of SKAT-O's cost. Shared by the
     * one-point inversion here and {@link SharedContourTail}'s contours.
     */
    static double contourFactors(double[] a, double[] lambda, double alpha, double y, double[] logMod) {
        int m = lambda.length;
        double y2 = y * y;
        double logMod2 = 0; // sum ln(|z_k|^2 / a_k^2)
        double arg = 0;
        double mod2 = 1;
        int k = 0;
        for (; k + 1 < m; k += 2) {
            double re1 = a[k] - 2 * lambda[k] * alpha * y2;
            double im1 = -2 * lambda[k] * y;
            double re2 = a[k + 1] - 2 * lambda[k + 1] * alpha * y2;
            double im2 = -2 * lambda[k + 1] * y;
            double pr = re1 * re2 - im1 * im2;
            double pi = re1 * im2 + im1 * re2;
            double angle = Math.atan2(pi, pr);
            arg += angle > 0 ? angle - 2 * Math.PI : angle;
            mod2 *= (re1 * re1 + im1 * im1) / (a[k] * a[k]) * ((re2 * re2 + im2 * im2) / (a[k + 1] * a[k + 1]));
            if (mod2 > 1e100 || mod2 < 1e-100) {
                logMod2 += Math.log(mod2);
                mod2 = 1;
            }
        }
        if (k < m) {
            double re = a[k] - 2 * lambda[k] * alpha * y2;
            double im = -2 * lambda[k] * y;
            arg += Math.atan2(im, re);
            mod2 *= (re * re + im * im) / (a[k] * a[k]);
        }
        logMod[0] = 0.5 * (logMod2 + Math.log(mod2));
        return arg;
    }
}
