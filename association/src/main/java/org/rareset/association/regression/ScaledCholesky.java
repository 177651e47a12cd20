package org.rareset.association.regression;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Cholesky factorisation of a symmetric positive-definite p x p matrix A after scaling it to unit
 * diagonal: R = D A D with D = diag(a_ii^-1/2), R = L L' (Commons Math {@link CholeskyDecomposition}).
 * The scaling makes the pivot tolerance relative, independent of the units of the design columns: a
 * pivot of R at or below {@code tolerance} means column i is (numerically) a linear combination of
 * the columns before it (for a Gram matrix X'WX the pivot is 1 - R^2 of column i on the earlier ones).
 *
 * <p>Then A^-1 = D R^-1 D, A^-1 v = D R^-1 (D v) and log|A| = log|R| - 2 sum_i log d_i
 * = 2 sum_i log l_ii + sum_i log a_ii.
 */
public final class ScaledCholesky {
    private final double[] d;
    private final CholeskyDecomposition cholesky;
    private DecompositionSolver solver;

    /**
     * Factors {@code a} (symmetric, read only).
     *
     * @param tolerance pivots of the unit-diagonal matrix at or below this are singular (0: any
     *                  non-positive pivot)
     * @throws SingularMatrixException naming the first column whose diagonal entry is not positive
     *                                 and finite, or whose pivot is at or below the tolerance
     */
    public ScaledCholesky(double[][] a, double tolerance) {
        int p = a.length;
        d = new double[p];
        for (int i = 0; i < p; i++) {
            if (!(a[i][i] > 0) || a[i][i] == Double.POSITIVE_INFINITY) throw new SingularMatrixException(i, true);
            d[i] = 1.0 / Math.sqrt(a[i][i]);
        }
        double[][] r = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                r[i][j] = a[i][j] * d[i] * d[j];
                if (!Double.isFinite(r[i][j])) throw new SingularMatrixException(i, false);
                r[j][i] = r[i][j]; // exactly symmetric, whatever the rounding of the two products
            }
        }
        try {
            // symmetric by construction: the symmetry threshold only guards against rounding in the caller's sums
            cholesky = new CholeskyDecomposition(new Array2DRowRealMatrix(r, false),
                    CholeskyDecomposition.DEFAULT_RELATIVE_SYMMETRY_THRESHOLD, tolerance);
        } catch (NonPositiveDefiniteMatrixException e) {
            throw new SingularMatrixException(e.getRow(), false);
        }
    }

    /** A^-1 v. */
    public double[] solve(double[] v) {
        double[] scaled = new double[v.length];
        for (int i = 0; i < v.length; i++) scaled[i] = v[i] * d[i];
        double[] x = solver().solve(new ArrayRealVector(scaled, false)).toArray();
        for (int i = 0; i < x.length; i++) x[i] *= d[i];
        return x;
    }

    /** A^-1 (a new p x p array). */
    public double[][] inverse() {
        RealMatrix ri = solver().getInverse();
        int p = d.length;
        double[][] inv = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) inv[i][j] = ri.getEntry(i, j) * d[i] * d[j];
        }
        return inv;
    }

    /** log |A|, from the factor's diagonal (no overflow for large p or large entries). */
    public double logDeterminant() {
        RealMatrix l = cholesky.getL();
        double s = 0;
        for (int i = 0; i < d.length; i++) s += 2 * Math.log(l.getEntry(i, i)) - 2 * Math.log(d[i]);
        return s;
    }

    private DecompositionSolver solver() {
        if (solver == null) solver = cholesky.getSolver();
        return solver;
    }
}
