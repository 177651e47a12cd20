package org.rareset.deepset.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The forward pass of every deep-set network RareSet scores with: DeepRVAT's published
 * checkpoints and the ensembles {@code rareset train} writes. For a sample's carried annotation
 * rows {@code x_1..x_k} in one gene:
 * <pre>
 *   z_i    = x_i, or (x_i - mean) / sd for a trained model ({@link AnnotationScaling})
 *   e_i    = phi(z_i)         phi: linear layers, each followed by LeakyReLU(slope)
 *   pooled = max(start, e_1, ..., e_k) elementwise; the empty embedding when k = 0
 *   r      = rho(pooled)      rho: linear layers with LeakyReLU between them, none after the last
 *   score  = sigmoid(-r) for a reversed network, else sigmoid(r)
 * </pre>
 * The two kinds differ only in their data, chosen by {@link Pooling}: DeepRVAT pads the variant
 * axis with an all-zero row that is not masked, so {@code start = empty = phi(0)}; a trained model
 * masks its max ({@code start = -infinity}) and learned its own empty-gene embedding.
 *
 * <p>Weights are float32 values widened to double; arithmetic is in double precision. Immutable
 * and safe to call from several threads at once.
 */
public final class MlpDeepSet implements DeepSetNetwork {
    /** torch.nn.LeakyReLU's default negative slope, which DeepRVAT uses. */
    public static final double DEEPRVAT_NEGATIVE_SLOPE = 0.01;

    /** How the max pool starts and what a sample carrying nothing gets. */
    public enum Pooling {
        /** DeepRVAT: an unmasked all-zero row always joins the max; no rows pool to {@code phi(0)}. */
        ZERO_ROW,
        /** Masked max from {@code -infinity}; no rows take the learned empty-gene embedding. */
        MASKED
    }

    private final String name;
    private final AnnotationScaling scaling;
    private final List<LinearLayer> phi;
    private final List<LinearLayer> rho;
    private final double slope;
    private final Pooling pooling;
    private final double[] learnedEmpty;
    private final boolean reverse;
    private final double[] poolStart;
    private final double emptyScore;
    private final int width;

    private MlpDeepSet(String name, AnnotationScaling scaling, List<LinearLayer> phi, List<LinearLayer> rho,
                       double slope, Pooling pooling, double[] learnedEmpty, boolean reverse) {
        if (phi.isEmpty() || rho.isEmpty()) throw new IllegalArgumentException(name + ": phi and rho need layers");
        chain(name, phi);
        chain(name, rho);
        if (phi.get(phi.size() - 1).out() != rho.get(0).in()) {
            throw new IllegalArgumentException(name + ": phi gives " + phi.get(phi.size() - 1).out()
                    + " values, rho reads " + rho.get(0).in());
        }
        if (rho.get(rho.size() - 1).out() != 1) throw new IllegalArgumentException(name + ": rho must end in one output");
        if (scaling != null && scaling.width() != phi.get(0).in()) {
            throw new IllegalArgumentException(name + ": scaling has " + scaling.width() + " columns, network reads "
                    + phi.get(0).in());
        }
        this.name = name;
        this.scaling = scaling;
        this.phi = List.copyOf(phi);
        this.rho = List.copyOf(rho);
        this.slope = slope;
        this.pooling = pooling;
        this.reverse = reverse;
        this.width = Math.max(maxWidth(this.phi), maxWidth(this.rho));
        double[] empty;
        if (pooling == Pooling.ZERO_ROW) {
            this.learnedEmpty = null;
            empty = new double[embeddingSize()];
            embedRaw(new double[inputSize()], 0, empty, 0, new double[width], new double[width]);
            this.poolStart = empty;
        } else {
            if (learnedEmpty == null || learnedEmpty.length != embeddingSize()) {
                throw new IllegalArgumentException(name + ": a masked network needs an empty embedding of "
                        + embeddingSize() + " values");
            }
            this.learnedEmpty = learnedEmpty.clone();
            empty = this.learnedEmpty;
            this.poolStart = new double[embeddingSize()];
            Arrays.fill(poolStart, Double.NEGATIVE_INFINITY);
        }
        double[] s = new double[1];
        scoreEmbeddings(empty, 1, s);
        this.emptyScore = s[0];
    }

    /** One of DeepRVAT's published networks ({@code DeepSetAgg}): raw inputs, zero padding row, LeakyReLU(0.01). */
    public static MlpDeepSet deepRvat(String name, List<LinearLayer> phi, List<LinearLayer> rho, boolean reverse) {
        return new MlpDeepSet(name, null, phi, rho, DEEPRVAT_NEGATIVE_SLOPE, Pooling.ZERO_ROW, null, reverse);
    }

