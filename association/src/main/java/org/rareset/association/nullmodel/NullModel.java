package org.rareset.association.nullmodel;

import org.rareset.association.regression.FitRules;
import org.rareset.association.regression.LogisticFit;
import org.rareset.association.regression.LogisticRegression;
import org.rareset.association.regression.Penalty;
import org.rareset.association.regression.ScaledCholesky;
import org.rareset.association.regression.SingularMatrixException;
import org.rareset.core.InputException;

import java.util.Arrays;

/**
 * The covariate-only model of one trait, fitted once and shared (read-only, thread-safe) by every
 * gene tested against that trait.
 *
 * <p>Quantitative traits: ordinary least squares on X = [1, covariates] (the caller includes the
 * intercept column), residuals r = y - Xb, sigma^2 = RSS / (n - p), working weights W = 1.
 * Binary traits: logistic regression by Newton/IRLS to the maximum-likelihood estimate (no
 * small-sample adjustment), residuals r = y - mu, W = diag(mu (1 - mu)), sigma^2 = 1.
 * An optional offset (e.g. REGENIE step-1 LOCO predictions) is subtracted from y (linear) or added
 * to the linear predictor (logistic).
 *
 * <p>To keep per-gene work proportional to the number of carriers, the model keeps (X'WX)^-1 and
 * the rows of X; {@link #xtw(int[], double[], double[])} forms X'W g by walking only the non-zero
 * entries of a genotype column g. The projected covariance of two columns is then
 * g'Wh - (X'Wg)' (X'WX)^-1 (X'Wh) (see {@link #projectedCovariance}).
 */
