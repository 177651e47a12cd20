package org.rareset.deepset.score;

import java.util.List;
import java.util.Random;
import org.rareset.deepset.model.LinearLayer;
import org.rareset.deepset.model.MlpDeepSet;

/** DeepRVAT-shaped networks with random float32 weights, for tests and benchmarks. */
public final class RandomNetworks {
    private RandomNetworks() {}

    public static MlpDeepSet deepRvat(Random rnd, int inputs, int hidden, boolean reverse) {
        return MlpDeepSet.deepRvat("random", List.of(linear(rnd, inputs, hidden), linear(rnd, hidden, hidden)),
                List.of(linear(rnd, hidden, hidden / 2), linear(rnd, hidden / 2, hidden / 2), linear(rnd, hidden / 2, 1)),
                reverse);
    }

    static LinearLayer linear(Random rnd, int in, int out) {
        double[] w = new double[in * out];
        double[] b = new double[out];
        for (int i = 0; i < w.length; i++) w[i] = (float) (rnd.nextGaussian() / Math.sqrt(in));
        for (int i = 0; i < b.length; i++) b[i] = (float) (rnd.nextGaussian() * 0.1);
        return new LinearLayer(in, out, w, b);
    }
}
