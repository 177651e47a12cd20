package org.rareset.association.regression;

import java.util.Arrays;

/**
 * The one logistic-regression fitter of the project: logit P(y_i = 1) = offset_i + x_i'b, fitted by
 * Newton-Raphson (for the canonical logit link this is IRLS / Fisher scoring) on the objective
 * l*(b) = l(b) + pen(b), with
 * l(b) = sum_i [y_i eta_i - log(1 + e^eta_i)] evaluated as -log(1 + e^-eta) or -log(1 + e^eta) so it
 * stays finite for extreme eta. The penalty is a strategy ({@link Penalty}: none, Firth, ridge), the
 * iteration and stopping rules another ({@link FitRules}); the tests built on fits (Wald,
 * likelihood ratio, Firth) are strategies of {@link LogisticTest}.
 *
 * <p>Some coordinates may be held at their start value ({@code free[a] == false}): a Newton step then
 * solves only the free block, d_F = H_FF^-1 g_F. This gives the restricted fits of likelihood-ratio
 * tests (tested coefficient fixed at 0, the penalty still on the full design as in logistf).
 *
 * <p>Cost: O(n k^2) per accepted point (X'WX) plus O(n k) per trial point; Firth adds O(n k^2) for the
 * leverages at every trial. The design is dense ({@code x[i]} has k entries); callers that test many
 * genes use sparse score tests and call this only for the null model or for the few genes that need it.
 */
public final class LogisticRegression {
    private final double[] y;
    private final double[][] x;
    private final double[] offset;

    /**
     * @param y      0/1 outcomes (not checked: the caller validates its inputs)
     * @param x      n design rows of k columns, intercept included by the caller; not copied, not modified
     * @param offset logit-scale offset per sample, or null for none
     */
    public LogisticRegression(double[] y, double[][] x, double[] offset) {
        if (x.length != y.length) throw new IllegalArgumentException("design rows " + x.length + " != outcomes " + y.length);
        if (y.length == 0 || x[0].length == 0) throw new IllegalArgumentException("empty design");
        if (offset != null && offset.length != y.length) throw new IllegalArgumentException("offset length " + offset.length + " != " + y.length);
        this.y = y;
        this.x = x;
        this.offset = offset;
    }

    /** Number of design columns k. */
    public int columnCount() {
        return x[0].length;
    }

    /** Fits every coefficient from b = 0. */
    public LogisticFit fit(Penalty penalty, FitRules rules) {
        return fit(penalty, rules, new double[columnCount()], null);
    }

    /**
     * Maximises l*(b) from {@code start}.
     *
     * @param free which coordinates move (null = all); the others keep their start value
     * A Newton matrix that is singular at the start point is thrown; one that turns singular later
     * (weights mu (1 - mu) rounded to 0 for the samples of a column, which is what separation does)
     * ends the fit as not converged at the last good point.
     *
     * @throws SingularMatrixException when the Newton matrix at {@code start} is not positive definite
     */
    public LogisticFit fit(Penalty penalty, FitRules rules, double[] start, boolean[] free) {
        int k = columnCount();
        if (start.length != k) throw new IllegalArgumentException("start has " + start.length + " entries for " + k + " columns");
        return fit(new Point(penalty, rules, start.clone()), free);
    }

    /**
     * Maximises l*(b) from where {@code previous} (a fit of this design) ended, under its penalty and
     * rules, with other coordinates free: the same as {@link #fit(Penalty, FitRules, double[], boolean[])}
     * from {@code previous.coefficients()}, without evaluating that point again (its mu, Newton matrix
     * and gradient are kept). A likelihood-ratio test starts its full fit from the restricted one so.
     */
    public LogisticFit continueFit(LogisticFit previous, boolean[] free) {
        if (previous.point().owner() != this) throw new IllegalArgumentException("a fit of another design");
        return fit(previous.point(), free);
    }

