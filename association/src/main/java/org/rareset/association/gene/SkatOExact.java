package org.rareset.association.gene;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.rareset.association.pvalue.Integration;
import org.rareset.association.pvalue.MixtureTail;
import org.rareset.association.pvalue.NoncentralMixtureTail;
import org.rareset.association.pvalue.Normal;

import java.util.TreeSet;

/**
 * SKAT-O's p-value by exact integration of the joint null law over the rho grid
 * ({@code --skato-method exact}), without the moment matching of R SKAT's {@code optimal.adj}.
 *
 * <p>With Z ~ N(0, A) the weighted scores (A the kernel), Q_rho = (1 - rho) Z'Z + rho S^2,
 * S = 1'Z, and p_rho the exact tail of Q_rho (the mixture of {@link SkatO}), SKAT-O's statistic is
 * T = min_rho p_rho(Q_rho) and its p-value P(T <= p_min) = P(exists rho: Q_rho >= q*_rho), q*_rho
 * the exact upper p_min quantile of Q_rho (found by root finding on the mixture tail, where
 * {@code optimal.adj} takes Liu's moment-matched quantile). Given S = s, Z = mu s + W with
 * mu = A1 / sigma^2 (sigma^2 = 1'A1) and W ~ N(0, A - A11'A / sigma^2) independent of S; with that
 * covariance's eigenpairs (nu_k, e_k), Z'Z = sum_k nu_k (xi_k + s mu_k / sqrt(nu_k))^2 + s^2 |mu_perp|^2
 * (mu_k = e_k'mu, mu_perp the part of mu outside their span): a noncentral chi-square mixture whose
 * noncentralities grow with x = s^2 / sigma^2 ~ chi2_1 (where {@code optimal.adj} uses a central
 * mixture with a variance adjustment for the cross term 2 s mu'W). So
 * <pre>
 *   p = int_0^x0 P(R_x > b(x)) dchisq(x, 1) + P(chi2_1 > x0),
 *   b(x) = min_rho (q*_rho - rho sigma^2 x) / (1 - rho) - sigma^2 |mu_perp|^2 x,
 * </pre>
 * R_x = sum_k nu_k chi2_1(sigma^2 x mu_k^2 / nu_k), x0 the first x with b(x) <= 0. Each
 * P(R_x > b) is a {@link NoncentralMixtureTail} inversion (relative accuracy 1e-8); the integral is
 * adaptive Gauss-Kronrod in t = sqrt(x) between the kinks of b, to 1e-7 relative. p lies in
 * [p_min, n_rho p_min] by construction. The per-rho tails are those of {@code optimal.adj}
 * (R SKAT's eigenvalue filter included), so the two methods differ only in the combination.
 */
final class SkatOExact {
    /** Relative accuracy of each conditional tail. */
    static final double TAIL_TOL = 1e-8;
    /** Relative accuracy of the integral over x. */
    static final double INTEGRAL_TOL = 1e-7;
    /** Remainder eigenvalues below this fraction of the largest carry no randomness worth keeping. */
    static final double NU_CUT = 1e-10;
    private static final double LN10 = Math.log(10);

    private SkatOExact() {}

