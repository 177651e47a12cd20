package org.rareset.deepset.train;

import ai.djl.engine.Engine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.rareset.deepset.model.ModelDescription;
import org.rareset.deepset.model.ModelFiles;
import org.rareset.deepset.model.NetworkWeights;
import org.rareset.deepset.model.TrainedEnsemble;
import org.rareset.deepset.model.MlpDeepSet;

/**
 * Trains {@code repeats} networks, each from its own seed, orients each with the {@link SignCheck},
 * and assembles the ensemble and its {@link ModelDescription}.
 *
 * <p>With {@code cvFolds = K >= 2} (DeepRVAT's cross-validation scheme, pipelines/cv_training): the
 * samples are dealt into K folds; for each fold k, {@code repeats} networks train on the samples
 * outside fold k (their traits transformed over those samples only) and never see fold k. The
 * ensemble holds all K x repeats networks, each tagged with its fold: scoring a fold's samples with
 * its own fold's networks gives out-of-fold scores, and the union of all folds' networks scores new
 * cohorts (DeepRVAT's published ensemble is its 5 folds x 6 repeats).
 *
 * <p>Seeds: a {@link SplittableRandom} on {@code --seed} draws the folds first (with K >= 2), then per
 * fold the train/validation split and one seed per repeat, so the same data and seed give the same
 * ensemble.
 */
public final class EnsembleTrainer {

    /**
     * What a training run produced: the ensemble, its weights and description (for saving), the fold
     * of every sample ({@code null} without cross-validation) and, per fold, the samples its networks
     * trained and validated on (every sample without cross-validation).
     */
    public record Outcome(TrainedEnsemble ensemble, ModelDescription description, List<NetworkWeights> weights,
                          int[] foldOf, List<int[]> seenByFold) {}

    /** Facts about the inputs, recorded in model.json. */
    public record Provenance(String trainFilter, List<String> plofAnnotations, String raresetVersion) {}

    /** A fold's training and validation items. */
    record Split(NetworkTrainer.Items train, NetworkTrainer.Items validation, int nTrain, int nValidation) {}

    private final TrainingOptions options;

    public EnsembleTrainer(TrainingOptions options) {
        this.options = options;
    }

    public Outcome train(TrainingData data, Provenance provenance, Consumer<String> log) {
        SplittableRandom master = new SplittableRandom(options.seed());
        int k = options.cvFolds();
        int n = data.nSamples();
        if (k > 1 && k > n / 2) {
            throw new IllegalArgumentException(k + " folds need at least " + 2 * k + " samples, there are " + n);
        }
        int[] foldOf = k > 1 ? folds(n, k, master.split()) : null;
        List<NetworkWeights> weights = new ArrayList<>();
        List<MlpDeepSet> members = new ArrayList<>();
        List<ModelDescription.Member> described = new ArrayList<>();
        List<int[]> seen = new ArrayList<>();
        List<Integer> heldOut = new ArrayList<>();
        List<Integer> trained = new ArrayList<>();
        int[] firstSplit = null;
        for (int f = 0; f < k; f++) {
            int[] pool = foldOf == null ? all(n) : outside(foldOf, f);
            TrainingData foldData = foldOf == null ? data : data.withTraitsOver(pool);
            Split split = split(foldData, pool, master.split());
            if (firstSplit == null) firstSplit = new int[] {split.nTrain(), split.nValidation()};
            seen.add(pool);
            heldOut.add(n - pool.length);
            trained.add(pool.length);
            String where = foldOf == null ? "" : String.format(Locale.ROOT, "fold %d of %d (%d samples held out): ", f, k,
                    n - pool.length);
            log.accept(String.format(Locale.ROOT,
                    "%straining on %d %s, validating on %d; %d variant rows in %d seed genes; %d trait(s)", where,
                    split.nTrain(), split.train().traits() == null ? "samples" : "(trait, sample) items",
                    split.nValidation(), data.nRows(), data.genes().size(), data.traits().size()));
            NetworkTrainer trainer = new NetworkTrainer(foldData, options);
            for (int r = 0; r < options.repeats(); r++) {
                long seed = master.nextLong();
                String tag = (foldOf == null ? "" : "fold " + f + " ") + "repeat " + r;
                long t0 = System.nanoTime();
                NetworkTrainer.Result result = trainer.train(split.train(), split.validation(), seed, (epoch, tl, vl, improved) ->
                        log.accept(String.format(Locale.ROOT, "%s epoch %d: training loss %.5f, "
                                + "validation loss %.5f%s", tag, epoch, tl, vl, improved ? " *" : "")));
                MlpDeepSet network = MlpDeepSet.trained(result.weights(), data.scaling(), false);
                SignCheck.Outcome sign = SignCheck.check(network, data);
                if (sign.reverse()) network = network.reversed();
                double seconds = (System.nanoTime() - t0) / 1e9;
                log.accept(String.format(Locale.ROOT, "%s: %d epochs (best %d, validation loss %.5f) "
                        + "in %.1f s (%.3f s per epoch); sign check: %s", tag, result.epochs(), result.bestEpoch(),
                        result.bestValidationLoss(), seconds, seconds / Math.max(1, result.epochs()), sign.describe()));
                weights.add(result.weights());
                members.add(network);
                String file = foldOf == null ? ModelFiles.parameterFile(r) : ModelFiles.parameterFile(f, r);
                described.add(new ModelDescription.Member(r, seed, file, sign.reverse(), result.epochs(),
                        result.bestEpoch(), result.bestValidationLoss(), sign.describe(), foldOf == null ? null : f));
            }
        }
        ModelDescription.CrossValidation cv = foldOf == null ? null
                : new ModelDescription.CrossValidation(k, ModelFiles.FOLDS_FILE, heldOut, trained);
        ModelDescription description = describe(data, provenance, firstSplit[0], firstSplit[1], described, cv);
        return new Outcome(new TrainedEnsemble(description, members, null, foldOf == null ? null
                : TrainedEnsemble.foldMap(data.samples(), foldOf)), description, weights, foldOf, seen);
    }

