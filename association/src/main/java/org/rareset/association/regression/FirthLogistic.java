package org.rareset.association.regression;

import org.rareset.association.pvalue.ChiSquare;

/**
 * Firth (1993) penalised logistic regression: maximises l(b) + 0.5 log|X'WX| (Jeffreys prior on the
 * full design), by Newton steps on the modified score sum_i (y_i - mu_i + h_i (0.5 - mu_i)) x_i
 * (h the leverages of W^1/2 X) with step halving on the penalised log-likelihood and a step cap,
 * as R logistf does. The likelihood-ratio test of one coefficient compares the penalised
 * likelihood with that coefficient fixed at 0 (same full-design penalty, logistf's and REGENIE's
 * exact Firth), chi2_1. Dense O(n k^2) per iteration: meant for the few genes below a p threshold.
 */
public final class FirthLogistic {
    private static final int MAX_ITERATIONS = 200;
    private static final int MAX_HALVINGS = 30;
    private static final double MAX_STEP = 5.0;
    private static final double TOLERANCE = 1e-9;

    private FirthLogistic() {}

    /**
     * Fit of the tested coefficient.
     *
     * @param beta       Firth estimate of the tested coefficient
     * @param se         Wald SE from the inverse penalised-model information at the estimate
     * @param log10PLrt  log10 p of the penalised likelihood-ratio test (chi2_1)
     * @param converged  whether both fits converged
     */
    public record Fit(double beta, double se, double log10PLrt, boolean converged) {}

    /**
     * Tests the last column of the design [X, b].
     *
     * @param y      0/1 outcome
     * @param x      covariates (n x p, intercept included)
     * @param tested the tested variable (e.g. a weighted burden), length n
     * @param offset logit-scale offset or null
     */
    public static Fit test(double[] y, double[][] x, double[] tested, double[] offset) {
        return test(y, x, tested, offset, null);
    }

