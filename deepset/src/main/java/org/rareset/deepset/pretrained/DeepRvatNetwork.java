package org.rareset.deepset.pretrained;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.rareset.deepset.score.DeepSetNetwork;

/**
 * One of DeepRVAT's published gene impairment modules ({@code DeepSetAgg}): phi, a chain of
 * linear layers each followed by LeakyReLU(0.01); max pooling over the variant rows with
 * DeepRVAT's unmasked zero padding row; rho, linear layers with LeakyReLU between them and none
 * after the last; then {@code sigmoid(rho)}, or {@code sigmoid(-rho)} for a model with a
 * {@code .reverse} marker (negated before the sigmoid, as DeepRVAT does).
 *
 * <p>Weights are the checkpoint's float32 values; arithmetic is in double precision.
 * Linear layers follow PyTorch: {@code y = W x + b} with {@code W} of shape {@code [out, in]}.
 */
public final class DeepRvatNetwork implements DeepSetNetwork {
    /** torch.nn.LeakyReLU's default negative slope, which DeepRVAT uses. */
    public static final double NEGATIVE_SLOPE = 0.01;

    /** A linear layer: {@code weight} row-major {@code [out, in]}. */
    public record Linear(int in, int out, double[] weight, double[] bias, double[] weightByInput) {
        public Linear {
            if (weight.length != in * out || bias.length != out) {
                throw new IllegalArgumentException("linear layer " + in + "->" + out + " with "
                        + weight.length + " weights and " + bias.length + " biases");
            }
        }

        public Linear(int in, int out, double[] weight, double[] bias) {
            this(in, out, weight, bias, transpose(weight, in, out));
        }

        static Linear of(Tensor w, Tensor b) {
            if (w.rank() != 2 || b.rank() != 1 || b.size(0) != w.size(0)) {
                throw new IllegalArgumentException("weight " + w + " and bias " + b + " do not form a linear layer");
            }
            return new Linear(w.size(1), w.size(0), toDouble(w.values()), toDouble(b.values()));
        }

        private static double[] transpose(double[] w, int in, int out) {
            double[] t = new double[w.length];
            for (int o = 0; o < out; o++) for (int i = 0; i < in; i++) t[i * out + o] = w[o * in + i];
            return t;
        }

        /**
         * {@code y[o] = (sum_i W[o][i] x[i]) + b[o]}, summed over i in order. The loop runs input by
         * input over all outputs (vectorisable) and skips zero inputs, which add exactly nothing.
         */
        void apply(double[] x, int xOff, double[] y, int yOff) {
            java.util.Arrays.fill(y, yOff, yOff + out, 0.0);
            for (int i = 0; i < in; i++) {
                double xi = x[xOff + i];
                if (xi == 0) continue;
                int base = i * out;
                for (int o = 0; o < out; o++) y[yOff + o] += weightByInput[base + o] * xi;
            }
            for (int o = 0; o < out; o++) y[yOff + o] += bias[o];
        }
    }

    private final List<Linear> phi;
    private final List<Linear> rho;
    private final boolean reverse;
    private final String name;
    private final double[] zeroEmbedding;
    private final double emptyScore;

    public DeepRvatNetwork(String name, List<Linear> phi, List<Linear> rho, boolean reverse) {
        if (phi.isEmpty() || rho.isEmpty()) throw new IllegalArgumentException(name + ": phi and rho need layers");
        chain(name, phi);
        chain(name, rho);
        if (phi.get(phi.size() - 1).out() != rho.get(0).in()) {
            throw new IllegalArgumentException(name + ": phi gives " + phi.get(phi.size() - 1).out()
                    + " values, rho reads " + rho.get(0).in());
        }
        if (rho.get(rho.size() - 1).out() != 1) throw new IllegalArgumentException(name + ": rho must end in one output");
        this.name = name;
        this.phi = List.copyOf(phi);
        this.rho = List.copyOf(rho);
        this.reverse = reverse;
        this.zeroEmbedding = new double[embeddingSize()];
        embed(new double[inputSize()], 1, zeroEmbedding);
        double[] s = new double[1];
        scoreEmbeddings(zeroEmbedding, 1, s);
        this.emptyScore = s[0];
    }

