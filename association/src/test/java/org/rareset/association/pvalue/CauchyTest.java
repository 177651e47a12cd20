package org.rareset.association.pvalue;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CauchyTest {
    @Test
    void equalPValuesCombineToThatPValue() {
        for (double lp : new double[]{-0.01, -0.3, -1, -5, -14.5, -15.5, -20, -100, -400, -5000}) {
            double[] p = {lp, lp, lp, lp};
            double[] w = {1, 2, 3, 4};
            assertEquals(lp, Cauchy.log10Combine(p, w, 1e-15, 1.0), 1e-9 * Math.max(1, -lp), "log10 p=" + lp);
            assertEquals(lp, Cauchy.log10Combine(p, w, 1e-16, 1.0), 1e-9 * Math.max(1, -lp), "log10 p=" + lp);
        }
    }

    @Test
    void upperTailIsComputedDirectly() {
        assertEquals(Math.log10(0.5), Cauchy.log10Upper(0), 1e-15);
        assertEquals(Math.log10(0.25), Cauchy.log10Upper(1), 1e-15);
        assertEquals(Math.log10(0.75), Cauchy.log10Upper(-1), 1e-15);
        assertEquals(-20 - Math.log10(Math.PI), Cauchy.log10Upper(1e20), 1e-12);
    }

    @Test
    void capAppliesToLargePValues() {
        // REGENIE ACAT-V caps p at 0.999: a p of 1 then contributes tan(-0.499 pi)
        double capped = Cauchy.log10Combine(new double[]{0, -2}, new double[]{1, 1}, 1e-15, 0.999);
        double t = 0.5 * Math.tan((0.5 - 0.999) * Math.PI) + 0.5 / Math.tan(0.01 * Math.PI);
        assertEquals(Cauchy.log10Upper(t), capped, 1e-12);
    }
}
