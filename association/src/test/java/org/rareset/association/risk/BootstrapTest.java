package org.rareset.association.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

@Tag("slow")
class BootstrapTest {
    @Test
    void aucIntervalWidthMatchesHanleyMcNeilStandardError() {
        // Binormal scores: controls N(0,1), cases N(1,1); 300 cases, 700 controls.
        Random r = new Random(7);
        int n1 = 300, n0 = 700;
        double[] pred = new double[n1 + n0];
        double[] y = new double[n1 + n0];
        for (int i = 0; i < pred.length; i++) {
            y[i] = i < n1 ? 1 : 0;
            pred[i] = r.nextGaussian() + (i < n1 ? 1 : 0);
        }
        Bootstrap.Paired p = Bootstrap.paired(pred, pred, y, true, 2000, 11);
        double a = p.baseline().estimate();
        // Hanley & McNeil (1982): SE^2 = [A(1-A) + (n1-1)(Q1-A^2) + (n0-1)(Q2-A^2)] / (n1 n0), Q1 = A/(2-A), Q2 = 2A^2/(1+A)
        double q1 = a / (2 - a), q2 = 2 * a * a / (1 + a);
        double se = Math.sqrt((a * (1 - a) + (n1 - 1) * (q1 - a * a) + (n0 - 1) * (q2 - a * a)) / (n1 * (double) n0));
        double width = p.baseline().high() - p.baseline().low();
        assertEquals(2 * 1.96 * se, width, 0.15 * 2 * 1.96 * se, "bootstrap width " + width + " vs normal " + 2 * 1.96 * se);
        assertTrue(p.baseline().low() < a && a < p.baseline().high());
        // The same model twice: the paired difference is exactly 0 in every replicate.
        assertEquals(0, p.difference().low(), 0);
        assertEquals(0, p.difference().high(), 0);
    }

    @Test
    void deterministicForASeed() {
        double[] pred = {0.1, 0.5, 0.3, 0.9, 0.7, 0.2, 0.6, 0.4};
        double[] other = {0.2, 0.4, 0.1, 0.8, 0.9, 0.3, 0.5, 0.7};
        double[] y = {0, 1, 0, 1, 1, 0, 0, 1};
        Bootstrap.Paired a = Bootstrap.paired(pred, other, y, true, 500, 3);
        Bootstrap.Paired b = Bootstrap.paired(pred, other, y, true, 500, 3);
        assertEquals(a, b);
        Bootstrap.Paired q = Bootstrap.paired(pred, other, new double[] {1, 3, 2, 5, 4, 1, 2, 3}, false, 500, 3);
        assertEquals(q, Bootstrap.paired(pred, other, new double[] {1, 3, 2, 5, 4, 1, 2, 3}, false, 500, 3));
    }

    @Test
    void quantileIsRType7() {
        double[] v = {1, 2, 3, 4, 5};
        assertEquals(1.1, Bootstrap.quantile(v, 0.025), 1e-12); // 1 + 0.1 * (2 - 1)
        assertEquals(4.9, Bootstrap.quantile(v, 0.975), 1e-12);
    }
}
