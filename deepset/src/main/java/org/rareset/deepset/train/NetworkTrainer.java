package org.rareset.deepset.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.rareset.deepset.model.NetworkShape;
import org.rareset.deepset.model.NetworkWeights;

/**
 * Trains one deep-set network with DJL (PyTorch engine, CPU).
 *
 * <p>Per batch: phi on the batch's distinct variant rows, a padded gather + max per bucket of
 * (sample, gene) pairs (see {@link SparseBatch}), rho and the sigmoid on the pooled embeddings and
 * on the learned empty-gene embedding, then per trait a linear head over the covariates and the
 * trait's seed-gene scores. The loss is the mean over traits of each trait's mean squared error
 * over the batch positions that count for it (see {@link Items}). AdamW; early stopping on the
 * validation loss, keeping the parameters of the best epoch.
 *
 * <p>Deterministic for a seed: parameters are initialised from a Java RNG (PyTorch's default
 * Linear init, U(-1/sqrt(in), 1/sqrt(in))), the batch order comes from the same RNG, and the
 * operations used are deterministic on CPU.
 */
public final class NetworkTrainer {

    /** Result of one training run. */
    public record Result(NetworkWeights weights, int epochs, int bestEpoch, double bestValidationLoss,
                         List<Double> trainingLoss, List<Double> validationLoss) {}

    /** Receives one line per epoch; may ignore it. */
    public interface Progress {
        void epoch(int epoch, double trainingLoss, double validationLoss, boolean improved);
    }

    private final TrainingData data;
    private final TrainingOptions options;
    private Runnable betweenPasses = () -> { };

    public NetworkTrainer(TrainingData data, TrainingOptions options) {
        this.data = data;
        this.options = options;
    }

    /**
     * Runs {@code action} after each training batch's forward pass, before its backward pass. For
     * tests: a garbage collection there must not change the trained network.
     */
    NetworkTrainer betweenPasses(Runnable action) {
        this.betweenPasses = action;
        return this;
    }

    public NetworkShape shape() {
        return new NetworkShape(data.width(), options.phiHidden(), options.rhoHidden(),
                NetworkShape.DEFAULT_NEGATIVE_SLOPE);
    }

    /**
     * What a network trains or validates on: {@code samples} each counting for every trait they have a
     * value for ({@code traits == null}), or (trait, sample) items, position i being sample
     * {@code samples[i]} for trait {@code traits[i]} only (DeepRVAT's multi-trait chain).
     */
    public record Items(int[] samples, int[] traits) {
        public Items {
            if (traits != null && traits.length != samples.length) throw new IllegalArgumentException("items differ in length");
        }

        public int size() {
            return samples.length;
        }
    }

    /** Trains on {@code trainSamples}, stops early on {@code validationSamples}; every sample counts for every trait. */
    public Result train(int[] trainSamples, int[] validationSamples, long seed, Progress progress) {
        return train(new Items(trainSamples, null), new Items(validationSamples, null), seed, progress);
    }

