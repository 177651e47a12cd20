package org.rareset.association.regression;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScaledCholeskyTest {
    /** 4 x 4 Hilbert matrix h_ij = 1/(i + j + 1): integer inverse and det 1/6048000 (Hilbert 1894; Choi 1983). */
    @Test
    void hilbertInverseAndDeterminant() {
        double[][] h = new double[4][4];
        for (int i = 0; i < 4; i++) for (int j = 0; j < 4; j++) h[i][j] = 1.0 / (i + j + 1);
        double[][] exact = {{16, -120, 240, -140}, {-120, 1200, -2700, 1680}, {240, -2700, 6480, -4200}, {-140, 1680, -4200, 2800}};
        ScaledCholesky c = new ScaledCholesky(h, 1e-10);
        double[][] inv = c.inverse();
        for (int i = 0; i < 4; i++) for (int j = 0; j < 4; j++) assertEquals(exact[i][j], inv[i][j], 1e-8 * Math.abs(exact[i][j]));
        assertEquals(-Math.log(6048000), c.logDeterminant(), 1e-10);
        double[] x = c.solve(new double[]{1, 0, 0, 0});
        for (int i = 0; i < 4; i++) assertEquals(exact[i][0], x[i], 1e-8 * Math.abs(exact[i][0]));
    }

    /** Gram matrix of the columns 1, u, 2u + 1 (times a unit change of 1e6 on u): column 2 is collinear. */
    @Test
    void collinearAndZeroColumnsAreNamed() {
        double[] u = {0.3, -1.2, 2.5, 0.1, -0.7};
        double[][] cols = new double[3][5];
        for (int i = 0; i < 5; i++) {
            cols[0][i] = 1;
            cols[1][i] = 1e6 * u[i];
            cols[2][i] = 2 * u[i] + 1;
        }
        SingularMatrixException e = assertThrows(SingularMatrixException.class, () -> new ScaledCholesky(gram(cols), 1e-10));
        assertEquals(2, e.column());
        assertFalse(e.zeroDiagonal());
        cols[2] = new double[5];
        e = assertThrows(SingularMatrixException.class, () -> new ScaledCholesky(gram(cols), 1e-10));
        assertEquals(2, e.column());
        assertTrue(e.zeroDiagonal());
    }

    private static double[][] gram(double[][] cols) {
        int p = cols.length;
        double[][] g = new double[p][p];
        for (int a = 0; a < p; a++) for (int b = 0; b < p; b++) for (int i = 0; i < cols[a].length; i++) g[a][b] += cols[a][i] * cols[b][i];
        return g;
    }
}
