package org.rareset.association.gene;

import java.util.Arrays;

/**
 * One eigen-analysis of the SKAT kernel A = diag(w) V diag(w) that serves all of SKAT-O's kernels.
 *
 * <p>With A = U D U' and u = U'1 (the all-ones vector in A's eigenbasis):
 * <ul>
 *   <li>the rho kernel R^{1/2} A R^{1/2}, R = (1 - rho) I + rho 11', has the non-zero spectrum of
 *       A^{1/2} R A^{1/2} = (1 - rho) A + rho (A^{1/2} 1)(A^{1/2} 1)', i.e. of the diagonal plus
 *       rank-one matrix (1 - rho) D + rho z z' with z = D^{1/2} u;</li>
 *   <li>the remainder kernel A - (A1)(A1)' / (1'A1) of SKAT-O's integral is D - v v' with
 *       v = D u / sqrt(u'Du).</li>
 * </ul>
 * The spectrum of diag(e) + sigma w w' solves the secular equation 1 + sigma sum_k w_k^2 / (e_k - x)
 * = 0, one root between consecutive poles (Golub 1973), found here by safeguarded Newton steps in
 * a bracket. So SKAT-O costs one O(m^3) tridiagonalisation instead of one per rho plus one for the
 * remainder, and O(m^2) per kernel after it. Hand-written because commons-math offers neither the
 * projections without the full eigenvectors nor rank-one updates.
 */
final class KernelSpectrum {
    /** Newton/bisection steps per root; bisection alone needs at most ~1100 to exhaust a double bracket. */
    static final int MAX_STEPS = 200;
    private static final double EPS = 0x1p-52;
    private final double[] d;
    private final double[] u;

    private KernelSpectrum(double[] d, double[] u) {
        this.d = d;
        this.u = u;
    }

    /** Eigenvalues of A (descending). */
    double[] eigenvalues() {
        return d.clone();
    }

    /** Projections U'1 of the all-ones vector on the eigenvectors (same order as {@link #eigenvalues()}). */
    double[] onesProjection() {
        return u.clone();
    }