    private LogisticFit fit(Point s, boolean[] free) {
        int k = columnCount();
        Penalty penalty = s.penalty;
        FitRules rules = s.rules;
        int[] freeIndex = freeIndex(free, k);
        s.newtonFactor(); // singular at the start: a property of the design (collinear or zero columns), thrown
        int it = 0;
        boolean converged = false;
        while (it < rules.maxIterations()) {
            it++;
            double[] step;
            try {
                step = s.newtonStep(freeIndex);
            } catch (SingularMatrixException e) {
                break; // weights vanished on the way (mu rounded to 0 or 1): separation, the fit has not converged
            }
            double largest = 0;
            for (double v : step) largest = Math.max(largest, Math.abs(v));
            if (largest > rules.maxStep()) {
                for (int a = 0; a < k; a++) step[a] *= rules.maxStep() / largest;
            }
            Point next = null;
            double scale = 1.0;
            for (int h = 0; h < rules.maxHalvings(); h++) {
                double[] b = s.b.clone();
                for (int a = 0; a < k; a++) b[a] += scale * step[a];
                try {
                    next = new Point(penalty, rules, b);
                } catch (SingularMatrixException e) {
                    next = null; // Firth's penalty at a trial point whose weights vanished
                    break;
                }
                if (next.objective() >= s.objective() - 1e-12 * Math.abs(s.objective())) break;
                scale /= 2;
            }
            if (next == null) break; // the trial point could not be evaluated: not converged
            double moved = 0;
            for (int a = 0; a < k; a++) moved = Math.max(moved, Math.abs(next.b[a] - s.b[a]));
            s = next;
            if (moved < rules.stepTolerance()
                    && (rules.scoreTolerance() == Double.POSITIVE_INFINITY || s.largestFreeGradient(freeIndex) < rules.scoreTolerance())) {
                converged = true;
                break;
            }
        }
        for (double v : s.b) {
            if (!Double.isFinite(v) || Math.abs(v) > rules.maxAbsCoefficient()) converged = false;
        }
        return new LogisticFit(s, it, converged);
    }

    private static int[] freeIndex(boolean[] free, int k) {
        if (free == null) {
            int[] all = new int[k];
            for (int a = 0; a < k; a++) all[a] = a;
            return all;
        }
        if (free.length != k) throw new IllegalArgumentException("free has " + free.length + " entries for " + k + " columns");
        int[] idx = new int[k];
        int m = 0;
        for (int a = 0; a < k; a++) if (free[a]) idx[m++] = a;
        return Arrays.copyOf(idx, m);
    }

    static double log1pExp(double t) {
        return t > 35 ? t : Math.log1p(Math.exp(t));
    }

    /**
     * The model at one coefficient vector: mu, weights and l(b) at once (O(n k)); the Newton matrix,
     * its factorisation and the gradient when first asked for (accepted points, or Firth's penalty).
     */
    final class Point {
        final double[] b;
        private final Penalty penalty;
        private final FitRules rules;
        private final double[] mu;
        private final double[] w;
        private final double logLikelihood;
        private final double objective;
        private double[][] newton;
        private ScaledCholesky factor;
        private double[] gradient;

        Point(Penalty penalty, FitRules rules, double[] b) {
            this.b = b;
            this.penalty = penalty;
            this.rules = rules;
            int n = y.length;
            mu = new double[n];
            w = new double[n];
            double ll = 0;
            int k = b.length;
            // a row ending in 0 skips that term: 0 * b adds an exact zero (b finite)
            boolean skipZeroLast = Double.isFinite(b[k - 1]);
            for (int i = 0; i < n; i++) {
                double eta = offset == null ? 0 : offset[i];
                double[] row = x[i];
                int end = skipZeroLast && row[k - 1] == 0.0 ? k - 1 : k;
                for (int a = 0; a < end; a++) eta += row[a] * b[a];
                double m = 1.0 / (1.0 + Math.exp(-eta));
                mu[i] = m;
                w[i] = Math.max(m * (1 - m), rules.weightFloor());
                ll += y[i] == 1.0 ? -log1pExp(-eta) : -log1pExp(eta);
            }
            logLikelihood = ll;
            objective = ll + penalty.value(this);
        }

        double objective() {
            return objective;
        }

        double logLikelihood() {
            return logLikelihood;
        }

        int sampleCount() {
            return y.length;
        }

        LogisticRegression owner() {
            return LogisticRegression.this;
        }

        double[] row(int i) {
            return x[i];
        }

        double fitted(int i) {
            return mu[i];
        }

        double weight(int i) {
            return w[i];
        }

        double[] fitted() {
            return mu;
        }

        double[] weights() {
            return w;
        }

        double[] coefficients() {
            return b;
        }

        /** Factor of the Newton matrix X'WX (+ the penalty's part), computed once. */
        ScaledCholesky newtonFactor() {
            if (factor == null) factor = new ScaledCholesky(newtonMatrix(), rules.pivotTolerance());
            return factor;
        }