    /**
     * Builds the network from a {@code DeepSetAgg} state dict without its {@code agg_model.}
     * prefix: {@code phi.phi_linear_<i>.weight/.bias} and {@code rho.rho_linear_<i>.weight/.bias}.
     */
    public static DeepRvatNetwork fromStateDict(String name, Map<String, Tensor> agg, boolean reverse) {
        return new DeepRvatNetwork(name, layers(name, agg, "phi.phi_linear_"), layers(name, agg, "rho.rho_linear_"), reverse);
    }

    private static List<Linear> layers(String name, Map<String, Tensor> agg, String prefix) {
        java.util.ArrayList<Linear> out = new java.util.ArrayList<>();
        for (int i = 0; agg.containsKey(prefix + i + ".weight"); i++) {
            Tensor b = agg.get(prefix + i + ".bias");
            if (b == null) throw new IllegalArgumentException(name + ": " + prefix + i + ".bias is missing");
            out.add(Linear.of(agg.get(prefix + i + ".weight"), b));
        }
        if (out.isEmpty()) throw new IllegalArgumentException(name + ": no " + prefix + "0.weight tensor");
        return out;
    }

    private static void chain(String name, List<Linear> layers) {
        for (int i = 1; i < layers.size(); i++) {
            if (layers.get(i).in() != layers.get(i - 1).out()) {
                throw new IllegalArgumentException(name + ": layer " + i + " reads " + layers.get(i).in()
                        + " values, the layer before gives " + layers.get(i - 1).out());
            }
        }
    }

    public String name() { return name; }
    public boolean reverse() { return reverse; }
    public List<Linear> phi() { return phi; }
    public List<Linear> rho() { return rho; }

    @Override
    public int inputSize() {
        return phi.get(0).in();
    }

    @Override
    public int embeddingSize() {
        return phi.get(phi.size() - 1).out();
    }

    @Override
    public void embed(double[] rows, int nRows, double[] out) {
        int in = inputSize();
        int h = embeddingSize();
        double[] a = new double[maxWidth(phi)];
        double[] b = new double[a.length];
        for (int r = 0; r < nRows; r++) {
            double[] x = rows;
            int xOff = r * in;
            for (int l = 0; l < phi.size(); l++) {
                Linear layer = phi.get(l);
                layer.apply(x, xOff, b, 0);
                leakyRelu(b, layer.out());
                double[] t = a;
                a = b;
                b = t;
                x = a;
                xOff = 0;
            }
            System.arraycopy(a, 0, out, r * h, h);
        }
    }

    @Override
    public double[] poolStart() {
        return zeroEmbedding.clone();
    }

    @Override
    public void scoreEmbeddings(double[] pooled, int n, double[] out) {
        double[] a = new double[maxWidth(rho)];
        double[] b = new double[a.length];
        for (int s = 0; s < n; s++) {
            double r = rho(pooled, s * embeddingSize(), a, b);
            out[s] = sigmoid(reverse ? -r : r);
        }
    }

    /** The raw output of rho's last layer for one pooled embedding, before the sign and sigmoid. */
    public double rho(double[] pooled) {
        double[] a = new double[maxWidth(rho)];
        return rho(pooled, 0, a, new double[a.length]);
    }

    private double rho(double[] pooled, int off, double[] a, double[] b) {
        double[] x = pooled;
        int xOff = off;
        for (int l = 0; l < rho.size(); l++) {
            Linear layer = rho.get(l);
            layer.apply(x, xOff, b, 0);
            if (l < rho.size() - 1) leakyRelu(b, layer.out());
            double[] t = a;
            a = b;
            b = t;
            x = a;
            xOff = 0;
        }
        return a[0];
    }

    @Override
    public double emptyScore() {
        return emptyScore;
    }

    static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    private static void leakyRelu(double[] v, int n) {
        for (int i = 0; i < n; i++) if (v[i] < 0) v[i] *= NEGATIVE_SLOPE;
    }

    private static int maxWidth(List<Linear> layers) {
        int w = 0;
        for (Linear l : layers) w = Math.max(w, l.out());
        return w;
    }

    private static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) d[i] = f[i];
        return d;
    }

    @Override
    public String toString() {
        return name + (reverse ? " (reverse)" : "") + " phi " + Arrays.toString(phi.stream().mapToInt(Linear::out).toArray())
                + " rho " + Arrays.toString(rho.stream().mapToInt(Linear::out).toArray());
    }
}