    /** Spectrum of a symmetric A with U'1; null when the QL iterations do not converge. */
    static KernelSpectrum of(double[][] a) {
        int m = a.length;
        double[] w = new double[m];
        Arrays.fill(w, 1.0);
        double[] ev = Eigenvalues.valuesOnly(a, w);
        if (ev == null) return null;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) order[i] = i;
        Arrays.sort(order, (x, y) -> Double.compare(ev[y], ev[x]));
        double[] d = new double[m];
        double[] u = new double[m];
        for (int i = 0; i < m; i++) {
            d[i] = ev[order[i]];
            u[i] = w[order[i]];
        }
        return new KernelSpectrum(d, u);
    }

    /** All m eigenvalues (descending) of R^{1/2} A R^{1/2}, R = (1 - rho) I + rho 11'. */
    double[] rhoKernel(double rho) {
        int m = d.length;
        double[] e = new double[m];
        double[] z = new double[m];
        double s = Math.sqrt(rho);
        for (int k = 0; k < m; k++) {
            double dk = Math.max(d[k], 0);
            e[k] = (1 - rho) * d[k];
            z[k] = s * Math.sqrt(dk) * u[k];
        }
        return rankOne(e, z, 1);
    }

    /** All m eigenvalues (descending) of A - (A1)(A1)'/(1'A1); null when 1'A1 <= 0. */
    double[] remainderKernel() {
        int m = d.length;
        double quad = 0;
        for (int k = 0; k < m; k++) quad += d[k] * u[k] * u[k];
        if (!(quad > 0)) return null;
        double[] v = new double[m];
        double norm = Math.sqrt(quad);
        for (int k = 0; k < m; k++) v[k] = d[k] * u[k] / norm;
        return rankOne(d.clone(), v, -1);
    }

    /**
     * Eigenvalues (descending) of diag(e) + sigma w w' (sigma = +1 or -1), e descending. Components
     * of w that are negligible, and poles that coincide, are deflated first (their e is an
     * eigenvalue); each remaining root lies strictly between two poles, or beyond the outermost
     * pole by at most |w|^2.
     */
    static double[] rankOne(double[] e, double[] w, int sigma) {
        int m = e.length;
        double scale = 0, wNorm2 = 0;
        for (int k = 0; k < m; k++) {
            scale = Math.max(scale, Math.abs(e[k]));
            wNorm2 += w[k] * w[k];
        }
        scale = Math.max(scale, wNorm2);
        double[] out = new double[m];
        int nOut = 0;
        if (!(scale > 0)) return out; // all zero
        double tol = 1e-15 * scale;
        // deflate: merge coinciding poles (rotation within the pair puts all of w on one), drop tiny w
        double[] pole = new double[m];
        double[] weight = new double[m]; // w_k^2
        int n = 0;
        for (int k = 0; k < m; k++) {
            double wk2 = w[k] * w[k];
            if (n > 0 && pole[n - 1] - e[k] <= tol) {
                out[nOut++] = e[k]; // one eigenvalue of the pair stays at the pole
                weight[n - 1] += wk2;
                continue;
            }
            pole[n] = e[k];
            weight[n] = wk2;
            n++;
        }
        int kept = 0;
        for (int k = 0; k < n; k++) {
            // LAPACK dlaed2's rule: |w_k| ||w|| at rounding level moves no eigenvalue off the pole
            if (Math.sqrt(weight[k] * wNorm2) <= 8 * EPS * scale) {
                out[nOut++] = pole[k];
            } else {
                pole[kept] = pole[k];
                weight[kept] = weight[k];
                kept++;
            }
        }
        double total = 0;
        for (int k = 0; k < kept; k++) total += weight[k];
        for (int i = 0; i < kept; i++) {
            double lo, hi;
            if (sigma > 0) {
                lo = pole[i];
                hi = i == 0 ? pole[0] + total : pole[i - 1];
            } else {
                hi = pole[i];
                lo = i == kept - 1 ? pole[i] - total : pole[i + 1];
            }
            out[nOut++] = root(pole, weight, kept, sigma, lo, hi);
        }
        return Eigenvalues.descending(out);
    }

    /**
     * The root of f(x) = 1 + sigma sum_k weight_k / (pole_k - x) in (lo, hi), where f is monotone
     * (increasing for sigma = +1, decreasing for -1). Each step models the poles below x and those
     * above x each by one pole at the nearest one, matching value and slope (the "middle way" of
     * Li 1993 / Bunch, Nielsen and Sorensen 1978), and solves the model's quadratic; plain Newton
     * crawls towards a root next to a pole (small rho puts every root there). The step is kept in
     * the shrinking bracket, with bisection otherwise, at most {@link #MAX_STEPS} steps.
     */
    private static double root(double[] pole, double[] weight, int n, int sigma, double lo, double hi) {
        double x = 0.5 * (lo + hi);
        for (int it = 0; it < MAX_STEPS; it++) {
            double below = 0, belowD = 0, above = 0, aboveD = 0, magnitude = 1;
            double nearBelow = Double.NEGATIVE_INFINITY, nearAbove = Double.POSITIVE_INFINITY;
            for (int k = 0; k < n; k++) {
                double diff = pole[k] - x;
                double r = 1 / diff;
                double t = sigma * weight[k] * r;
                magnitude += Math.abs(t);
                if (diff < 0) {
                    below += t;
                    belowD += t * r;
                    nearBelow = Math.max(nearBelow, diff);
                } else {
                    above += t;
                    aboveD += t * r;
                    nearAbove = Math.min(nearAbove, diff);
                }
            }
            double f = 1 + below + above;
            if (Math.abs(f) <= 4 * EPS * (n + 1) * magnitude) return x; // f is zero up to its rounding error
            boolean right = sigma > 0 ? f < 0 : f > 0; // the root lies above x
            if (right) lo = x; else hi = x;
            double step = modelStep(1 + below + above, below, belowD, nearBelow, above, aboveD, nearAbove);
            double next = x + step;
            if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
            if (!(next > lo && next < hi) || Math.abs(next - x) <= 4e-16 * Math.max(Math.abs(x), Math.abs(lo) + Math.abs(hi))) {
                return next;
            }
            x = next;
        }
        return x;
    }

    /**
     * The step t solving C + b1 / (dP - t) + b2 / (dQ - t) = 0, with dP < 0 < dQ the distances to
     * the nearest poles below and above, b1 = psi' dP^2, b2 = phi' dQ^2 (psi, phi: the parts of f
     * from the poles below and above) and C = f - b1 / dP - b2 / dQ; NaN when it has no real root.
     */
    private static double modelStep(double f, double psi, double psiD, double dP, double phi, double phiD, double dQ) {
        boolean hasP = dP != Double.NEGATIVE_INFINITY, hasQ = dQ != Double.POSITIVE_INFINITY;
        double b1 = hasP ? psiD * dP * dP : 0;
        double b2 = hasQ ? phiD * dQ * dQ : 0;
        double c = f - (hasP ? b1 / dP : 0) - (hasQ ? b2 / dQ : 0);
        if (!hasP) return hasQ ? dQ + b2 / c : Double.NaN;  // C + b2 / (dQ - t) = 0
        if (!hasQ) return dP + b1 / c;                      // C + b1 / (dP - t) = 0
        // C (dP - t)(dQ - t) + b1 (dQ - t) + b2 (dP - t) = 0:  C t^2 - B t + A = 0
        double bq = c * (dP + dQ) + b1 + b2;
        double aq = c * dP * dQ + b1 * dQ + b2 * dP;
        if (c == 0) return aq / bq;
        double disc = bq * bq - 4 * c * aq;
        if (disc < 0) return Double.NaN;
        double sq = Math.sqrt(disc);
        // the two roots without cancellation; the one between the poles is wanted
        double qq = 0.5 * (bq + Math.copySign(sq, bq));
        double t1 = qq / c;
        double t2 = qq != 0 ? aq / qq : Double.NaN;
        if (t1 > dP && t1 < dQ) return t1;
        return t2;
    }
}
