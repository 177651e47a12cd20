package org.rareset.deepset.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The one forward pass on one-unit networks whose outputs are worked out by hand: DeepRVAT's
 * set-up (raw inputs, zero padding row) and a trained model's (standardised inputs, masked max,
 * learned empty embedding). The golden DeepRVAT scores and the DJL comparison in SparseBatchTest
 * check the same class on real sizes.
 */
class MlpDeepSetTest {

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private static LinearLayer one(double w, double b) {
        return new LinearLayer(1, 1, new double[] {w}, new double[] {b});
    }

    private static double score(MlpDeepSet net, double x) {
        double[] e = new double[1];
        net.embed(new double[] {x}, 1, e);
        double[] s = new double[1];
        net.scoreEmbeddings(e, 1, s);
        return s[0];
    }

    /** phi(x) = LeakyReLU(x), rho(p) = 2p - 1. */
    @Test
    void deepRvatPoolsFromPhiOfZeroAndScoresNothingAsTheZeroRow() {
        MlpDeepSet net = MlpDeepSet.deepRvat("toy", List.of(one(1, 0)), List.of(one(2, -1)), false);
        assertNull(net.scaling());
        assertArrayEquals(new double[] {0}, net.poolStart(), 0.0);           // phi(0) = 0
        assertEquals(sigmoid(-1), net.emptyScore(), 1e-15);                   // rho(phi(0)) = -1
        assertEquals(sigmoid(3), score(net, 2), 1e-15);                       // rho(2) = 3
        assertEquals(sigmoid(2 * -0.03 - 1), score(net, -3), 1e-15);          // phi(-3) = -0.03 (slope 0.01)
        assertEquals(2 * -0.03 - 1, net.rho(new double[] {-0.03}), 1e-15);
        assertEquals(sigmoid(-3), score(net.reversed(), 2), 1e-15);           // reversed: sigmoid(-rho)
        assertEquals(sigmoid(1), net.reversed().emptyScore(), 1e-15);
    }

    /**
     * All five layers of {@link NetworkShape} with one unit, weight 1 and bias 0 except rho's last
     * (2p - 1); inputs standardised with mean 1, sd 2; learned empty embedding 0.5.
     */
    @Test
    void trainedStandardisesMasksTheMaxAndScoresNothingWithTheLearnedEmbedding() {
        float slope = 0.01f;
        NetworkShape shape = new NetworkShape(1, 1, 1, slope);
        Map<String, float[]> values = new LinkedHashMap<>();
        for (NetworkShape.Layer l : shape.layers()) {
            boolean last = l.name().equals("rho.2");
            values.put(l.weightName(), new float[] {last ? 2f : 1f});
            values.put(l.biasName(), new float[] {last ? -1f : 0f});
        }
        values.put(NetworkShape.EMPTY, new float[] {0.5f});
        MlpDeepSet net = MlpDeepSet.trained(new NetworkWeights(shape, values),
                new AnnotationScaling(new double[] {1}, new double[] {2}), false);
        assertArrayEquals(new double[] {Double.NEGATIVE_INFINITY}, net.poolStart(), 0.0);
        assertEquals(0.5, net.emptyScore(), 1e-15);                           // rho(0.5) = 0
        assertEquals(sigmoid(3), score(net, 5), 1e-15);                       // z = (5 - 1) / 2 = 2
        double s = slope;                                                     // the stored float slope
        // z = -1: each of the four activated layers multiplies by the slope, then 2p - 1
        assertEquals(sigmoid(2 * -(s * s * s * s) - 1), score(net, -1), 1e-15);
        assertEquals(sigmoid(-3), score(net.reversed(), 5), 1e-15);
    }
}
