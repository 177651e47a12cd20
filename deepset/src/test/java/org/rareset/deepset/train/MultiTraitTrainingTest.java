package org.rareset.deepset.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Several traits trained jointly: one shared phi/rho, a head per trait over its own seed genes
 * (DeepRVAT's DeepSet.gene_pheno), and DeepRVAT's interleaved (trait, sample) batches as an option.
 */
@Tag("slow")
class MultiTraitTrainingTest {
    private final SyntheticCohort c = new SyntheticCohort(1400, 8, 15, new int[] {0, 1}, 1.5, 3);
    private final TrainingData data = c.trainingData(new int[] {0, 1, 2}, TraitTransforms.Method.QUANTILE, true);

    @Test
    void interleavedItemsPoolOnlyTheirTraitsSeedGenes() {
        int[] samples = java.util.stream.IntStream.range(0, 300).toArray();
        SparseBatch.Builder builder = new SparseBatch.Builder(data);
        int[] nullItems = new int[samples.length];
        Arrays.fill(nullItems, 1); // every position counts for NULL, whose only seed gene is slot 0
        SparseBatch shared = builder.build(samples);
        SparseBatch onlyNull = builder.build(samples, nullItems);
        // Independent count: samples carrying something in gene slot 0.
        int carriersOfSlot0 = 0;
        for (int s : samples) {
            boolean any = false;
            for (int e = data.entryStart(s); e < data.entryStart(s + 1); e++) any |= data.entryGene(e) == 0;
            if (any) carriersOfSlot0++;
        }
        assertEquals(carriersOfSlot0, onlyNull.nPairs());
        assertTrue(shared.nPairs() > onlyNull.nPairs(), "shared batches pool every seed gene");
        assertTrue(shared.counts(5, 0) && shared.counts(5, 1));
        assertTrue(onlyNull.counts(5, 1) && !onlyNull.counts(5, 0));
    }

    @Test
    void interleavedSplitsEachTraitOnItsOwnObservedSamples() {
        TrainingOptions opt = TrainingOptions.defaults().withTraitBatches(TrainingOptions.TraitBatches.INTERLEAVED);
        int[] pool = java.util.stream.IntStream.range(0, c.nSamples).toArray();
        EnsembleTrainer.Split split = new EnsembleTrainer(opt).split(data, pool, new SplittableRandom(1));
        int observedNull = (int) data.traits().get(1).observed();
        assertEquals(c.nSamples + observedNull, split.nTrain() + split.nValidation(), "one item per (trait, observed sample)");
        for (NetworkTrainer.Items items : List.of(split.train(), split.validation())) {
            for (int i = 0; i < items.size(); i++) {
                if (items.traits()[i] == 1) assertTrue(items.samples()[i] % 7 != 0, "NULL items are its observed samples");
            }
        }
        // Each trait's validation share is its own 20%.
        long nullVal = Arrays.stream(split.validation().traits()).filter(t -> t == 1).count();
        assertEquals(Math.round(observedNull * 0.2), nullVal);
        EnsembleTrainer.Split shared = new EnsembleTrainer(TrainingOptions.defaults()).split(data, pool, new SplittableRandom(1));
        assertNull(shared.train().traits());
        assertEquals(c.nSamples, shared.nTrain() + shared.nValidation());
    }

    @Test
    void interleavedTrainingIsDeterministicAndLearns() {
        TrainingOptions opt = TrainingOptions.defaults().withRepeats(1).withEpochs(1, 6).withBatchSize(256)
                .withLearningRate(1e-2).withTraitBatches(TrainingOptions.TraitBatches.INTERLEAVED).withSeed(9);
        var prov = new EnsembleTrainer.Provenance("MAF < 0.01", List.of("is_plof"), "test");
        EnsembleTrainer.Outcome a = new EnsembleTrainer(opt).train(data, prov, s -> { });
        EnsembleTrainer.Outcome b = new EnsembleTrainer(opt).train(data, prov, s -> { });
        assertEquals(a.weights(), b.weights(), "same seed, same network");
        assertEquals("interleaved", a.description().training().trait_batches());
        assertEquals(2, a.description().traits().size());
        assertTrue(Double.isFinite(a.description().members().get(0).validation_loss()));
    }
}