    /**
     * A network trained by RareSet ({@link NetworkShape}'s layers, the learned {@link NetworkShape#EMPTY}
     * embedding): standardised inputs, masked max, the shape's negative slope.
     */
    public static MlpDeepSet trained(NetworkWeights weights, AnnotationScaling scaling, boolean reverse) {
        NetworkShape shape = weights.shape();
        List<LinearLayer> phi = new ArrayList<>();
        List<LinearLayer> rho = new ArrayList<>();
        for (NetworkShape.Layer l : shape.layers()) {
            LinearLayer layer = LinearLayer.of(l.in(), l.out(), weights.get(l.weightName()), weights.get(l.biasName()));
            (l.name().startsWith("phi.") ? phi : rho).add(layer);
        }
        return new MlpDeepSet("trained", scaling, phi, rho, shape.negativeSlope(), Pooling.MASKED,
                LinearLayer.toDouble(weights.get(NetworkShape.EMPTY)), reverse);
    }

    /** The same network with the opposite sign. */
    public MlpDeepSet reversed() {
        return new MlpDeepSet(name, scaling, phi, rho, slope, pooling, learnedEmpty, !reverse);
    }

    public String name() { return name; }
    public boolean reverse() { return reverse; }
    public Pooling pooling() { return pooling; }
    public List<LinearLayer> phi() { return phi; }
    public List<LinearLayer> rho() { return rho; }

    /** The input standardisation; null when the network reads raw annotations (DeepRVAT). */
    public AnnotationScaling scaling() { return scaling; }

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
        double[] a = new double[width];
        double[] b = new double[width];
        double[] z = scaling == null ? null : new double[in];
        for (int r = 0; r < nRows; r++) {
            if (z == null) {
                embedRaw(rows, r * in, out, r * h, a, b);
            } else {
                for (int j = 0; j < in; j++) z[j] = scaling.apply(j, rows[r * in + j]);
                embedRaw(z, 0, out, r * h, a, b);
            }
        }
    }

    /** phi on one (already standardised) row; {@code a} and {@code b} are scratch space. */
    private void embedRaw(double[] row, int off, double[] out, int outOff, double[] a, double[] b) {
        double[] x = row;
        int xOff = off;
        for (LinearLayer layer : phi) {
            layer.apply(x, xOff, b, 0);
            leakyRelu(b, layer.out());
            double[] t = a;
            a = b;
            b = t;
            x = a;
            xOff = 0;
        }
        System.arraycopy(x, 0, out, outOff, embeddingSize());
    }

    @Override
    public double[] poolStart() {
        return poolStart.clone();
    }

    @Override
    public void scoreEmbeddings(double[] pooled, int n, double[] out) {
        double[] a = new double[width];
        double[] b = new double[width];
        for (int s = 0; s < n; s++) {
            double r = rho(pooled, s * embeddingSize(), a, b);
            out[s] = sigmoid(reverse ? -r : r);
        }
    }

    /** The raw output of rho's last layer for one pooled embedding, before the sign and the sigmoid. */
    public double rho(double[] pooled) {
        return rho(pooled, 0, new double[width], new double[width]);
    }

    private double rho(double[] pooled, int off, double[] a, double[] b) {
        double[] x = pooled;
        int xOff = off;
        for (int l = 0; l < rho.size(); l++) {
            LinearLayer layer = rho.get(l);
            layer.apply(x, xOff, b, 0);
            if (l < rho.size() - 1) leakyRelu(b, layer.out());
            double[] t = a;
            a = b;
            b = t;
            x = a;
            xOff = 0;
        }
        return x[0];
    }

    @Override
    public double emptyScore() {
        return emptyScore;
    }

    /** {@code 1 / (1 + e^-x)}, written so that neither branch overflows. */
    static double sigmoid(double x) {
        return x >= 0 ? 1.0 / (1.0 + Math.exp(-x)) : Math.exp(x) / (1.0 + Math.exp(x));
    }

    private void leakyRelu(double[] v, int n) {
        for (int i = 0; i < n; i++) if (v[i] < 0) v[i] *= slope;
    }

    private static void chain(String name, List<LinearLayer> layers) {
        for (int i = 1; i < layers.size(); i++) {
            if (layers.get(i).in() != layers.get(i - 1).out()) {
                throw new IllegalArgumentException(name + ": layer " + i + " reads " + layers.get(i).in()
                        + " values, the layer before gives " + layers.get(i - 1).out());
            }
        }
    }

    private static int maxWidth(List<LinearLayer> layers) {
        int w = 0;
        for (LinearLayer l : layers) w = Math.max(w, Math.max(l.in(), l.out()));
        return w;
    }

    @Override
    public String toString() {
        return name + (reverse ? " (reverse)" : "") + " phi " + Arrays.toString(phi.stream().mapToInt(LinearLayer::out).toArray())
                + " rho " + Arrays.toString(rho.stream().mapToInt(LinearLayer::out).toArray());
    }
}
