package org.rareset.association.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The bootstrap's counting AUC is the same double as {@link Discrimination#auc} of the drawn predictions. */
class RankedAucTest {
    @Test
    void countingEqualsSortingOnDrawsWithTies() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int trial = 0; trial < 200; trial++) {
            int n = 2 + rnd.nextInt(300);
            double[] pred = new double[n];
            double[] y = new double[n];
            int levels = 1 + rnd.nextInt(trial % 2 == 0 ? 5 : 1000); // few levels: many ties
            for (int i = 0; i < n; i++) {
                pred[i] = rnd.nextInt(levels) / (double) levels;
                if (i % 37 == 5) pred[i] = i % 2 == 0 ? -0.0 : 0.0; // == ties across signed zeros
                y[i] = rnd.nextDouble() < 0.3 ? 1 : 0;
            }
            Bootstrap.RankedAuc ranked = Bootstrap.RankedAuc.of(pred);
            ranked.clear();
            int draws = 1 + rnd.nextInt(2 * n);
            double[] dp = new double[draws];
            double[] dy = new double[draws];
            for (int k = 0; k < draws; k++) {
                int i = rnd.nextInt(n);
                dp[k] = pred[i];
                dy[k] = y[i];
                ranked.draw(i, y[i] == 1);
            }
            double expected = Discrimination.auc(dp, dy);
            assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(ranked.auc()),
                    "trial " + trial + ": " + expected + " vs " + ranked.auc());
        }
    }

    @Test
    void aNanPredictionFallsBackToSorting() {
        assertNull(Bootstrap.RankedAuc.of(new double[] {0.1, Double.NaN, 0.3}));
    }
}