    /**
     * As {@link #test(double[], double[][], double[], double[])}, starting both fits from the given
     * covariate coefficients (e.g. the unpenalised null model's, which saves iterations on large n).
     */
    public static Fit test(double[] y, double[][] x, double[] tested, double[] offset, double[] startCovariates) {
        int n = y.length;
        int p = x[0].length;
        int k = p + 1;
        double[][] design = new double[n][k];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x[i], 0, design[i], 0, p);
            design[i][p] = tested[i];
        }
        double[] off = offset == null ? new double[n] : offset;
        boolean[] allFree = new boolean[k];
        java.util.Arrays.fill(allFree, true);
        boolean[] nullFree = allFree.clone();
        nullFree[p] = false;
        double[] start = new double[k];
        if (startCovariates != null) System.arraycopy(startCovariates, 0, start, 0, p);
        State restricted = fit(y, design, off, nullFree, start);
        State full = fit(y, design, off, allFree, restricted.b);
        double lrt = Math.max(0, 2 * (full.penalisedLogLik - restricted.penalisedLogLik));
        double se = Math.sqrt(full.covariance[p][p]);
        return new Fit(full.b[p], se, ChiSquare.log10Upper(lrt, 1), full.converged && restricted.converged);
    }

    /** Fitted state: coefficients, penalised log-likelihood, inverse information. */
    private static final class State {
        double[] b;
        double penalisedLogLik;
        double[][] covariance;
        double[] modifiedScore;
        boolean converged;
    }

    private static State fit(double[] y, double[][] design, double[] off, boolean[] free, double[] start) {
        State s = evaluate(y, design, off, start.clone());
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double[] step = freeStep(s, free);
            double maxAbs = 0;
            for (double d : step) maxAbs = Math.max(maxAbs, Math.abs(d));
            if (maxAbs > MAX_STEP) {
                for (int a = 0; a < step.length; a++) step[a] *= MAX_STEP / maxAbs;
            }
            double scale = 1.0;
            State next = null;
            for (int h = 0; h < MAX_HALVINGS; h++) {
                double[] b = s.b.clone();
                for (int a = 0; a < b.length; a++) b[a] += scale * step[a];
                next = evaluate(y, design, off, b);
                if (next.penalisedLogLik >= s.penalisedLogLik - 1e-12 * Math.abs(s.penalisedLogLik)) break;
                scale /= 2;
            }
            double change = 0;
            for (int a = 0; a < step.length; a++) change = Math.max(change, Math.abs(scale * step[a]));
            s = next;
            double scoreMax = 0;
            for (int a = 0; a < free.length; a++) if (free[a]) scoreMax = Math.max(scoreMax, Math.abs(s.modifiedScore[a]));
            if (change < TOLERANCE && scoreMax < 1e-6) {
                s.converged = true;
                return s;
            }
        }
        return s;
    }

    /** Newton step on the free coordinates: (I_FF)^-1 U*_F. */
    private static double[] freeStep(State s, boolean[] free) {
        int k = free.length;
        int nf = 0;
        for (boolean f : free) if (f) nf++;
        int[] idx = new int[nf];
        for (int a = 0, j = 0; a < k; a++) if (free[a]) idx[j++] = a;
        // information restricted to the free block = inverse of the full covariance's ... use the information directly
        double[][] info = inverse(s.covariance);
        double[][] block = new double[nf][nf];
        double[] rhs = new double[nf];
        for (int a = 0; a < nf; a++) {
            rhs[a] = s.modifiedScore[idx[a]];
            for (int c = 0; c < nf; c++) block[a][c] = info[idx[a]][idx[c]];
        }
        double[] d = solve(block, rhs);
        double[] step = new double[k];
        for (int a = 0; a < nf; a++) step[idx[a]] = d[a];
        return step;
    }

    private static State evaluate(double[] y, double[][] design, double[] off, double[] b) {
        int n = y.length;
        int k = b.length;
        double[] mu = new double[n];
        double[] w = new double[n];
        double ll = 0;
        double[][] info = new double[k][k];
        for (int i = 0; i < n; i++) {
            double eta = off[i];
            for (int a = 0; a < k; a++) eta += design[i][a] * b[a];
            double m = 1 / (1 + Math.exp(-eta));
            mu[i] = m;
            w[i] = m * (1 - m);
            ll += y[i] == 1.0 ? -log1pExp(-eta) : -log1pExp(eta);
            double[] row = design[i];
            for (int a = 0; a < k; a++) {
                double ra = row[a] * w[i];
                for (int c = 0; c <= a; c++) info[a][c] += ra * row[c];
            }
        }
        for (int a = 0; a < k; a++) for (int c = 0; c < a; c++) info[c][a] = info[a][c];
        double[][] cov = inverse(info);
        double logDet = logDet(info);
        double[] score = new double[k];
        for (int i = 0; i < n; i++) {
            double[] row = design[i];
            double h = 0;
            for (int a = 0; a < k; a++) {
                double t = 0;
                for (int c = 0; c < k; c++) t += cov[a][c] * row[c];
                h += row[a] * t;
            }
            h *= w[i];
            double r = y[i] - mu[i] + h * (0.5 - mu[i]);
            for (int a = 0; a < k; a++) score[a] += r * row[a];
        }
        State s = new State();
        s.b = b;
        s.penalisedLogLik = ll + 0.5 * logDet;
        s.covariance = cov;
        s.modifiedScore = score;
        return s;
    }

    private static double log1pExp(double t) {
        return t > 35 ? t : Math.log1p(Math.exp(t));
    }

    /** Cholesky-based inverse of a symmetric positive-definite matrix. */
    static double[][] inverse(double[][] a) {
        int k = a.length;
        double[][] l = cholesky(a);
        double[][] inv = new double[k][k];
        for (int col = 0; col < k; col++) {
            double[] e = new double[k];
            e[col] = 1;
            double[] x = cholSolve(l, e);
            for (int r = 0; r < k; r++) inv[r][col] = x[r];
        }
        return inv;
    }

    private static double logDet(double[][] a) {
        double[][] l = cholesky(a);
        double s = 0;
        for (int i = 0; i < a.length; i++) s += 2 * Math.log(l[i][i]);
        return s;
    }

    private static double[] solve(double[][] a, double[] b) {
        return cholSolve(cholesky(a), b);
    }

    private static double[][] cholesky(double[][] a) {
        int k = a.length;
        double[][] l = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int m = 0; m < j; m++) s -= l[i][m] * l[j][m];
                if (i == j) {
                    if (!(s > 0)) throw new ArithmeticException("information matrix not positive definite");
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return l;
    }

    private static double[] cholSolve(double[][] l, double[] b) {
        int k = b.length;
        double[] z = new double[k];
        for (int i = 0; i < k; i++) {
            double s = b[i];
            for (int m = 0; m < i; m++) s -= l[i][m] * z[m];
            z[i] = s / l[i][i];
        }
        double[] x = new double[k];
        for (int i = k - 1; i >= 0; i--) {
            double s = z[i];
            for (int m = i + 1; m < k; m++) s -= l[m][i] * x[m];
            x[i] = s / l[i][i];
        }
        return x;
    }
}
