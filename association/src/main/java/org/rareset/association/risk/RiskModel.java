package org.rareset.association.risk;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.rareset.association.regression.FitRules;
import org.rareset.association.regression.LogisticRegression;
import org.rareset.association.regression.Penalty;
import org.rareset.association.regression.SingularMatrixException;

/**
 * A fitted predictor of a trait from features (covariates plus gene impairment scores): least squares
 * for a quantitative trait, logistic regression by IRLS for a binary one. Features are standardised
 * with the training means and SDs; an intercept is added. The prediction is the expected trait (QT) or
 * the probability of being a case (BT).
 */
public final class RiskModel {
    /** A tiny ridge keeps the normal equations solvable when a feature is constant or separation occurs. */
    static final double RIDGE = 1e-8;
    static final int MAX_ITER = 50;
    static final double TOL = 1e-10;
    /**
     * A predictor, not a test: at most {@link #MAX_ITER} full IRLS steps (no halving, no cap) until no
     * coefficient moves by {@link #TOL}, weights floored at 1e-10, no separation check (the ridge keeps
     * the coefficients finite).
     */
    static final FitRules IRLS_RULES = new FitRules(MAX_ITER, 1, Double.POSITIVE_INFINITY, TOL, Double.POSITIVE_INFINITY,
            Double.POSITIVE_INFINITY, 1e-10, 1e-14);

    private final boolean binary;
    private final double[] mean;
    private final double[] sd;
    private final double[] coef; // intercept first, then standardised features

    private RiskModel(boolean binary, double[] mean, double[] sd, double[] coef) {
        this.binary = binary;
        this.mean = mean;
        this.sd = sd;
        this.coef = coef;
    }

    /** Fits on rows {@code x[i]} (n x p) with outcomes {@code y[i]} (0/1 when binary). */
    public static RiskModel fit(double[][] x, double[] y, boolean binary) {
        int n = x.length;
        int p = n == 0 ? 0 : x[0].length;
        if (n <= p + 1) throw new IllegalArgumentException("need more training samples (" + n + ") than features + 1 (" + (p + 1) + ")");
        double[] mean = new double[p];
        double[] sd = new double[p];
        for (int j = 0; j < p; j++) {
            double s = 0, ss = 0;
            for (double[] r : x) s += r[j];
            mean[j] = s / n;
            for (double[] r : x) ss += (r[j] - mean[j]) * (r[j] - mean[j]);
            sd[j] = Math.sqrt(ss / Math.max(1, n - 1));
            if (!(sd[j] > 0)) sd[j] = 1; // constant feature: its coefficient is shrunk to ~0 by the ridge
        }
        double[][] z = new double[n][p + 1];
        for (int i = 0; i < n; i++) {
            z[i][0] = 1;
            for (int j = 0; j < p; j++) z[i][j + 1] = (x[i][j] - mean[j]) / sd[j];
        }
        double[] beta = binary ? irls(z, y) : leastSquares(z, y, null);
        return new RiskModel(binary, mean, sd, beta);
    }

    /** Weighted least squares (weights null = 1): solves (Z'WZ + ridge) b = Z'Wy. */
    static double[] leastSquares(double[][] z, double[] y, double[] w) {
        int k = z[0].length;
        double[][] a = new double[k][k];
        double[] b = new double[k];
        for (int i = 0; i < z.length; i++) {
            double wi = w == null ? 1 : w[i];
            for (int r = 0; r < k; r++) {
                double zr = z[i][r] * wi;
                b[r] += zr * y[i];
                for (int c = r; c < k; c++) a[r][c] += zr * z[i][c];
            }
        }
        for (int r = 0; r < k; r++) {
            a[r][r] += RIDGE * z.length;
            for (int c = 0; c < r; c++) a[r][c] = a[c][r];
        }
        RealMatrix m = new Array2DRowRealMatrix(a, false);
        RealVector rhs = new ArrayRealVector(b, false);
        try {
            return new CholeskyDecomposition(m, 1e-14, 1e-14).getSolver().solve(rhs).toArray();
        } catch (NonPositiveDefiniteMatrixException e) {
            throw new IllegalArgumentException("the features are collinear; drop redundant covariates", e);
        }
    }

    /**
     * Ridge-penalised logistic regression (penalty {@code RIDGE * n}) by plain IRLS: the shared
     * {@link LogisticRegression} fitter under {@link #IRLS_RULES}.
     */
    static double[] irls(double[][] z, double[] y) {
        try {
            return new LogisticRegression(y, z, null).fit(Penalty.ridge(RIDGE * z.length), IRLS_RULES).coefficients();
        } catch (SingularMatrixException e) {
            throw new IllegalArgumentException("the features are collinear; drop redundant covariates", e);
        }
    }

    public double predict(double[] features) {
        double eta = coef[0];
        for (int j = 0; j < mean.length; j++) eta += coef[j + 1] * (features[j] - mean[j]) / sd[j];
        return binary ? sigmoid(eta) : eta;
    }

    public boolean binary() {
        return binary;
    }

    /** Coefficients on the original feature scale, intercept first. */
    public double[] coefficients() {
        double[] c = new double[coef.length];
        c[0] = coef[0];
        for (int j = 0; j < mean.length; j++) {
            c[j + 1] = coef[j + 1] / sd[j];
            c[0] -= c[j + 1] * mean[j];
        }
        return c;
    }

    static double sigmoid(double eta) {
        return eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
    }
}
