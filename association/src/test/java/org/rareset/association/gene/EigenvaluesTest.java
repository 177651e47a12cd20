package org.rareset.association.gene;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class EigenvaluesTest {
    @Test
    void valuesOnlyMatchCommonsMath() {
        Random r = new Random(9);
        for (int n : new int[]{2, 3, 7, 30, 120}) {
            for (int rank : new int[]{n, Math.max(1, n / 3)}) {
                double[][] b = new double[n][rank];
                for (double[] row : b) for (int k = 0; k < rank; k++) row[k] = r.nextGaussian() * (k + 1);
                double[][] a = new double[n][n];
                for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) for (int k = 0; k < rank; k++) a[i][j] += b[i][k] * b[j][k];
                double[] ref = new EigenDecomposition(new Array2DRowRealMatrix(a)).getRealEigenvalues();
                Arrays.sort(ref);
                double[] got = Eigenvalues.valuesOnly(a);
                Arrays.sort(got);
                double scale = Math.abs(ref[n - 1]);
                assertArrayEquals(ref, got, 1e-11 * scale, "n=" + n + " rank=" + rank);
            }
        }
    }
}