    /**
     * The training and validation items of a fold whose samples are {@code pool}. Shared batches: one
     * seeded split of the pool. Interleaved batches (DeepRVAT's {@code MultiphenoBaggingData}): per
     * trait, its observed samples in the pool split on their own, the traits' items chained.
     */
    Split split(TrainingData data, int[] pool, SplittableRandom rng) {
        if (options.traitBatches() == TrainingOptions.TraitBatches.SHARED || data.traits().size() == 1) {
            int[][] s = split(pool.length, options.validationFraction(), rng);
            int[] train = map(s[0], pool);
            int[] val = map(s[1], pool);
            return new Split(new NetworkTrainer.Items(train, null), new NetworkTrainer.Items(val, null), train.length,
                    val.length);
        }
        List<int[]> trainParts = new ArrayList<>();
        List<int[]> valParts = new ArrayList<>();
        for (int t = 0; t < data.traits().size(); t++) {
            float[] values = data.traits().get(t).values();
            int[] observed = Arrays.stream(pool).filter(i -> !Float.isNaN(values[i])).toArray();
            if (observed.length < 2) {
                throw new IllegalArgumentException("trait " + data.traits().get(t).name() + " has "
                        + observed.length + " observed sample(s) to split");
            }
            int[][] s = split(observed.length, options.validationFraction(), rng.split());
            trainParts.add(map(s[0], observed));
            valParts.add(map(s[1], observed));
        }
        NetworkTrainer.Items train = chain(trainParts);
        NetworkTrainer.Items val = chain(valParts);
        return new Split(train, val, train.size(), val.size());
    }

    /** Trait t's samples, for t = 0, 1, ..., one after another as (trait, sample) items. */
    private static NetworkTrainer.Items chain(List<int[]> parts) {
        int total = 0;
        for (int[] p : parts) total += p.length;
        int[] samples = new int[total];
        int[] traits = new int[total];
        int i = 0;
        for (int t = 0; t < parts.size(); t++) {
            for (int s : parts.get(t)) {
                samples[i] = s;
                traits[i++] = t;
            }
        }
        return new NetworkTrainer.Items(samples, traits);
    }

    private ModelDescription describe(TrainingData data, Provenance provenance, int nTrain, int nValidation,
                                      List<ModelDescription.Member> members, ModelDescription.CrossValidation cv) {
        List<ModelDescription.Trait> traits = new ArrayList<>();
        for (TrainingData.Trait t : data.traits()) {
            List<String> seeds = new ArrayList<>();
            for (int s : t.seedSlots()) seeds.add(data.genes().get(s));
            traits.add(new ModelDescription.Trait(t.name(), t.binary() ? "binary" : "quantitative", seeds));
        }
        Engine engine = Engine.getInstance();
        return new ModelDescription(ModelDescription.FORMAT, provenance.raresetVersion(), Engine.getDjlVersion(),
                engine.getEngineName() + " " + engine.getVersion(), data.annotations(),
                new ModelDescription.Scaling(data.scaling().mean(), data.scaling().sd()),
                TrainedEnsemble.missingValueMap(data.annotations()), provenance.trainFilter(),
                provenance.plofAnnotations(),
                new ModelDescription.Network(options.phiHidden(), options.rhoHidden(),
                        Double.parseDouble(Float.toString(org.rareset.deepset.model.NetworkShape.DEFAULT_NEGATIVE_SLOPE)),
                        "masked max", true),
                new ModelDescription.Training(options.seed(), options.repeats(), options.learningRate(),
                        options.weightDecay(), options.batchSize(), options.minEpochs(), options.maxEpochs(),
                        options.patience(), options.minDelta(), options.validationFraction(),
                        options.traitTransform().name().toLowerCase(Locale.ROOT),
                        options.traitBatches().name().toLowerCase(Locale.ROOT), nTrain, nValidation, data.nRows(),
                        data.covariateNames()),
                traits, members, cv);
    }

    /**
     * Deals samples {@code 0..n-1} into {@code k} folds: a seeded shuffle, then position i of the
     * shuffled order goes to fold {@code i * k / n}, so fold sizes differ by at most one.
     */
    static int[] folds(int n, int k, SplittableRandom rng) {
        int[] order = all(n);
        NetworkTrainer.shuffle(order, rng);
        int[] foldOf = new int[n];
        for (int i = 0; i < n; i++) foldOf[order[i]] = (int) ((long) i * k / n);
        return foldOf;
    }

    /** A seeded random split: {train, validation}, each sorted. */
    static int[][] split(int n, double validationFraction, SplittableRandom rng) {
        int[] idx = all(n);
        NetworkTrainer.shuffle(idx, rng);
        int nVal = (int) Math.round(n * validationFraction);
        if (n >= 2) nVal = Math.max(1, Math.min(n - 1, nVal));
        int[] val = Arrays.copyOfRange(idx, 0, nVal);
        int[] train = Arrays.copyOfRange(idx, nVal, n);
        Arrays.sort(val);
        Arrays.sort(train);
        return new int[][] {train, val};
    }

    private static int[] all(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        return a;
    }

    private static int[] outside(int[] foldOf, int fold) {
        return java.util.stream.IntStream.range(0, foldOf.length).filter(i -> foldOf[i] != fold).toArray();
    }

    private static int[] map(int[] positions, int[] values) {
        int[] out = new int[positions.length];
        for (int i = 0; i < out.length; i++) out[i] = values[positions[i]];
        return out;
    }
}
