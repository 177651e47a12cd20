package org.rareset.association.pvalue;

/**
 * Kuonen (1999) saddlepoint approximation (Lugannani-Rice) of P(Q > q) for Q = sum_j lambda_j chi2_1,
 * in log space. Accurate in the far tail where Davies' absolute error is useless.
 */
public final class SaddlePoint {
    private static final double LN10 = Math.log(10);

    private SaddlePoint() {}

    /** log10 P(Q > q); NaN when the approximation is not defined (q at the mean). */
    public static double log10Upper(double q, double[] lambda) {
        if (q <= 0) return 0.0;
        MixtureCgf cgf = new MixtureCgf(lambda);
        double s = cgf.saddlepoint(q);
        double wsq = 2 * (s * q - cgf.k(s));
        if (!(wsq > 0) || Math.abs(s) < 1e-12 / cgf.lambdaMax) return Double.NaN;
        double w = Math.signum(s) * Math.sqrt(wsq);
        double v = s * Math.sqrt(cgf.k2(s));
        return logNormalUpperLugannaniRice(w, v) / LN10;
    }

    /** ln[ Phibar(w) + phi(w) (1/v - 1/w) ]. */
    static double logNormalUpperLugannaniRice(double w, double v) {
        double logPhi = -0.5 * w * w - 0.5 * Math.log(2 * Math.PI);
        if (w > 5) {
            // Phibar(w) = phi(w) * Mills(w): factor phi out so nothing underflows
            double mills = Math.exp(Normal.logUpper(w) - logPhi);
            return logPhi + Math.log(mills + 1 / v - 1 / w);
        }
        double p = Math.exp(Normal.logUpper(w)) + Math.exp(logPhi) * (1 / v - 1 / w);
        return Math.log(p);
    }
}
