package org.rareset.association.nullmodel;

import org.rareset.core.InputException;

/** Small dense symmetric positive-definite helpers (p x p covariate matrices). */
final class SymmetricMatrices {
    private SymmetricMatrices() {}

    /**
     * Inverse of a symmetric positive-definite matrix by Cholesky after scaling to unit diagonal, so
     * that the collinearity tolerance is relative and independent of covariate units.
     *
     * @throws InputException naming {@code what} when the matrix is (numerically) singular
     */
    static double[][] inverse(double[][] a, double tolerance, String what) {
        int p = a.length;
        double[] d = new double[p];
        for (int i = 0; i < p; i++) {
            if (!(a[i][i] > 0)) {
                throw new InputException(what, null, "covariate " + i + " is constant zero (or has zero weight)",
                        "remove covariates without variation");
            }
            d[i] = 1.0 / Math.sqrt(a[i][i]);
        }
        double[][] l = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j] * d[i] * d[j];
                for (int k = 0; k < j; k++) s -= l[i][k] * l[j][k];
                if (i == j) {
                    if (s <= tolerance) {
                        throw new InputException(what, null, "covariate " + i
                                + " is collinear with the previous covariates (or constant)",
                                "remove redundant covariates, e.g. a constant column besides the intercept");
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        // inverse of L, then (L L')^-1 = L'^-1 L^-1
        double[][] li = new double[p][p];
        for (int i = 0; i < p; i++) {
            li[i][i] = 1.0 / l[i][i];
            for (int j = 0; j < i; j++) {
                double s = 0;
                for (int k = j; k < i; k++) s -= l[i][k] * li[k][j];
                li[i][j] = s / l[i][i];
            }
        }
        double[][] inv = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = i; k < p; k++) s += li[k][i] * li[k][j];
                inv[i][j] = s * d[i] * d[j];
                inv[j][i] = inv[i][j];
            }
        }
        return inv;
    }
}
