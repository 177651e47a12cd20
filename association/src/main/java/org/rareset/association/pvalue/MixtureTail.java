package org.rareset.association.pvalue;

/**
 * Stringent upper tail of Q = sum_k lambda_k chi2_1 (all lambda_k > 0), with relative accuracy
 * down to far below 1e-300, as defined for the golden references: one eigenvalue: exact chi2_1;
 * two: direct convolution quadrature; otherwise Davies (acc 1e-9, lim 1e6) when it converges and
 * gives p >= 1e-5, else Fourier inversion of the moment generating function along the vertical
 * line through the saddlepoint (no cancellation, relative accuracy).
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
    private static final int MAX_PANELS = 200_000;

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
        Davies.Result d = Davies.upperTail(q, lambda, DAVIES_ACC, DAVIES_LIM);
        if (d.ifault() == 0 && d.upper() >= DAVIES_MIN_P && d.upper() <= 1.0) return Math.log10(d.upper());
        return contourLogUpper(q, lambda) / LN10;
    }

    /**
     * log10 P(Q > q) to a relative error of about {@code relTol} (>= 1e-9), cheaper than
     * {@link #log10Upper(double, double[])} when less accuracy is needed: Davies' absolute accuracy
     * is set from a saddlepoint estimate of the tail; far tails go to the contour inversion.
     */
    public static double log10Upper(double q, double[] lambda, double relTol) {
        if (lambda.length <= 2 || q <= 0) return log10Upper(q, lambda);
        double guess = SaddlePoint.log10Upper(q, lambda);
        double p0 = Double.isNaN(guess) ? 0.5 : Math.pow(10, guess);
        if (p0 < DAVIES_MIN_P) return contourLogUpper(q, lambda) / LN10;
        double acc = Math.min(1e-6, Math.max(DAVIES_ACC, relTol * p0 * 0.5));
        Davies.Result d = Davies.upperTail(q, lambda, acc, DAVIES_LIM);
        if (d.ifault() == 0 && d.upper() >= DAVIES_MIN_P && d.upper() <= 1.0) return Math.log10(d.upper());
        return contourLogUpper(q, lambda) / LN10;
    }

    /**
     * P(l1 X1 + l2 X2 > q) with l1 >= l2, X = Z^2: 2 Phibar(a) + int_0^a 2 phi(z) P(chi2_1 > (q - l1 z^2) / l2) dz,
     * a = sqrt(q / l1); a smooth integrand in z (no density singularity).
     */
    static double convolution2(double q, double l1, double l2) {
        double a = Math.sqrt(q / l1);
        double tail = Math.exp(Normal.logUpper(a)) * 2;
        double norm = 2 / Math.sqrt(2 * Math.PI);
        double integral = Quadrature.integrate(z -> {
            double rest = (q - l1 * z * z) / l2;
            return norm * Math.exp(-0.5 * z * z + ChiSquare.logUpper(Math.max(rest, 0), 1));
        }, 0, a, 1e-12, 1e-15 * tail);
        return tail + integral;
    }

    /** ln P(Q > q) by inversion along the vertical line through the saddlepoint. */
    static double contourLogUpper(double q, double[] lambda) {
        MixtureCgf cgf = new MixtureCgf(lambda);
        double sd = Math.sqrt(cgf.variance);
        double c = cgf.saddlepoint(q);
        if (Math.abs(c) * sd < 0.5) c = 0.5 / sd; // keep the pole at t = 0 away from the path
        final double cc = c;
        int m = lambda.length;
        double[] ratio = new double[m]; // 2 lambda_k / (1 - 2 lambda_k c)
        for (int k = 0; k < m; k++) ratio[k] = 2 * lambda[k] / (1 - 2 * lambda[k] * c);
        double r0 = cgf.k(c) - c * q;
        java.util.function.DoubleUnaryOperator g = y -> {
            double logAmp = 0;
            double theta = -y * q;
            for (int k = 0; k < m; k++) {
                double x = ratio[k] * y;
                logAmp -= 0.25 * Math.log1p(x * x);
                theta += 0.5 * Math.atan(x);
            }
            return Math.exp(logAmp) * (cc * Math.cos(theta) + y * Math.sin(theta)) / (cc * cc + y * y);
        };
        double h = 1 / Math.sqrt(cgf.k2(c));
        double width = Math.min(h, Math.abs(c)) / 4;
        double maxWidth = Math.max(width, 8 * Math.PI / q);
        double total = 0;
        double y0 = 0;
        int quiet = 0;
        for (int panel = 0; panel < MAX_PANELS; panel++) {
            double y1 = y0 + width;
            double part = Quadrature.integrate(g, y0, y1, 1e-12, 1e-15 * Math.abs(total) + 1e-300);
            total += part;
            // envelope of the remaining integrand, times the distance already covered (power-law tail bound)
            double logAmp = 0;
            for (int k = 0; k < m; k++) {
                double x = ratio[k] * y1;
                logAmp -= 0.25 * Math.log1p(x * x);
            }
            // remaining integral: at most envelope * y (power-law decay) and, once the phase turns at
            // rate ~q, about envelope / q (integration by parts of the oscillating tail)
            double amp = Math.exp(logAmp) / Math.sqrt(c * c + y1 * y1);
            double remaining = amp * Math.min(y1, y1 > 4 * h ? 4.0 / q : y1);
            if (remaining < 1e-11 * Math.abs(total)) {
                if (++quiet >= 3) break;
            } else {
                quiet = 0;
            }
            y0 = y1;
            width = Math.min(width * 1.5, Math.max(maxWidth, width));
        }
        if (c > 0) return r0 + Math.log(total / Math.PI);
        return Math.log1p(Math.exp(r0) * total / Math.PI);
    }
}
