package org.rareset.association.gene;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

import java.util.Arrays;

/** Eigenvalues of the symmetric kernels of SKAT-type tests. */
final class Eigenvalues {
    private Eigenvalues() {}

    /** All eigenvalues of a symmetric matrix, descending. */
    static double[] symmetric(double[][] a) {
        int m = a.length;
        if (m == 1) return new double[]{a[0][0]};
        double[] ev = valuesOnly(a);
        if (ev == null) ev = new EigenDecomposition(new Array2DRowRealMatrix(a, true)).getRealEigenvalues();
        return descending(ev.clone());
    }

    /** Sorts {@code v} in place, largest first, and returns it. */
    static double[] descending(double[] v) {
        Arrays.sort(v);
        for (int i = 0, j = v.length - 1; i < j; i++, j--) {
            double t = v[i];
            v[i] = v[j];
            v[j] = t;
        }
        return v;
    }

    /**
     * Eigenvalues without eigenvectors (the kernels need only the spectrum, and forming vectors
     * dominated SKAT-O's cost): Householder reduction to tridiagonal form and implicit QL
     * iterations (Numerical Recipes tred2/tqli, eigenvalue-only branch). Null if QL does not converge.
     */
    static double[] valuesOnly(double[][] input) {
        return valuesOnly(input, null);
    }

    /**
     * {@link #valuesOnly(double[][])}, also turning {@code w} (when not null) into U'w, its
     * coordinates in the eigenbasis (same order as the returned values): each Householder
     * reflection and each QL rotation is applied to w as it is made, O(m^2) on top of the values
     * instead of the O(m^3) of forming U.
     */
    static double[] valuesOnly(double[][] input, double[] w) {
        int n = input.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) a[i] = input[i].clone();
        double[] d = new double[n];
        double[] e = new double[n];
        for (int i = n - 1; i > 0; i--) {
            int l = i - 1;
            double h = 0.0;
            if (l > 0) {
                double scale = 0.0;
                for (int k = 0; k <= l; k++) scale += Math.abs(a[i][k]);
                if (scale == 0.0) {
                    e[i] = a[i][l];
                } else {
                    for (int k = 0; k <= l; k++) {
                        a[i][k] /= scale;
                        h += a[i][k] * a[i][k];
                    }
                    double f = a[i][l];
                    double g = f >= 0.0 ? -Math.sqrt(h) : Math.sqrt(h);
                    e[i] = scale * g;
                    h -= f * g;
                    a[i][l] = f - g;
                    if (w != null) {
                        // w <- P_i w, P_i = I - u u'/h with u = a[i][0..l] (row i is not touched again)
                        double uw = 0;
                        for (int k = 0; k <= l; k++) uw += a[i][k] * w[k];
                        double c = uw / h;
                        for (int k = 0; k <= l; k++) w[k] -= c * a[i][k];
                    }
                    f = 0.0;
                    for (int j = 0; j <= l; j++) {
                        g = 0.0;
                        for (int k = 0; k <= j; k++) g += a[j][k] * a[i][k];
                        for (int k = j + 1; k <= l; k++) g += a[k][j] * a[i][k];
                        e[j] = g / h;
                        f += e[j] * a[i][j];
                    }
                    double hh = f / (h + h);
                    for (int j = 0; j <= l; j++) {
                        f = a[i][j];
                        g = e[j] - hh * f;
                        e[j] = g;
                        for (int k = 0; k <= j; k++) a[j][k] -= (f * e[k] + g * a[i][k]);
                    }
                }
            } else {
                e[i] = a[i][l];
            }
            d[i] = h;
        }
        for (int i = 0; i < n; i++) d[i] = a[i][i];
        // implicit QL on the tridiagonal (d, e)
        for (int i = 1; i < n; i++) e[i - 1] = e[i];
        e[n - 1] = 0.0;
        for (int l = 0; l < n; l++) {
            int iter = 0;
            int m;
            do {
                for (m = l; m < n - 1; m++) {
                    double dd = Math.abs(d[m]) + Math.abs(d[m + 1]);
                    if (Math.abs(e[m]) <= 1e-15 * dd) break;
                }
                if (m != l) {
                    if (iter++ == 60) return null;
                    double g = (d[l + 1] - d[l]) / (2.0 * e[l]);
                    double r = pythag(g, 1.0);
                    g = d[m] - d[l] + e[l] / (g + (g >= 0 ? Math.abs(r) : -Math.abs(r)));
                    double s = 1.0, c = 1.0, p = 0.0;
                    int i;
                    for (i = m - 1; i >= l; i--) {
                        double f = s * e[i];
                        double b = c * e[i];
                        r = pythag(f, g);
                        e[i + 1] = r;
                        if (r == 0.0) {
                            d[i + 1] -= p;
                            e[m] = 0.0;
                            break;
                        }
                        s = f / r;
                        c = g / r;
                        g = d[i + 1] - p;
                        r = (d[i] - g) * s + 2.0 * c * b;
                        p = s * r;
                        d[i + 1] = g + p;
                        g = c * r - b;
                        if (w != null) {
                            // the rotation of eigenvector columns i, i + 1, applied to the projections
                            double wf = w[i + 1];
                            w[i + 1] = s * w[i] + c * wf;
                            w[i] = c * w[i] - s * wf;
                        }
                    }
                    if (r == 0.0 && i >= l) continue;
                    d[l] -= p;
                    e[l] = g;
                    e[m] = 0.0;
                }
            } while (m != l);
        }
        return d;
    }

    /**
     * sqrt(a^2 + b^2) without overflow (Numerical Recipes' pythag): {@link Math#hypot} is exact to
     * the last bit but several times slower, and it dominated the QL iterations.
     */
    private static double pythag(double a, double b) {
        double x = Math.abs(a), y = Math.abs(b);
        if (x < y) {
            double t = x;
            x = y;
            y = t;
        }
        if (x == 0) return 0.0;
        double r = y / x;
        return x * Math.sqrt(1 + r * r);
    }

    /**
     * R SKAT {@code Get_Lambda}: eigenvalues above mean(non-negative eigenvalues) / 1e5; empty when
     * none is positive.
     */
    static double[] skatLambda(double[][] kernel) {
        return skatCut(symmetric(kernel));
    }

    /** The {@link #skatLambda} rule applied to a kernel's full spectrum {@code ev} (descending). */
    static double[] skatCut(double[] ev) {
        double sum = 0;
        int nonNeg = 0;
        for (double e : ev) {
            if (e >= 0) {
                sum += e;
                nonNeg++;
            }
        }
        if (nonNeg == 0 || !(sum > 0)) return new double[0];
        double cut = sum / nonNeg / 100000.0;
        return Arrays.stream(ev).filter(e -> e > cut).toArray();
    }
}
