package org.rareset.association.gene;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * SKAT-O's kernels from one eigen-analysis (rank-one updates) against the eigenvalues of the
 * explicitly formed kernels, and the projections U'1 against 1'A^j 1 = sum_k d_k^j u_k^2.
 */
class KernelSpectrumTest {
    private static final double[] RHO = {0, 0.01, 0.04, 0.09, 0.25, 0.5, 0.999};

    @Test
    void rankOneKernelsMatchExplicitKernels() {
        Random r = new Random(17);
        int cases = 0;
        for (int n : new int[]{2, 3, 5, 12, 40, 150}) {
            for (int kind = 0; kind < 4; kind++) {
                double[][] a = kernel(r, n, kind);
                KernelSpectrum ks = KernelSpectrum.of(a);
                assertNotNull(ks);
                double scale = Math.abs(ks.eigenvalues()[0]);
                checkProjections(a, ks, "n=" + n + " kind=" + kind);
                for (double rho : RHO) {
                    double[] ref = descending(Eigenvalues.valuesOnly(SkatO.rhoKernel(a, rho)));
                    double[] got = ks.rhoKernel(rho);
                    double sc = Math.max(scale, Math.abs(ref[0]));
                    assertArrayEquals(ref, got, 1e-10 * sc, "rho kernel n=" + n + " kind=" + kind + " rho=" + rho);
                }
                double[] ref = descending(Eigenvalues.valuesOnly(remainder(a)));
                assertArrayEquals(ref, ks.remainderKernel(), 1e-10 * scale, "remainder n=" + n + " kind=" + kind);
                cases++;
            }
        }
        assertEquals(24, cases);
    }

    /** kind 0: full rank; 1: rank n/3; 2: repeated columns (equal eigenvalues, zero projections); 3: a dominant diagonal (singletons). */
    private static double[][] kernel(Random r, int n, int kind) {
        int rank = kind == 1 ? Math.max(1, n / 3) : n;
        double[][] b = new double[n][rank];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < rank; k++) b[i][k] = r.nextGaussian() * (kind == 3 ? 0.05 : 1) * (k % 3 + 1);
            if (kind == 3) b[i][i % rank] = 1 + r.nextInt(3);
        }
        if (kind == 2) for (int i = 1; i < n; i += 2) b[i] = b[i - 1].clone();
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) for (int k = 0; k < rank; k++) a[i][j] += b[i][k] * b[j][k];
        if (kind == 3) for (int i = 0; i < n; i++) a[i][i] += 1; // identical diagonal: repeated eigenvalues
        return a;
    }

    private static void checkProjections(double[][] a, KernelSpectrum ks, String what) {
        int n = a.length;
        double[] d = ks.eigenvalues();
        double[] u = ks.onesProjection();
        double[] v = new double[n];
        Arrays.fill(v, 1.0);
        for (int j = 0; j <= 3; j++) {
            double direct = 0;
            for (double x : v) direct += x; // 1'A^j 1
            double spectral = 0;
            for (int k = 0; k < n; k++) spectral += Math.pow(d[k], j) * u[k] * u[k];
            assertEquals(direct, spectral, 1e-9 * Math.max(1, Math.abs(direct)), what + " j=" + j);
            double[] next = new double[n];
            for (int i = 0; i < n; i++) for (int k = 0; k < n; k++) next[i] += a[i][k] * v[k];
            v = next;
        }
    }

    private static double[][] remainder(double[][] a) {
        int n = a.length;
        double[] r = new double[n];
        double t = 0;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) r[i] += a[i][k];
            t += r[i];
        }
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) for (int k = 0; k < n; k++) out[i][k] = a[i][k] - r[i] * r[k] / t;
        return out;
    }

    private static double[] descending(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        for (int i = 0; i < s.length / 2; i++) {
            double t = s[i];
            s[i] = s[s.length - 1 - i];
            s[s.length - 1 - i] = t;
        }
        return s;
    }
}
