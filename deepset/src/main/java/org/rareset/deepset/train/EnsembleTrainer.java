package org.rareset.deepset.train;

import ai.djl.engine.Engine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.rareset.deepset.model.ModelDescription;
import org.rareset.deepset.model.ModelFiles;
import org.rareset.deepset.model.NetworkWeights;
import org.rareset.deepset.model.TrainedEnsemble;
import org.rareset.deepset.model.MlpDeepSet;

/**
 * Trains {@code repeats} networks on the same data and split, each from its own seed, orients each
 * with the {@link SignCheck}, and assembles the ensemble and its {@link ModelDescription}.
 *
 * <p>Seeds: a {@link SplittableRandom} on {@code --seed} draws the train/validation split first,
 * then one seed per repeat, so the same data and seed give the same ensemble.
 */
public final class EnsembleTrainer {

    /** What a training run produced: the ensemble, its weights and description (for saving). */
    public record Outcome(TrainedEnsemble ensemble, ModelDescription description, List<NetworkWeights> weights) {}

    /** Facts about the inputs, recorded in model.json. */
    public record Provenance(String trainFilter, List<String> plofAnnotations, String raresetVersion) {}

    private final TrainingOptions options;

    public EnsembleTrainer(TrainingOptions options) {
        this.options = options;
    }

    public Outcome train(TrainingData data, Provenance provenance, Consumer<String> log) {
        SplittableRandom master = new SplittableRandom(options.seed());
        int[][] split = split(data.nSamples(), options.validationFraction(), master.split());
        int[] train = split[0];
        int[] validation = split[1];
        log.accept(String.format(java.util.Locale.ROOT,
                "training on %d samples, validating on %d; %d variant rows in %d seed genes; %d trait(s)",
                train.length, validation.length, data.nRows(), data.genes().size(), data.traits().size()));

        NetworkTrainer trainer = new NetworkTrainer(data, options);
        List<NetworkWeights> weights = new ArrayList<>();
        List<MlpDeepSet> members = new ArrayList<>();
        List<ModelDescription.Member> described = new ArrayList<>();
        for (int r = 0; r < options.repeats(); r++) {
            long seed = master.nextLong();
            final int repeat = r;
            long t0 = System.nanoTime();
            NetworkTrainer.Result result = trainer.train(train, validation, seed, (epoch, tl, vl, improved) ->
                    log.accept(String.format(java.util.Locale.ROOT, "repeat %d epoch %d: training loss %.5f, "
                            + "validation loss %.5f%s", repeat, epoch, tl, vl, improved ? " *" : "")));
            MlpDeepSet network = MlpDeepSet.trained(result.weights(), data.scaling(), false);
            SignCheck.Outcome sign = SignCheck.check(network, data);
            if (sign.reverse()) network = network.reversed();
            log.accept(String.format(java.util.Locale.ROOT, "repeat %d: %d epochs (best %d, validation loss %.5f) "
                    + "in %.1f s; sign check: %s", r, result.epochs(), result.bestEpoch(), result.bestValidationLoss(),
                    (System.nanoTime() - t0) / 1e9, sign.describe()));
            weights.add(result.weights());
            members.add(network);
            described.add(new ModelDescription.Member(r, seed, ModelFiles.parameterFile(r), sign.reverse(),
                    result.epochs(), result.bestEpoch(), result.bestValidationLoss(), sign.describe()));
        }
        ModelDescription description = describe(data, provenance, train.length, validation.length, described);
        return new Outcome(new TrainedEnsemble(description, members, null), description, weights);
    }

    private ModelDescription describe(TrainingData data, Provenance provenance, int nTrain, int nValidation,
                                      List<ModelDescription.Member> members) {
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
                        options.patience(), options.validationFraction(), nTrain, nValidation, data.nRows(),
                        data.covariateNames()),
                traits, members);
    }

    /** A seeded random split: {train, validation}, each sorted. */
    static int[][] split(int n, double validationFraction, SplittableRandom rng) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        int nVal = (int) Math.round(n * validationFraction);
        if (n >= 2) nVal = Math.max(1, Math.min(n - 1, nVal));
        int[] val = Arrays.copyOfRange(idx, 0, nVal);
        int[] train = Arrays.copyOfRange(idx, nVal, n);
        Arrays.sort(val);
        Arrays.sort(train);
        return new int[][] {train, val};
    }
}