    /**
     * log10 of the exact SKAT-O p-value.
     *
     * @param a         the kernel (covariance of the weighted scores)
     * @param rho       the rho grid (rho = 1 already replaced by 0.999)
     * @param q         the observed Q_rho
     * @param lambdaRho each Q_rho's mixture weights
     * @param log10P    each rho's log10 p
     * @param guess     a starting point for each quantile (e.g. Liu's)
     */
    static double log10P(double[][] a, double[] rho, double[] q, double[][] lambdaRho, double[] log10P, double[] guess) {
        int nr = rho.length;
        int iMin = 0;
        for (int i = 1; i < nr; i++) if (log10P[i] < log10P[iMin]) iMin = i;
        double log10Pmin = log10P[iMin];
        double[] qStar = new double[nr];
        for (int i = 0; i < nr; i++) qStar[i] = i == iMin ? q[i] : upperQuantile(lambdaRho[i], log10Pmin, guess[i], q[i]);
        Remainder rest = Remainder.of(a);
        if (rest == null) return Double.NaN;
        // x0: the first x where b(x) <= 0, i.e. min_i q*_i / (rho_i sigma^2 + (1 - rho_i) c_perp)
        double x0 = Double.POSITIVE_INFINITY;
        for (int i = 0; i < nr; i++) {
            double slope = rho[i] * rest.sigma2 + (1 - rho[i]) * rest.perp;
            if (slope > 0) x0 = Math.min(x0, qStar[i] / slope);
        }
        // the chi2_1 tail beyond 1e-30 p_min is negligible: cap an unbounded support there
        double logScale = log10Pmin * LN10;
        double xCap = org.rareset.association.pvalue.ChiSquare.upperQuantileLog(logScale + Math.log(1e-30), 1);
        x0 = Math.min(x0, xCap);
        TreeSet<Double> cuts = new TreeSet<>();
        cuts.add(0.0);
        cuts.add(x0);
        for (int i = 0; i < nr; i++) {
            for (int k = i + 1; k < nr; k++) {
                double den = rho[i] * rest.sigma2 / (1 - rho[i]) - rho[k] * rest.sigma2 / (1 - rho[k]);
                if (den == 0) continue;
                double x = (qStar[i] / (1 - rho[i]) - qStar[k] / (1 - rho[k])) / den;
                if (x > 0 && x < x0) cuts.add(x);
            }
        }
        double norm = 2 / Math.sqrt(2 * Math.PI);
        java.util.function.DoubleUnaryOperator integrand = t -> {
            double x = t * t;
            double b = Double.POSITIVE_INFINITY;
            for (int i = 0; i < nr; i++) b = Math.min(b, (qStar[i] - rho[i] * rest.sigma2 * x) / (1 - rho[i]));
            b -= rest.perp * x;
            double lnS = b <= 0 ? 0.0 : rest.nu.length == 0 ? Double.NEGATIVE_INFINITY : NoncentralMixtureTail.logUpper(b, rest.nu, rest.noncentrality(x), TAIL_TOL);
            return norm * Math.exp(lnS - 0.5 * x - logScale);
        };
        double total = 2 * Math.exp(Normal.logUpper(Math.sqrt(x0)) - logScale);
        Double[] pts = cuts.toArray(new Double[0]);
        for (int i = pts.length - 2; i >= 0; i--) {
            double t0 = Math.sqrt(pts[i]), t1 = Math.sqrt(pts[i + 1]);
            total += Integration.adaptive(integrand, t0, t1, INTEGRAL_TOL, 1e-3 * INTEGRAL_TOL * total);
        }
        double lnP = logScale + Math.log(total);
        if (!Double.isFinite(lnP)) return Double.NaN;
        // p >= p_min and p <= n_rho p_min hold exactly; keep the numerical result inside them
        return Math.max(log10Pmin, Math.min(Math.min(lnP / LN10, Math.log10(nr) + log10Pmin), 0.0));
    }

