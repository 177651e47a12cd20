package org.rareset.genotypes.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;

class HardyWeinbergTest {
    /** Direct evaluation of the exact-test definition with log-factorials (no recurrence). */
    private static double bruteForce(int het, int hom1, int hom2) {
        int n = het + hom1 + hom2;
        int nA = 2 * Math.min(hom1, hom2) + het;
        int nB = 2 * n - nA;
        double[] logP = new double[nA + 1];
        double obs = Double.NaN;
        for (int h = nA & 1; h <= nA; h += 2) {
            int homA = (nA - h) / 2;
            int homB = n - h - homA;
            if (homB < 0) {
                logP[h] = Double.NEGATIVE_INFINITY;
                continue;
            }
            logP[h] = lf(n) - lf(homA) - lf(h) - lf(homB) + h * Math.log(2) + lf(nA) + lf(nB) - lf(2 * n);
            if (h == het) obs = logP[h];
        }
        double p = 0;
        for (int h = nA & 1; h <= nA; h += 2) if (logP[h] <= obs + 1e-9) p += Math.exp(logP[h]);
        return Math.min(1, p);
    }

    private static double lf(int k) {
        return Gamma.logGamma(k + 1.0);
    }

    @Test
    void matchesTheDefinition() {
        int[][] cases = {{0, 0, 100}, {1, 0, 99}, {0, 1, 99}, {2, 1, 997}, {10, 5, 85}, {30, 20, 50},
                {50, 0, 50}, {0, 50, 50}, {57, 14, 29}, {3, 0, 1997}, {0, 3, 1997}, {200, 300, 500}};
        for (int[] c : cases) {
            assertEquals(bruteForce(c[0], c[1], c[2]), HardyWeinberg.exactP(c[0], c[1], c[2]), 1e-9,
                    "het=" + c[0] + " hom1=" + c[1] + " hom2=" + c[2]);
        }
    }

    @Test
    void edgesAndSymmetry() {
        // A single heterozygote among monomorphic homozygotes is the only possible table: p = 1.
        assertEquals(1.0, HardyWeinberg.exactP(1, 0, 999), 1e-12);
        assertEquals(1.0, HardyWeinberg.exactP(0, 0, 0), 0);
        // Two minor homozygotes and no heterozygotes among 1000 is extreme.
        double p = HardyWeinberg.exactP(0, 2, 998);
        assertEquals(bruteForce(0, 2, 998), p, 1e-12);
        assertEquals(true, p < 1e-4);
        // Symmetric in the two homozygote classes.
        assertEquals(HardyWeinberg.exactP(12, 3, 85), HardyWeinberg.exactP(12, 85, 3), 1e-15);
    }
}
