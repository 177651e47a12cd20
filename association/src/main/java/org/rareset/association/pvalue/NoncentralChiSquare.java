package org.rareset.association.pvalue;

import org.apache.commons.math3.special.Gamma;

/** Upper tail of the non-central chi-square as a Poisson mixture of central tails, in log space. */
final class NoncentralChiSquare {
    private NoncentralChiSquare() {}

    /** ln P(chi2(df, ncp) > x). */
    static double logUpper(double x, double df, double ncp) {
        if (ncp <= 0) return ChiSquare.logUpper(x, df);
        if (x <= 0) return 0.0;
        double lambda = ncp / 2;
        int mode = (int) Math.floor(lambda);
        // sum outward from the Poisson mode until terms are negligible
        double logMax = Double.NEGATIVE_INFINITY;
        java.util.List<Double> terms = new java.util.ArrayList<>();
        for (int dir = 0; dir < 2; dir++) {
            int k = dir == 0 ? mode : mode - 1;
            while (k >= 0 && k < mode + 100000) {
                double logPois = -lambda + k * Math.log(lambda) - Gamma.logGamma(k + 1.0);
                double t = logPois + ChiSquare.logUpper(x, df + 2.0 * k);
                terms.add(t);
                logMax = Math.max(logMax, t);
                if (t < logMax - 40 && logPois < Math.log(1e-20) + (-lambda + mode * Math.log(lambda) - Gamma.logGamma(mode + 1.0))) break;
                k += dir == 0 ? 1 : -1;
            }
        }
        double s = 0;
        for (double t : terms) s += Math.exp(t - logMax);
        return logMax + Math.log(s);
    }
}