    /**
     * Trains on {@code train}, stops early on {@code validation}.
     *
     * <p>Stopping and the epoch kept follow {@link EarlyStopping} (DeepRVAT's Lightning callbacks).
     */
    public Result train(Items train, Items validation, long seed, Progress progress) {
        NetworkShape shape = shape();
        SplittableRandom rng = new SplittableRandom(seed);
        Engine.getInstance().setRandomSeed((int) seed);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(data.standardisedRows(), new Shape(data.nRows(), data.width()));
            Map<String, NDArray> params = initialise(manager, shape, rng);
            NDArray headMask = headMask(manager);
            Optimizer optimizer = Optimizer.adamW()
                    .optLearningRateTracker(Tracker.fixed((float) options.learningRate()))
                    .optWeightDecays((float) options.weightDecay())
                    .build();
            SparseBatch.Builder batches = new SparseBatch.Builder(data);
            List<SparseBatch> validationBatches = batchesOf(batches, validation);

            List<Double> trainLoss = new ArrayList<>();
            List<Double> valLoss = new ArrayList<>();
            EarlyStopping stopping = new EarlyStopping(options.minEpochs(), options.maxEpochs(), options.patience(),
                    options.minDelta());
            Map<String, float[]> bestValues = snapshot(params, shape);
            int[] order = new int[train.size()];
            for (int i = 0; i < order.length; i++) order[i] = i;
            while (!stopping.stop()) {
                shuffle(order, rng);
                double sum = 0;
                int nBatches = 0;
                for (int start = 0; start < order.length; start += options.batchSize()) {
                    SparseBatch batch = batch(batches, train, order, start,
                            Math.min(order.length, start + options.batchSize()));
                    try (NDScope scope = new NDScope();
                         GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray loss = batchLoss(manager, x, params, batch, null, null);
                        sum += loss.getFloat();
                        betweenPasses.run();
                        gc.backward(loss);
                    }
                    step(optimizer, params, headMask);
                    nBatches++;
                }
                double tl = sum / Math.max(1, nBatches);
                double vl = validationLoss(manager, x, params, validationBatches);
                trainLoss.add(tl);
                valLoss.add(vl);
                boolean improved = stopping.record(vl);
                if (improved) bestValues = snapshot(params, shape);
                if (progress != null) progress.epoch(stopping.epochs(), tl, vl, improved);
                if (!Double.isFinite(tl)) break;
            }
            return new Result(new NetworkWeights(shape, bestValues), stopping.epochs(), stopping.bestEpoch(), stopping.best(),
                    trainLoss, valLoss);
        }
    }

    /** The batch of items {@code order[from..to)}. */
    private static SparseBatch batch(SparseBatch.Builder builder, Items items, int[] order, int from, int to) {
        int[] samples = new int[to - from];
        int[] traits = items.traits() == null ? null : new int[to - from];
        for (int i = from; i < to; i++) {
            samples[i - from] = items.samples()[order[i]];
            if (traits != null) traits[i - from] = items.traits()[order[i]];
        }
        return builder.build(samples, traits);
    }

    /**
     * Scores of {@code samples} x every seed gene computed the training way (DJL, float32, sparse
     * batch), for checking against a direct computation. Row-major {@code samples.length x genes}.
     */
    static double[] batchScores(TrainingData data, NetworkWeights weights, int[] samples) {
        TrainingOptions opt = TrainingOptions.defaults().copy(b -> {
            b.phiHidden = weights.shape().phiHidden();
            b.rhoHidden = weights.shape().rhoHidden();
            b.repeats = 1;
            b.cvFolds = 1;
            b.seed = 0;
        });
        NetworkTrainer t = new NetworkTrainer(data, opt);
        int nGenes = data.genes().size();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(data.standardisedRows(), new Shape(data.nRows(), data.width()));
            Map<String, NDArray> params = new LinkedHashMap<>();
            weights.asMap().forEach((k, v) -> params.put(k, manager.create(v,
                    new Shape(java.util.Arrays.stream(weights.shape().parameterShapes().get(k)).asLongStream().toArray()))));
            SparseBatch batch = new SparseBatch.Builder(data).build(samples);
            float[] stack = t.scoreStack(manager, x, params, batch).toFloatArray();
            // Cells of every gene: rebuild positions from a one-trait view over all genes.
            double[] out = new double[samples.length * nGenes];
            long[] cells = batch.cellsOfAllGenes();
            for (int i = 0; i < out.length; i++) out[i] = stack[(int) cells[i]];
            return out;
        }
    }

    private List<SparseBatch> batchesOf(SparseBatch.Builder builder, Items items) {
        List<SparseBatch> out = new ArrayList<>();
        int[] order = new int[items.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        for (int start = 0; start < order.length; start += options.batchSize()) {
            out.add(batch(builder, items, order, start, Math.min(order.length, start + options.batchSize())));
        }
        return out;
    }

    /** Mean over traits of each trait's validation MSE (over all validation samples with a value). */
    private double validationLoss(NDManager manager, NDArray x, Map<String, NDArray> params, List<SparseBatch> batches) {
        int nTraits = data.traits().size();
        double[] sse = new double[nTraits];
        long[] n = new long[nTraits];
        for (SparseBatch batch : batches) {
            try (NDScope scope = new NDScope()) {
                batchLoss(manager, x, params, batch, sse, n);
            }
        }
        double total = 0;
        int counted = 0;
        for (int t = 0; t < nTraits; t++) {
            if (n[t] > 0) {
                total += sse[t] / n[t];
                counted++;
            }
        }
        return counted == 0 ? Double.NaN : total / counted;
    }

    /**
     * The batch loss. With {@code sse}/{@code counts} given, also adds each trait's sum of squared
     * errors and observation count (for the validation loss).
     *
     * <p>All trait heads are one product: with features {@code F = [covariates, every trait's seed-gene
     * scores]} ({@code b x (c + S)}) and the head matrix {@code H} ({@code T x (c + S)}, trait t's row
     * zero outside its covariates and its own seed genes, kept so by {@link #step}), the
     * predictions are {@code F H^T + bias} ({@code b x T}); trait t's MSE is the sum over the positions
     * that count for it of the squared error, over their number. The zeros add nothing, so each column
     * is DeepRVAT's per-trait head {@code Linear(covariates + seed genes -> 1)}.
     */
    private NDArray batchLoss(NDManager manager, NDArray x, Map<String, NDArray> params, SparseBatch batch,
                              double[] sse, long[] counts) {
        NDArray scores = scoreStack(manager, x, params, batch);
        int b = batch.samples().length;
        int nCov = data.nCovariates();
        int nTraits = data.traits().size();
        float[] y = new float[b * nTraits];
        float[] mask = new float[b * nTraits];
        int[] observed = new int[nTraits];
        for (int t = 0; t < nTraits; t++) {
            float[] values = data.traits().get(t).values();
            for (int i = 0; i < b; i++) {
                float v = values[batch.samples()[i]];
                if (!Float.isNaN(v) && batch.counts(i, t)) {
                    y[i * nTraits + t] = v;
                    mask[i * nTraits + t] = 1;
                    observed[t]++;
                }
            }
        }
        int observedTraits = 0;
        float[] n = new float[nTraits];
        for (int t = 0; t < nTraits; t++) {
            if (observed[t] > 0) observedTraits++;
            n[t] = Math.max(1, observed[t]); // an unobserved trait's squared errors are all masked to 0
        }
        if (observedTraits == 0) return manager.create(0f);
        NDArray seeds = scores.get(new NDIndex("{}", manager.create(batch.seedCells())))
                .reshape(b, batch.seedCells().length / b);
        NDArray features = seeds;
        if (nCov > 0) {
            float[] c = new float[b * nCov];
            for (int i = 0; i < b; i++) {
                for (int k = 0; k < nCov; k++) c[i * nCov + k] = data.covariate(batch.samples()[i], k);
            }
            features = manager.create(c, new Shape(b, nCov)).concat(seeds, 1);
        }
        NDArray yHat = Linear.linear(features, params.get(HEAD_WEIGHT), params.get(HEAD_BIAS)).singletonOrThrow();
        NDArray err = yHat.sub(manager.create(y, new Shape(b, nTraits))).mul(manager.create(mask, new Shape(b, nTraits)));
        NDArray sq = err.square().sum(new int[] {0});
        if (sse != null) {
            float[] perTrait = sq.toFloatArray();
            for (int t = 0; t < nTraits; t++) {
                sse[t] += perTrait[t];
                counts[t] += observed[t];
            }
        }
        // Divisors are arrays made here (so the batch's NDScope keeps them until after backward), never
        // div(Number): DJL wraps the number in an array over Java memory and closes it at once, while
        // the division's backward still reads it; a garbage collection in between frees that memory
        // and the gradients read whatever reuses it (rarely, so same-seed runs differed or went NaN).
        return sq.div(manager.create(n)).sum().div(manager.create((float) observedTraits));
    }

    /** Scores stacked as [empty, pairs...] (see {@link SparseBatch}), after the sigmoid. */
    private NDArray scoreStack(NDManager manager, NDArray x, Map<String, NDArray> params, SparseBatch batch) {
        float slope = NetworkShape.DEFAULT_NEGATIVE_SLOPE;
        NDList pooled = new NDList();
        pooled.add(params.get(NetworkShape.EMPTY).reshape(1, options.phiHidden()));
        if (batch.rows().length > 0) {
            NDArray rows = x.get(new NDIndex("{}", manager.create(batch.rows())));
            NDArray h = Activation.leakyRelu(linear(rows, params, "phi.0"), slope);
            NDArray phi = Activation.leakyRelu(linear(h, params, "phi.1"), slope);
            for (SparseBatch.Bucket bucket : batch.buckets()) {
                NDArray idx = manager.create(bucket.index());
                if (bucket.width() == 1) {
                    pooled.add(phi.get(new NDIndex("{}", idx)));
                } else {
                    NDArray gathered = phi.get(new NDIndex("{}", idx.reshape(bucket.nPairs(), bucket.width())));
                    pooled.add(gathered.max(new int[] {1}));
                }
            }
        }
        NDArray g = pooled.size() == 1 ? pooled.get(0) : NDArrays.concat(pooled, 0);
        NDArray r = Activation.leakyRelu(linear(g, params, "rho.0"), slope);
        r = Activation.leakyRelu(linear(r, params, "rho.1"), slope);
        r = linear(r, params, "rho.2");
        return Activation.sigmoid(r).reshape(-1);
    }

    private static NDArray linear(NDArray in, Map<String, NDArray> params, String layer) {
        return Linear.linear(in, params.get(layer + ".weight"), params.get(layer + ".bias")).singletonOrThrow();
    }

    /** The trait heads as one matrix, {@code traits x (covariates + all traits' seed genes)}, and their biases. */
    private static final String HEAD_WEIGHT = "head.weight";
    private static final String HEAD_BIAS = "head.bias";

    /**
     * AdamW step on every parameter (DJL's update also zeroes the gradient). The head matrix's
     * gradient is first multiplied by {@code headMask}: its structural zeros then get a zero gradient,
     * so AdamW's moments stay 0 there and the update (0 / (sqrt(0) + eps), and the decay of 0) keeps
     * them exactly 0, making each row the head of its own trait only.
     */
    private static void step(Optimizer optimizer, Map<String, NDArray> params, NDArray headMask) {
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            NDArray p = e.getValue();
            try (NDArray grad = p.getGradient()) {
                if (e.getKey().equals(HEAD_WEIGHT)) grad.muli(headMask);
                optimizer.update(e.getKey(), p, grad);
            }
        }
    }

    /** PyTorch's default Linear initialisation, from a Java RNG; the empty embedding starts at 0. */
    private Map<String, NDArray> initialise(NDManager manager, NetworkShape shape, SplittableRandom rng) {
        Map<String, NDArray> params = new LinkedHashMap<>();
        for (NetworkShape.Layer l : shape.layers()) {
            params.put(l.weightName(), uniform(manager, rng, new Shape(l.out(), l.in()), l.in()));
            params.put(l.biasName(), uniform(manager, rng, new Shape(l.out()), l.in()));
        }
        params.put(NetworkShape.EMPTY, manager.zeros(new Shape(shape.phiHidden())));
        // Trait t's head draws its weights then its bias, as Linear(covariates + its seed genes -> 1)
        // would, and sits in row t of the head matrix: its covariate columns, then its own seed-gene
        // columns; the rest of the row is 0 and stays 0 (maskHeadGradient).
        int nCov = data.nCovariates();
        int nTraits = data.traits().size();
        int cols = nCov + SparseBatch.Builder.allSeedSlots(data).length;
        float[] w = new float[nTraits * cols];
        float[] bias = new float[nTraits];
        int offset = nCov;
        for (int t = 0; t < nTraits; t++) {
            int nSeeds = data.traits().get(t).seedSlots().length;
            int in = nCov + nSeeds;
            float[] wt = uniformValues(rng, in, in);
            System.arraycopy(wt, 0, w, t * cols, nCov);
            System.arraycopy(wt, nCov, w, t * cols + offset, nSeeds);
            bias[t] = uniformValues(rng, 1, in)[0];
            offset += nSeeds;
        }
        params.put(HEAD_WEIGHT, manager.create(w, new Shape(nTraits, cols)));
        params.put(HEAD_BIAS, manager.create(bias, new Shape(nTraits)));
        for (NDArray p : params.values()) p.setRequiresGradient(true);
        return params;
    }

    /**
     * Which head-matrix entries are trait weights (1) and which are the structural zeros (0): row t is
     * 1 on the covariate columns and on trait t's own seed-gene columns.
     */
    private NDArray headMask(NDManager manager) {
        int nCov = data.nCovariates();
        int nTraits = data.traits().size();
        int cols = nCov + SparseBatch.Builder.allSeedSlots(data).length;
        float[] m = new float[nTraits * cols];
        int offset = nCov;
        for (int t = 0; t < nTraits; t++) {
            java.util.Arrays.fill(m, t * cols, t * cols + nCov, 1f);
            int nSeeds = data.traits().get(t).seedSlots().length;
            java.util.Arrays.fill(m, t * cols + offset, t * cols + offset + nSeeds, 1f);
            offset += nSeeds;
        }
        return manager.create(m, new Shape(nTraits, cols));
    }

    private static NDArray uniform(NDManager manager, SplittableRandom rng, Shape shape, int fanIn) {
        return manager.create(uniformValues(rng, (int) shape.size(), fanIn), shape);
    }

    private static float[] uniformValues(SplittableRandom rng, int n, int fanIn) {
        double bound = 1.0 / Math.sqrt(fanIn);
        float[] v = new float[n];
        for (int i = 0; i < v.length; i++) v[i] = (float) ((rng.nextDouble() * 2 - 1) * bound);
        return v;
    }

    private static Map<String, float[]> snapshot(Map<String, NDArray> params, NetworkShape shape) {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (String name : shape.parameterNames()) out.put(name, params.get(name).toFloatArray());
        return out;
    }

    /** Fisher-Yates shuffle from {@code rng}: the one draw order for batches and fold assignment, so a seed fixes both. */
    static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
