package org.rareset.association.pvalue;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChiSquareTest {
    @Test
    void matchesCommonsMathWhereOneMinusCdfIsAccurate() {
        for (double df : new double[]{1, 2, 3.7, 10, 40}) {
            ChiSquaredDistribution d = new ChiSquaredDistribution(df);
            for (double x : new double[]{0.01, 0.5, 1, 3, 10, 25}) {
                double ref = 1 - d.cumulativeProbability(x);
                if (ref < 1e-6) continue;
                assertEquals(ref, ChiSquare.upper(x, df), 1e-12 + 1e-10 * ref, "df=" + df + " x=" + x);
            }
        }
    }

    @Test
    void farTailOfOneDfFollowsTheMillsRatioExpansion() {
        for (double x : new double[]{500, 2000, 1e5, 1e7}) {
            // P(chi2_1 > x) = 2 phi(sqrt x) / sqrt x * (1 - 1/x + 3/x^2 - ...)
            double ln = -x / 2 - 0.5 * Math.log(2 * Math.PI) + Math.log(2) - 0.5 * Math.log(x) + Math.log1p(-1 / x + 3 / (x * x));
            assertEquals(ln, ChiSquare.logUpper(x, 1), 1e-9 * Math.abs(ln), "x=" + x);
        }
        assertTrue(Double.isFinite(ChiSquare.log10Upper(1e7, 1)));
    }

    @Test
    void quantileInvertsTheTailDownToTinyP() {
        for (double df : new double[]{1, 2.5, 10, 57.3}) {
            for (double x : new double[]{0.3, 4, 30, 300, 3000}) {
                double lp = ChiSquare.logUpper(x, df);
                assertEquals(x, ChiSquare.upperQuantileLog(lp, df), 1e-8 * x, "df=" + df + " x=" + x);
            }
        }
    }

    @Test
    void normalTails() {
        assertEquals(Math.log(0.5), Normal.logUpper(0), 1e-15);
        assertEquals(Math.log(1 - 0.9986501019683699), Normal.logUpper(3), 1e-9);
        assertEquals(Math.log(0.9986501019683699), Normal.logUpper(-3), 1e-12);
    }
}
