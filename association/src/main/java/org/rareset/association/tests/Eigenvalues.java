package org.rareset.association.tests;

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
        double[] ev = new EigenDecomposition(new Array2DRowRealMatrix(a, false)).getRealEigenvalues();
        double[] out = ev.clone();
        Arrays.sort(out);
        for (int i = 0; i < m / 2; i++) {
            double t = out[i];
            out[i] = out[m - 1 - i];
            out[m - 1 - i] = t;
        }
        return out;
    }

    /**
     * R SKAT {@code Get_Lambda}: eigenvalues above mean(non-negative eigenvalues) / 1e5; empty when
     * none is positive.
     */
    static double[] skatLambda(double[][] kernel) {
        double[] ev = symmetric(kernel);
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
