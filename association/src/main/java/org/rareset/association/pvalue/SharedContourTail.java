package org.rareset.association.pvalue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * ln P(Q > q_j) at many points q_j for one mixture Q = sum_k lambda_k chi2_1, sharing the contour
 * of {@link MixtureTail}'s inversion between points: the m-term part of the integrand,
 * K(t(y)) - K(c) and t'(y) / t(y), is computed once per contour node, and each point adds only
 * exp(-(t(y) - c) q_j), O(1) per node instead of O(m). SKAT-O's tail table (up to 65 points of one
 * remainder mixture) was most of its cost when every point had its own contour.
 *
 * <p>The points are taken in decreasing order and grouped: a group's contour is the parabola
 * t(y) = c + alpha y^2 + i y through the saddlepoint c of its largest point q_ref (alpha =
 * K''(c) / (2 q_ref)), as in {@link MixtureTail}. The integrand's scale for q on that contour is
 * e^{K(c) - c q}; on q's own contour it would be the Chernoff bound min_t e^{K(t) - t q} (or 1 when
 * q is below the mean, where P(Q > q) is not small). The ratio is e^L, L the loss (cancellation
 * costs at most a factor e^L in relative accuracy); a point joins the group while L <= {@link #MAX_LOSS}
 * and q >= q_ref / {@link #MAX_RATIO} (the contour is cut where e^{-alpha y^2 q_min} is negligible), and the quadrature runs
 * at relTol e^{-MAX_LOSS}, so every point keeps about relTol. The integral over y is vector-valued:
 * by the trapezoidal rule with step halving (exponentially convergent on this analytic, even,
 * Gaussian-decaying integrand; see {@link Contour#trapezoid}) when the contour is at most
 * {@link #TRAPEZOID_START} starting steps long, else (or when it has not converged after
 * {@link #MAX_HALVINGS} halvings) by panels of doubling width, each by Gauss-Kronrod 7-15 with
 * bisection until every point's error meets its tolerance, at most {@link #MAX_INTERVALS}
 * intervals per panel. A point whose result is
 * not a probability falls back to its own contour. Points far below the mean, where the lower tail F
 * is below 1e-10 by its Chernoff bound, take ln(1 - F) from Lugannani-Rice (exact to ~1e-12 there).
 */
public final class SharedContourTail {
    /** Largest ln(integrand scale / P) accepted for a point on a shared contour. */
    static final double MAX_LOSS = Math.log(100);
    /** Smallest q_ref / q on one contour (its length grows with sqrt of this). */
    static final double MAX_RATIO = 256;
    /** ln of the lower-tail Chernoff bound below which P(Q > q) is taken from Lugannani-Rice. */
    static final double LOWER_SHORTCUT = Math.log(1e-10);
    /** Interval limit per panel, as {@link Quadrature#MAX_INTERVALS}. */
    static final int MAX_INTERVALS = 200;
    /**
     * Largest starting step count of the trapezoidal rule: contours longer than this in steps of
     * the starting width (groups whose smallest point is far below their largest) go to the
     * doubling Gauss-Kronrod panels, which widen with y instead of keeping one step.
     */
    static final int TRAPEZOID_START = 128;
    /** Step halvings of the trapezoidal rule before a group falls back to the panels. */
    static final int MAX_HALVINGS = 3;
    private final double[] lambda;
    private final MixtureCgf cgf;
    private final double sd;
    private final double relTol;
    /** Contours used by the last {@link #logUpper} call (for tests and profiling). */
    private int contours;
    /** Of those, the contours the trapezoidal rule finished. */
    private int trapezoids;

    /**
     * @param lambda the mixture's coefficients (all positive, at least three)
     * @param relTol relative accuracy wanted for each P (>= 1e-10)
     */
    public SharedContourTail(double[] lambda, double relTol) {
        if (lambda.length < 3) throw new IllegalArgumentException("at least three mixture coefficients");
        this.lambda = lambda.clone();
        this.cgf = new MixtureCgf(this.lambda);
        this.sd = Math.sqrt(cgf.variance);
        this.relTol = Math.max(relTol, 1e-10);
    }

    /** Number of contours the last {@link #logUpper} call used. */
    public int contours() {
        return contours;
    }

    /** Number of the last call's contours that the trapezoidal rule finished (the rest: Gauss-Kronrod panels). */
    int trapezoids() {
        return trapezoids;
    }

    /** ln P(Q > q_j) for each q_j (0 for q_j <= 0). */
    public double[] logUpper(double[] q) {
        int n = q.length;
        double[] out = new double[n];
        Integer[] order = new Integer[n];
        int positive = 0;
        for (int j = 0; j < n; j++) {
            if (Double.isNaN(q[j])) out[j] = Double.NaN;
            else if (q[j] > 0) order[positive++] = j;
        }
        Integer[] sorted = Arrays.copyOf(order, positive);
        Arrays.sort(sorted, (a, b) -> Double.compare(q[b], q[a]));
        contours = 0;
        trapezoids = 0;
        // far below the mean P(Q > q) = 1 - F with F below the Chernoff bound; once that is < 1e-10,
        // ln P = ln(1 - F) needs F only roughly: Lugannani-Rice (a few per cent of F) is exact to 1e-12 there
        while (positive > 0) {
            int j = sorted[positive - 1];
            if (q[j] >= cgf.mean) break;
            double s = cgf.saddlepoint(q[j]);
            if (!(cgf.k(s) - s * q[j] < LOWER_SHORTCUT)) break;
            double lp = SaddlePoint.log10Upper(q[j], lambda) * Math.log(10);
            out[j] = Double.isFinite(lp) ? Math.min(lp, 0.0) : 0.0;
            positive--;
        }
        int next = 0;
        while (next < positive) {
            double qRef = q[sorted[next]];
            double c = contourPoint(qRef);
            double kc = cgf.k(c);
            List<Integer> group = new ArrayList<>();
            group.add(sorted[next++]);
            while (next < positive) {
                double qj = q[sorted[next]];
                if (qj < qRef / MAX_RATIO || kc - c * qj - estimate(qj) > MAX_LOSS) break;
                group.add(sorted[next++]);
            }
            integrateGroup(q, group, c, kc, qRef, out);
            contours++;
        }
        return out;
    }

    /** The contour's crossing of the real axis for q: its saddlepoint, kept 0.5 sd^-1 away from the pole at 0. */
    private double contourPoint(double q) {
        double c = cgf.saddlepoint(q);
        return Math.abs(c) * sd < 0.5 ? 0.5 / sd : c;
    }

    /**
     * The least scale of q's integrand, min_t K(t) - t q at t = q's saddlepoint when that is
     * positive (the Chernoff bound of P(Q > q)), else 0 (P(Q > q) is not small).
     */
    private double estimate(double q) {
        if (q <= cgf.mean) return 0.0;
        double s = cgf.saddlepoint(q);
        return Math.min(0.0, cgf.k(s) - s * q);
    }

    private void integrateGroup(double[] q, List<Integer> group, double c, double kc, double qRef, double[] out) {
        int g = group.size();
        double[] qs = new double[g];
        double qMin = Double.POSITIVE_INFINITY;
        for (int j = 0; j < g; j++) {
            qs[j] = q[group.get(j)];
            qMin = Math.min(qMin, qs[j]);
        }
        double k2 = cgf.k2(c);
        double alpha = k2 / (2 * qRef);
        int m = lambda.length;
        double[] a = new double[m];
        for (int k = 0; k < m; k++) a[k] = 1 - 2 * lambda[k] * c;
        Contour contour = new Contour(lambda, a, c, alpha, qs);
        double yMax = Math.sqrt(80 / (alpha * qMin));
        double h0 = Math.min(1 / Math.sqrt(k2), Math.abs(c)) / 2;
        double[] r0 = new double[g];
        for (int j = 0; j < g; j++) r0[j] = kc - c * qs[j];
        double[] total = Math.ceil(yMax / h0) <= TRAPEZOID_START ? contour.trapezoid(yMax, h0, c > 0, r0, relTol) : null;
        if (total == null) total = panels(contour, yMax, h0, g);
        else trapezoids++;
        for (int j = 0; j < g; j++) {
            double lnP = c > 0 ? r0[j] + Math.log(total[j] / Math.PI) : Math.log1p(Math.exp(r0[j]) * total[j] / Math.PI);
            if (!(lnP <= 0)) lnP = MixtureTail.contourLogUpper(qs[j], lambda, relTol); // not a probability: own contour
            out[group.get(j)] = lnP;
        }
    }

    /**
     * The integral over [0, yMax] for every point by Gauss-Kronrod panels of doubling width from
     * h0, each point to relTol e^{-MAX_LOSS} (its cancellation costs at most e^{MAX_LOSS}).
     */
    private double[] panels(Contour contour, double yMax, double h0, int g) {
        double tol = relTol * Math.exp(-MAX_LOSS);
        double[] total = new double[g];
        double y0 = 0;
        double width = h0;
        while (y0 < yMax) {
            double y1 = Math.min(yMax, y0 + width);
            double[] part = contour.integrate(y0, y1, tol, total);
            for (int j = 0; j < g; j++) total[j] += part[j];
            y0 = y1;
            width *= 2;
        }
        return total;
    }

    /** The integrand Im[e^{K(t) - t q - (K(c) - c q)} t'(y) / t(y)] on one parabola, for every q of a group. */
    private static final class Contour {
        private final double[] lambda;
        private final double[] a;
        private final double c;
        private final double alpha;
        private final double[] q;
        /** Receives ln |prod z_k / a_k| from {@link MixtureTail#contourFactors} (a contour serves one thread). */
        private final double[] scratch = new double[1];

        Contour(double[] lambda, double[] a, double c, double alpha, double[] q) {
            this.lambda = lambda;
            this.a = a;
            this.c = c;
            this.alpha = alpha;
            this.q = q;
        }

        /** Integrand values for every q at y, into {@code f}. */
        void values(double y, double[] f) {
            double y2 = y * y;
            double arg = MixtureTail.contourFactors(a, lambda, alpha, y, scratch);
            double logMod = scratch[0];
            double tr = c + alpha * y2, ti = y;
            double den = tr * tr + ti * ti;
            double dr = 2 * alpha * y;
            double wRe = (dr * tr + ti) / den;
            double wIm = (tr - dr * ti) / den;
            double baseRe = -0.5 * logMod;
            double baseIm = -0.5 * arg;
            for (int j = 0; j < q.length; j++) {
                double amp = Math.exp(baseRe - alpha * y2 * q[j]);
                double phase = baseIm - y * q[j];
                f[j] = amp * (Math.cos(phase) * wIm + Math.sin(phase) * wRe);
            }
        }

        /**
         * int_0^yMax of the integrand for every q by the trapezoidal rule, halving the step from
         * h0 until two successive sums agree to relTol in P for every point; null when that takes
         * more than {@link #MAX_HALVINGS} halvings. The integrand is even in y (F(-y) = -conj F(y)
         * on the parabola, and only Im F is integrated) and analytic in a strip around the real
         * axis (its singularities, t = 0 and t = 1 / (2 lambda_k), lie off the axis), so the rule
         * with h/2 weight at y = 0 is the full-line trapezoid, whose error falls like
         * exp(-2 pi d / h) (d the strip's half-width): halving h squares the relative error, and
         * the difference of two successive sums bounds the coarser one's error. On most contours
         * of a large gene it needs 2-4x fewer evaluations than the adaptive panels.
         */
        double[] trapezoid(double yMax, double h0, boolean positive, double[] r0, double relTol) {
            int g = q.length;
            int n = (int) Math.ceil(yMax / h0);
            double h = yMax / n;
            double[] f = new double[g];
            double[] sum = new double[g];
            values(0, f);
            for (int j = 0; j < g; j++) sum[j] = 0.5 * f[j];
            for (int k = 1; k <= n; k++) {
                values(k * h, f);
                for (int j = 0; j < g; j++) sum[j] += f[j];
            }
            double[] prev = new double[g];
            for (int j = 0; j < g; j++) prev[j] = h * sum[j];
            double[] next = new double[g];
            for (int level = 0; level < MAX_HALVINGS; level++) {
                for (int k = 0; k < n; k++) {
                    values((k + 0.5) * h, f);
                    for (int j = 0; j < g; j++) sum[j] += f[j];
                }
                n *= 2;
                h /= 2;
                boolean all = true;
                for (int j = 0; j < g; j++) {
                    next[j] = h * sum[j];
                    double diff = Math.abs(next[j] - prev[j]);
                    // relative change of P: P = e^{r0} I / pi (c > 0) or 1 + e^{r0} I / pi (c < 0)
                    double rel = positive ? diff / Math.abs(next[j])
                            : Math.exp(r0[j]) * diff / Math.PI / Math.max(1e-300, 1 + Math.exp(r0[j]) * next[j] / Math.PI);
                    all &= rel <= relTol;
                }
                if (all) return next;
                double[] t = prev;
                prev = next;
                next = t;
            }
            return null;
        }

        /**
         * The integral over [y0, y1] for every q, each to max(tol |I_j|, tol 1e-3 |total_j|):
         * Gauss-Kronrod 7-15 on a stack of intervals, bisecting those where any point misses it.
         */
        double[] integrate(double y0, double y1, double tol, double[] total) {
            int g = q.length;
            double[] sum = new double[g];
            double[][] stack = new double[MAX_INTERVALS + 1][];
            int top = 0;
            stack[top++] = new double[]{y0, y1};
            int used = 1;
            double[] res = new double[g];
            double[] err = new double[g];
            double[] fa = new double[g];
            double[] fb = new double[g];
            while (top > 0) {
                double[] iv = stack[--top];
                gk15(iv[0], iv[1], res, err, fa, fb);
                boolean ok = true;
                for (int j = 0; j < g && ok; j++) {
                    double bar = Math.max(tol * Math.abs(res[j]), tol * 1e-3 * Math.abs(total[j])) + 1e-300;
                    if (!(err[j] <= bar)) ok = false;
                }
                double mid = 0.5 * (iv[0] + iv[1]);
                if (ok || used + 1 > MAX_INTERVALS || !(mid > iv[0] && mid < iv[1])) {
                    for (int j = 0; j < g; j++) sum[j] += res[j];
                    continue;
                }
                stack[top++] = new double[]{iv[0], mid};
                stack[top++] = new double[]{mid, iv[1]};
                used++;
            }
            return sum;
        }

        private void gk15(double lo, double hi, double[] res, double[] err, double[] f1, double[] f2) {
            int g = q.length;
            double mid = 0.5 * (lo + hi);
            double half = 0.5 * (hi - lo);
            double[] resG = new double[g];
            values(mid, f1);
            for (int j = 0; j < g; j++) {
                res[j] = f1[j] * Quadrature.WGK[7];
                resG[j] = f1[j] * Quadrature.WG[3];
            }
            for (int i = 0; i < 7; i++) {
                double x = half * Quadrature.XGK[i];
                values(mid - x, f1);
                values(mid + x, f2);
                for (int j = 0; j < g; j++) {
                    double s = f1[j] + f2[j];
                    res[j] += Quadrature.WGK[i] * s;
                    if (i % 2 == 1) resG[j] += Quadrature.WG[i / 2] * s;
                }
            }
            for (int j = 0; j < g; j++) {
                err[j] = Math.abs((res[j] - resG[j]) * half);
                res[j] *= half;
            }
        }
    }
}