public final class NullModel implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    /** Relative pivot below which a covariate column is declared collinear with the others (as in the logistic fit). */
    static final double COLLINEAR_TOLERANCE = FitRules.MAXIMUM_LIKELIHOOD.pivotTolerance();

    private final TraitType type;
    private final int n;
    private final int p;
    private final double[][] x;          // n rows of p covariates (intercept included by the caller)
    private final double[] y;
    private final double[] offset;       // zeros when none
    private final double[] coefficients;
    private final double[] fitted;       // mu (logistic) or Xb + offset (linear)
    private final double[] residuals;    // y - fitted
    private final double[] weights;      // W
    private final double[][] xtwxInverse;
    private final double sigma2;
    private final int iterations;

    private NullModel(TraitType type, double[][] x, double[] y, double[] offset, double[] coefficients,
                      double[] fitted, double[] weights, double[][] xtwxInverse, double sigma2, int iterations) {
        this.type = type;
        this.n = y.length;
        this.p = x[0].length;
        this.x = new double[x.length][];
        for (int i = 0; i < x.length; i++) this.x[i] = x[i].clone(); // immutable: callers may reuse their arrays
        this.y = y.clone();
        this.offset = offset;
        this.coefficients = coefficients;
        this.fitted = fitted;
        this.weights = weights;
        this.xtwxInverse = xtwxInverse;
        this.sigma2 = sigma2;
        this.iterations = iterations;
        this.residuals = new double[n];
        for (int i = 0; i < n; i++) residuals[i] = y[i] - fitted[i];
    }

    /** Linear null model without offset. {@code x} holds one row per sample, intercept included. */
    public static NullModel linear(double[] y, double[][] x) {
        return linear(y, x, null);
    }

    /**
     * Linear null model: OLS of y - offset on X, sigma^2 = RSS / (n - p).
     *
     * @param offset per-sample offset (REGENIE LOCO prediction) or null
     * @throws InputException if the covariates are collinear, the trait is constant after
     *                        adjustment, there are no more samples than covariates, or a value is not finite
     */
    public static NullModel linear(double[] y, double[][] x, double[] offset) {
        double[] off = checkInputs(y, x, offset);
        int n = y.length;
        int p = x[0].length;
        double tss = 0;
        double mean = 0;
        boolean constant = true;
        for (double v : y) {
            mean += v / n;
            constant &= v == y[0];
        }
        for (double v : y) tss += (v - mean) * (v - mean);
        if (constant) {
            throw new InputException("phenotype", null, "the trait is constant (" + y[0] + " in all " + n + " samples)",
                    "check the trait column and its missing-value code");
        }
        double[] w = new double[n];
        Arrays.fill(w, 1.0);
        double[][] inv = weightedGramInverse(x, w);
        double[] xty = new double[p];
        for (int i = 0; i < n; i++) {
            double yi = y[i] - off[i];
            for (int a = 0; a < p; a++) xty[a] += x[i][a] * yi;
        }
        double[] b = multiply(inv, xty);
        double[] fitted = new double[n];
        double rss = 0;
        for (int i = 0; i < n; i++) {
            double f = off[i];
            for (int a = 0; a < p; a++) f += x[i][a] * b[a];
            fitted[i] = f;
            double r = y[i] - f;
            rss += r * r;
        }
        double s2 = rss / (n - p);
        if (!(rss > 1e-20 * tss)) {
            throw new InputException("phenotype", null, "the trait has no variance left after adjusting for the covariates",
                    "check that the trait is not constant or fully explained by covariates");
        }
        return new NullModel(TraitType.QUANTITATIVE, x, y, off, b, fitted, w, inv, s2, 1);
    }

    /** Logistic null model without offset; y must be 0/1. */
    public static NullModel logistic(double[] y, double[][] x) {
        return logistic(y, x, null);
    }

    /**
     * Logistic null model: the maximum-likelihood fit of {@link LogisticRegression} under
     * {@link FitRules#MAXIMUM_LIKELIHOOD} (Newton-Raphson/IRLS with step halving, at most 100 steps,
     * converged when no coefficient moves by 1e-10, |b| <= 50), W = diag(mu (1 - mu)) and (X'WX)^-1 at
     * the estimate.
     *
     * @param offset per-sample offset on the logit scale (REGENIE LOCO prediction) or null
     * @throws InputException if y is not 0/1, has no cases or no controls, the covariates are
     *                        collinear, or the fit does not converge (e.g. complete separation)
     */
    public static NullModel logistic(double[] y, double[][] x, double[] offset) {
        double[] off = checkInputs(y, x, offset);
        int n = y.length;
        int cases = 0;
        for (double v : y) {
            if (v == 1.0) cases++;
            else if (v != 0.0) {
                throw new InputException("phenotype", null, "binary trait value " + v + " is not 0 or 1",
                        "code cases as 1 and controls as 0, or analyse the trait as quantitative");
            }
        }
        if (cases == 0 || cases == n) {
            throw new InputException("phenotype", null, "binary trait has " + (cases == 0 ? "no cases" : "no controls"),
                    "a binary trait needs both cases (1) and controls (0)");
        }
        LogisticFit fit;
        double[][] inv;
        try {
            fit = new LogisticRegression(y, x, off).fit(Penalty.NONE, FitRules.MAXIMUM_LIKELIHOOD);
            if (!fit.converged()) {
                throw new InputException("phenotype", null, "the logistic null model did not converge after " + fit.iterations()
                        + " iterations (separation by a covariate?)", "check covariates that perfectly predict case status");
            }
            inv = fit.covariance();
        } catch (SingularMatrixException e) {
            throw collinear(e);
        }
        return new NullModel(TraitType.BINARY, x, y, off, fit.coefficients(), fit.fitted(), fit.weights(), inv, 1.0,
                fit.iterations());
    }

    private static double[] checkInputs(double[] y, double[][] x, double[] offset) {
        int n = y.length;
        if (x.length != n) throw new IllegalArgumentException("covariate rows " + x.length + " != samples " + n);
        if (n == 0 || x[0].length == 0) throw new IllegalArgumentException("empty design");
        int p = x[0].length;
        if (n <= p) {
            throw new InputException("phenotype", null, "only " + n + " samples for " + p + " covariates",
                    "use more samples or fewer covariates");
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(y[i])) {
                throw new InputException("phenotype", "sample index " + i, "trait value " + y[i] + " is not finite",
                        "mark missing values as NA");
            }
            if (x[i].length != p) throw new IllegalArgumentException("ragged covariate matrix at row " + i);
            for (int a = 0; a < p; a++) {
                if (!Double.isFinite(x[i][a])) {
                    throw new InputException("covariates", "sample index " + i, "covariate " + a + " is " + x[i][a],
                            "mark missing values as NA");
                }
            }
        }
        if (offset == null) return new double[n];
        if (offset.length != n) throw new IllegalArgumentException("offset length " + offset.length + " != " + n);
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(offset[i])) {
                throw new InputException("predictions", "sample index " + i, "offset " + offset[i] + " is not finite",
                        "check the step-1 prediction file");
            }
        }
        return offset.clone();
    }

    /** (X'WX)^-1 by a Cholesky factorisation scaled to unit diagonal; collinear covariates are a user error. */
    private static double[][] weightedGramInverse(double[][] x, double[] w) {
        double[][] g = LogisticRegression.weightedGram(x, w);
        try {
            return new ScaledCholesky(g, COLLINEAR_TOLERANCE).inverse();
        } catch (SingularMatrixException e) {
            throw collinear(e);
        }
    }

    /** The user error for a singular (X'WX): names the covariate and what to do. */
    private static InputException collinear(SingularMatrixException e) {
        int i = e.column();
        if (e.zeroDiagonal()) {
            return new InputException("covariates", null, "covariate " + i + " is constant zero (or has zero weight)",
                    "remove covariates without variation");
        }
        return new InputException("covariates", null, "covariate " + i
                + " is collinear with the previous covariates (or constant)",
                "remove redundant covariates, e.g. a constant column besides the intercept");
    }

    private static double[] multiply(double[][] m, double[] v) {
        double[] out = new double[m.length];
        for (int a = 0; a < m.length; a++) {
            double s = 0;
            for (int c = 0; c < v.length; c++) s += m[a][c] * v[c];
            out[a] = s;
        }
        return out;
    }

    public TraitType type() { return type; }

    /** Number of analysed samples. */
    public int sampleCount() { return n; }

    /** Number of covariates, intercept included. */
    public int covariateCount() { return p; }

    /** sigma^2 = RSS / (n - p) for a quantitative trait, 1 for a binary trait. */
    public double sigma2() { return sigma2; }

    /** Null-model coefficients (copy). */
    public double[] coefficients() { return coefficients.clone(); }

    /** IRLS iterations used (1 for the linear model). */
    public int iterations() { return iterations; }

    /** Residual y_i - fitted_i of sample i (not standardised). */
    public double residual(int i) { return residuals[i]; }

    /** Working weight W_i: 1 (linear) or mu_i (1 - mu_i) (logistic). */
    public double weight(int i) { return weights[i]; }

    /** Fitted value: mu_i (logistic) or x_i'b + offset_i (linear). */
    public double fitted(int i) { return fitted[i]; }

    /** Trait value of sample i. */
    public double y(int i) { return y[i]; }

    /** Offset of sample i (0 without offset). */
    public double offset(int i) { return offset[i]; }

    /** Covariate a of sample i (read-only view). */
    public double covariate(int i, int a) { return x[i][a]; }

    /** Copy of the residuals. */
    public double[] residuals() { return residuals.clone(); }

    /**
     * Factor turning a score U = g'r into its standardised form: 1/sigma for a quantitative
     * trait (so that Var(U/sigma) = g'Pg), 1 for a binary trait.
     */
    public double scoreScale() {
        return type == TraitType.QUANTITATIVE ? 1.0 / Math.sqrt(sigma2) : 1.0;
    }

    /**
     * X'W g for a sparse column g (entries {@code values[k]} at samples {@code samples[k]}),
     * accumulated into {@code out} (length p, overwritten). Cost O(nnz * p).
     */
    public void xtw(int[] samples, double[] values, double[] out) {
        Arrays.fill(out, 0.0);
        for (int k = 0; k < samples.length; k++) {
            int i = samples[k];
            double v = values[k] * weights[i];
            double[] row = x[i];
            for (int a = 0; a < p; a++) out[a] += v * row[a];
        }
    }

    /** a' (X'WX)^-1 b for p-vectors a and b. */
    public double projectedCovariance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < p; i++) {
            double t = 0;
            double[] row = xtwxInverse[i];
            for (int c = 0; c < p; c++) t += row[c] * b[c];
            s += a[i] * t;
        }
        return s;
    }

    /** (X'WX)^-1 v. */
    public double[] solveGram(double[] v) {
        return multiply(xtwxInverse, v);
    }
}
