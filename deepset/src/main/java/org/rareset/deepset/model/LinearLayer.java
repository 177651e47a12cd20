package org.rareset.deepset.model;

import java.util.Arrays;

/**
 * One linear layer as PyTorch stores it: {@code y = W x + b} with {@code W} of shape
 * {@code [out, in]}, row-major. The weights are kept a second time input-major, so that
 * {@link #apply} runs input by input over all outputs (a loop the JIT vectorises).
 */
public record LinearLayer(int in, int out, double[] weight, double[] bias, double[] weightByInput) {

    public LinearLayer {
        if (weight.length != in * out || bias.length != out) {
            throw new IllegalArgumentException("linear layer " + in + "->" + out + " with "
                    + weight.length + " weights and " + bias.length + " biases");
        }
    }

    public LinearLayer(int in, int out, double[] weight, double[] bias) {
        this(in, out, weight, bias, transpose(weight, in, out));
    }

    /** A layer from float32 parameters (a checkpoint's or a model folder's), widened to double. */
    public static LinearLayer of(int in, int out, float[] weight, float[] bias) {
        return new LinearLayer(in, out, toDouble(weight), toDouble(bias));
    }

    /**
     * {@code y[o] = (sum_i W[o][i] x[i]) + b[o]}, summed over i in order. Zero inputs are skipped:
     * they add exactly nothing.
     */
    public void apply(double[] x, int xOff, double[] y, int yOff) {
        Arrays.fill(y, yOff, yOff + out, 0.0);
        for (int i = 0; i < in; i++) {
            double xi = x[xOff + i];
            if (xi == 0) continue;
            int base = i * out;
            for (int o = 0; o < out; o++) y[yOff + o] += weightByInput[base + o] * xi;
        }
        for (int o = 0; o < out; o++) y[yOff + o] += bias[o];
    }

    private static double[] transpose(double[] w, int in, int out) {
        double[] t = new double[w.length];
        for (int o = 0; o < out; o++) for (int i = 0; i < in; i++) t[i * out + o] = w[o * in + i];
        return t;
    }

    static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) d[i] = f[i];
        return d;
    }
}