    /**
     * The q with log10 P(Q > q) = log10P for the mixture {@code lambda}: Illinois false position on
     * (ln q, log10 P), nearly linear far in the tail; bracketed from {@code guess} by doubling.
     */
    static double upperQuantile(double[] lambda, double log10P, double guess, double observed) {
        double x = Double.isFinite(guess) && guess > 0 ? guess : observed > 0 ? observed : sum(lambda);
        double fx = tail(x, lambda) - log10P;
        double lo, hi, flo, fhi;
        if (fx > 0) {       // P(Q > x) above the target: the quantile is beyond x
            lo = x;
            flo = fx;
            hi = 2 * x;
            fhi = tail(hi, lambda) - log10P;
            for (int i = 0; i < 2000 && fhi > 0; i++) {
                lo = hi;
                flo = fhi;
                hi *= 2;
                fhi = tail(hi, lambda) - log10P;
            }
        } else {
            hi = x;
            fhi = fx;
            lo = x / 2;
            flo = tail(lo, lambda) - log10P;
            for (int i = 0; i < 2000 && flo < 0; i++) {
                hi = lo;
                fhi = flo;
                lo /= 2;
                flo = tail(lo, lambda) - log10P;
            }
        }
        double ll = Math.log(lo), lh = Math.log(hi);
        int side = 0;
        double lx = ll;
        for (int it = 0; it < 200; it++) {
            lx = (ll * fhi - lh * flo) / (fhi - flo);
            if (!(lx > ll && lx < lh)) lx = 0.5 * (ll + lh);
            double f = tail(Math.exp(lx), lambda) - log10P;
            if (Math.abs(f) <= 1e-10 * Math.max(1, Math.abs(log10P)) || lh - ll <= 1e-14) break;
            if (f > 0) {
                ll = lx;
                flo = f;
                if (side == -1) fhi /= 2;
                side = -1;
            } else {
                lh = lx;
                fhi = f;
                if (side == 1) flo /= 2;
                side = 1;
            }
        }
        return Math.exp(lx);
    }

    private static double tail(double q, double[] lambda) {
        return MixtureTail.log10Upper(q, lambda, 1e-10);
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s;
    }

    /**
     * Z given the burden score S = 1'Z: the eigenpairs of the conditional covariance
     * A - A11'A / sigma^2, the mean direction's squared coordinates mu_k^2 / nu_k (times sigma^2)
     * and its part outside their span (times sigma^2).
     */
    private record Remainder(double sigma2, double[] nu, double[] unitNoncentrality, double perp) {
        static Remainder of(double[][] a) {
            int m = a.length;
            double[] rowSum = new double[m];
            double sigma2 = 0;
            for (int j = 0; j < m; j++) {
                for (int k = 0; k < m; k++) rowSum[j] += a[j][k];
                sigma2 += rowSum[j];
            }
            if (!(sigma2 > 0)) return null;
            double[][] cov = new double[m][m];
            double[] mu = new double[m];
            double muSq = 0;
            for (int j = 0; j < m; j++) {
                mu[j] = rowSum[j] / sigma2;
                muSq += mu[j] * mu[j];
                for (int k = 0; k < m; k++) cov[j][k] = a[j][k] - rowSum[j] * rowSum[k] / sigma2;
            }
            for (int j = 0; j < m; j++) {
                for (int k = 0; k < j; k++) cov[j][k] = cov[k][j] = 0.5 * (cov[j][k] + cov[k][j]);
            }
            EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(cov, false));
            double[] ev = eig.getRealEigenvalues();
            double max = 0;
            for (double e : ev) max = Math.max(max, e);
            if (!(max > 0)) return new Remainder(sigma2, new double[0], new double[0], sigma2 * muSq);
            int kept = 0;
            for (double e : ev) if (e > NU_CUT * max) kept++;
            double[] nu = new double[kept];
            double[] unit = new double[kept];
            double inSpan = 0;
            int n = 0;
            for (int k = 0; k < ev.length; k++) {
                if (!(ev[k] > NU_CUT * max)) continue;
                double[] e = eig.getEigenvector(k).toArray();
                double proj = 0;
                for (int j = 0; j < m; j++) proj += e[j] * mu[j];
                nu[n] = ev[k];
                unit[n] = sigma2 * proj * proj / ev[k];
                inSpan += proj * proj;
                n++;
            }
            return new Remainder(sigma2, nu, unit, sigma2 * Math.max(0, muSq - inSpan));
        }

        double[] noncentrality(double x) {
            double[] d = new double[unitNoncentrality.length];
            for (int k = 0; k < d.length; k++) d[k] = unitNoncentrality[k] * x;
            return d;
        }
    }
}
