package org.rareset.deepset.model;

import java.util.Arrays;
import java.util.List;
import org.rareset.deepset.score.DeepSetNetwork;

/**
 * One network trained by RareSet, ready to score: inputs are standardised with the model's
 * {@link AnnotationScaling}, pooling is a masked max (pool start {@code -infinity}), a sample with
 * no carried variant in a gene gets {@code rho(empty)}, and {@code reverse} flips the sign of rho's
 * output before the sigmoid (set by the sign check, so that pLoF flags raise the score).
 *
 * <p>Computes in double precision from the stored float32 weights; immutable and thread-safe.
 */
public final class TrainedNetwork implements DeepSetNetwork {
    private final NetworkWeights weights;
    private final AnnotationScaling scaling;
    private final boolean reverse;
    private final float slope;
    private final double[][] w;
    private final double[][] b;
    private final int[][] dims;
    private final double emptyScore;

    public TrainedNetwork(NetworkWeights weights, AnnotationScaling scaling, boolean reverse) {
        NetworkShape shape = weights.shape();
        if (scaling.width() != shape.inputSize()) {
            throw new IllegalArgumentException("scaling has " + scaling.width() + " columns, network reads "
                    + shape.inputSize());
        }
        this.weights = weights;
        this.scaling = scaling;
        this.reverse = reverse;
        this.slope = shape.negativeSlope();
        List<NetworkShape.Layer> layers = shape.layers();
        w = new double[layers.size()][];
        b = new double[layers.size()][];
        dims = new int[layers.size()][];
        for (int i = 0; i < layers.size(); i++) {
            NetworkShape.Layer l = layers.get(i);
            w[i] = toDouble(weights.get(l.weightName()));
            b[i] = toDouble(weights.get(l.biasName()));
            dims[i] = new int[] {l.out(), l.in()};
        }
        double[] score = new double[1];
        scoreEmbeddings(toDouble(weights.get(NetworkShape.EMPTY)), 1, score);
        this.emptyScore = score[0];
    }

    public NetworkWeights weights() {
        return weights;
    }

    public AnnotationScaling scaling() {
        return scaling;
    }

    public boolean reverse() {
        return reverse;
    }

    /** The same network with the opposite sign. */
    public TrainedNetwork reversed() {
        return new TrainedNetwork(weights, scaling, !reverse);
    }

    @Override
    public int inputSize() {
        return weights.shape().inputSize();
    }

    @Override
    public int embeddingSize() {
        return weights.shape().phiHidden();
    }

    @Override
    public void embed(double[] rows, int nRows, double[] out) {
        int n = inputSize();
        int h = embeddingSize();
        double[] z = new double[n];
        double[] hidden = new double[h];
        double[] o = new double[h];
        for (int r = 0; r < nRows; r++) {
            for (int j = 0; j < n; j++) z[j] = scaling.apply(j, rows[r * n + j]);
            layer(0, z, hidden, true);
            layer(1, hidden, o, true);
            System.arraycopy(o, 0, out, r * h, h);
        }
    }

    @Override
    public double[] poolStart() {
        double[] start = new double[embeddingSize()];
        Arrays.fill(start, Double.NEGATIVE_INFINITY);
        return start;
    }

    @Override
    public void scoreEmbeddings(double[] pooled, int n, double[] out) {
        int h = embeddingSize();
        int r = weights.shape().rhoHidden();
        double[] g = new double[h];
        double[] a = new double[r];
        double[] c = new double[r];
        double[] o = new double[1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(pooled, i * h, g, 0, h);
            layer(2, g, a, true);
            layer(3, a, c, true);
            layer(4, c, o, false);
            out[i] = sigmoid(reverse ? -o[0] : o[0]);
        }
    }

    /** rho's raw output for one pooled embedding, before the sign and the sigmoid. */
    public double rho(double[] pooled) {
        int r = weights.shape().rhoHidden();
        double[] a = new double[r];
        double[] c = new double[r];
        double[] out = new double[1];
        layer(2, pooled, a, true);
        layer(3, a, c, true);
        layer(4, c, out, false);
        return out[0];
    }

    @Override
    public double emptyScore() {
        return emptyScore;
    }

    private void layer(int i, double[] in, double[] out, boolean activate) {
        int nOut = dims[i][0];
        int nIn = dims[i][1];
        double[] wi = w[i];
        for (int o = 0; o < nOut; o++) {
            double s = b[i][o];
            int off = o * nIn;
            for (int k = 0; k < nIn; k++) s += wi[off + k] * in[k];
            out[o] = activate && s < 0 ? s * slope : s;
        }
    }

    static double sigmoid(double x) {
        return x >= 0 ? 1.0 / (1.0 + Math.exp(-x)) : Math.exp(x) / (1.0 + Math.exp(x));
    }

    private static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) d[i] = f[i];
        return d;
    }
}
