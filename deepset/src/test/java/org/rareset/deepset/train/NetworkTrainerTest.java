package org.rareset.deepset.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.rareset.deepset.model.MlpDeepSet;

@Tag("slow")
class NetworkTrainerTest {

    @Test
    void trainingLowersValidationLossAndIsDeterministic() {
        SyntheticCohort c = new SyntheticCohort(3000, 12, 20, new int[] {0, 1, 2, 3}, 1.5, 7);
        TrainingData data = c.trainingData(new int[] {0, 1, 2, 3});
        TrainingOptions opt = TrainingOptions.defaults().withRepeats(1).withEpochs(1, 8).withBatchSize(256)
                .withLearningRate(1e-2);
        int[][] split = EnsembleTrainer.split(data.nSamples(), 0.2, new java.util.SplittableRandom(1));
        long t0 = System.nanoTime();
        NetworkTrainer.Result a = new NetworkTrainer(data, opt).train(split[0], split[1], 42,
                (e, tl, vl, imp) -> System.out.printf("epoch %d %.4f %.4f%n", e, tl, vl));
        System.out.printf("trained in %.2f s%n", (System.nanoTime() - t0) / 1e9);
        double first = a.validationLoss().get(0);
        assertTrue(a.bestValidationLoss() < first, "validation loss should fall: " + a.validationLoss());
        NetworkTrainer.Result b = new NetworkTrainer(data, opt).train(split[0], split[1], 42, null);
        assertEquals(a.weights(), b.weights(), "same seed, same weights");
        assertEquals(a.validationLoss(), b.validationLoss());
        NetworkTrainer.Result other = new NetworkTrainer(data, opt.withEpochs(1, 2)).train(split[0], split[1], 43, null);
        assertNotEquals(a.weights(), other.weights());

        MlpDeepSet net = MlpDeepSet.trained(a.weights(), data.scaling(), false);
        SignCheck.Outcome sign = SignCheck.check(net, data);
        if (sign.reverse()) net = net.reversed();
        double[] plof = {1, 0, 4, 0.5};
        double[] benign = {0, 0, 1, 0};
        assertTrue(score(net, plof) > score(net, benign), "pLoF should score above a benign variant");
    }

    /**
     * A garbage collection between a batch's forward and backward pass frees the Java memory of
     * arrays that are already closed; if the backward pass still read any (DJL's div(Number) makes
     * such an array and closes it at once), the gradients would read what the freed memory was
     * reused for. Here every batch collects garbage there and then fills freshly allocated native
     * memory with NaN bit patterns: the network must equal the one trained without.
     */
    @Test
    void garbageCollectionBetweenForwardAndBackwardChangesNothing() {
        SyntheticCohort c = new SyntheticCohort(1400, 8, 15, new int[] {0, 1}, 1.5, 3);
        TrainingData data = c.trainingData(new int[] {0, 1, 2}, TraitTransforms.Method.QUANTILE, true);
        TrainingOptions opt = TrainingOptions.defaults().withRepeats(1).withEpochs(2, 2).withBatchSize(128)
                .withLearningRate(1e-2);
        int[][] split = EnsembleTrainer.split(data.nSamples(), 0.2, new java.util.SplittableRandom(1));
        NetworkTrainer.Result plain = new NetworkTrainer(data, opt).train(split[0], split[1], 5, null);
        java.util.List<java.nio.ByteBuffer> filler = new java.util.ArrayList<>();
        NetworkTrainer.Result collected = new NetworkTrainer(data, opt).betweenPasses(() -> {
            filler.clear();
            System.gc();
            try {
                Thread.sleep(5); // the reference handler frees unreachable direct buffers
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (int i = 0; i < 256; i++) {
                java.nio.ByteBuffer b = java.nio.ByteBuffer.allocateDirect(4 << (i % 6));
                while (b.hasRemaining()) b.put((byte) 0xff); // NaN as float, -1 as int
                filler.add(b);
            }
        }).train(split[0], split[1], 5, null);
        assertTrue(Double.isFinite(plain.bestValidationLoss()));
        assertEquals(plain.validationLoss(), collected.validationLoss());
        assertEquals(plain.weights(), collected.weights());
    }

    static double score(MlpDeepSet net, double[] row) {
        double[] emb = new double[net.embeddingSize()];
        double[] out = new double[1];
        net.embed(row, 1, emb);
        net.scoreEmbeddings(emb, 1, out);
        return out[0];
    }
}