        /** X'WX plus the penalty's part, computed once (do not modify). */
        double[][] newtonMatrix() {
            if (newton == null) newton = computeNewtonMatrix();
            return newton;
        }

        private double[][] computeNewtonMatrix() {
            double[][] g = weightedGram(x, w);
            penalty.addToNewtonMatrix(g);
            return g;
        }

        /** Gradient of l*: X'(y - mu) + grad pen. */
        double[] gradient() {
            if (gradient == null) {
                int k = b.length;
                double[] g = new double[k];
                for (int i = 0; i < y.length; i++) {
                    double r = y[i] - mu[i];
                    double[] row = x[i];
                    int end = row[k - 1] == 0.0 ? k - 1 : k; // an exact zero term left out
                    for (int a = 0; a < end; a++) g[a] += row[a] * r;
                }
                penalty.addToGradient(this, g);
                gradient = g;
            }
            return gradient;
        }

        double largestFreeGradient(int[] freeIndex) {
            double m = 0;
            double[] g = gradient();
            for (int a : freeIndex) m = Math.max(m, Math.abs(g[a]));
            return m;
        }

        /** Newton step on the free coordinates (zeros elsewhere). */
        double[] newtonStep(int[] freeIndex) {
            int k = b.length;
            double[] g = gradient();
            double[] step = new double[k];
            if (freeIndex.length == k) return newtonFactor().solve(g);
            double[][] full = newtonMatrix();
            int m = freeIndex.length;
            double[][] block = new double[m][m];
            double[] rhs = new double[m];
            for (int a = 0; a < m; a++) {
                rhs[a] = g[freeIndex[a]];
                for (int c = 0; c < m; c++) block[a][c] = full[freeIndex[a]][freeIndex[c]];
            }
            double[] d;
            try {
                d = new ScaledCholesky(block, rules.pivotTolerance()).solve(rhs);
            } catch (SingularMatrixException e) {
                throw e.inColumn(freeIndex[e.column()]);
            }
            for (int a = 0; a < m; a++) step[freeIndex[a]] = d[a];
            return step;
        }
    }

    /**
     * X'WX for rows {@code x} and weights {@code w}: the lower triangle accumulated, then mirrored.
     * A row whose last entry is 0 (a tested column's non-carrier) adds nothing to the last row of
     * the triangle, which is then skipped: the sums are the same doubles.
     */
    public static double[][] weightedGram(double[][] x, double[] w) {
        int p = x[0].length;
        double[][] g = new double[p][p];
        int n = x.length;
        int i = 0;
        // four rows at a time when all four end in 0 or none does: each cell then takes the four
        // terms in row order, as one row at a time would, with one load and store of the cell
        for (; i + 3 < n; i += 4) {
            double[] r0 = x[i], r1 = x[i + 1], r2 = x[i + 2], r3 = x[i + 3];
            boolean z0 = r0[p - 1] == 0.0;
            if (z0 != (r1[p - 1] == 0.0) || z0 != (r2[p - 1] == 0.0) || z0 != (r3[p - 1] == 0.0)) {
                for (int q = i; q < i + 4; q++) addToGram(g, x[q], w[q]);
                continue;
            }
            double w0 = w[i], w1 = w[i + 1], w2 = w[i + 2], w3 = w[i + 3];
            int end = z0 ? p - 1 : p;
            for (int a = 0; a < end; a++) {
                double a0 = r0[a] * w0, a1 = r1[a] * w1, a2 = r2[a] * w2, a3 = r3[a] * w3;
                double[] ga = g[a];
                for (int c = 0; c <= a; c++) ga[c] = ga[c] + a0 * r0[c] + a1 * r1[c] + a2 * r2[c] + a3 * r3[c];
            }
        }
        for (; i < n; i++) addToGram(g, x[i], w[i]);
        for (int a = 0; a < p; a++) for (int c = 0; c < a; c++) g[c][a] = g[a][c];
        return g;
    }

    /** Adds w x x' (lower triangle) of one row; a row ending in 0 skips the last row of the triangle. */
    private static void addToGram(double[][] g, double[] row, double wi) {
        int p = row.length;
        int end = row[p - 1] == 0.0 ? p - 1 : p;
        for (int a = 0; a < end; a++) {
            double ra = row[a] * wi;
            for (int c = 0; c <= a; c++) g[a][c] += ra * row[c];
        }
    }
}
