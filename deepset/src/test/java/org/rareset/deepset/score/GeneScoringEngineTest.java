package org.rareset.deepset.score;

import org.rareset.deepset.model.ScoringEnsemble;
import org.rareset.deepset.model.DeepSetNetwork;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GeneScoringEngineTest {

    /** phi = identity on 2 inputs, masked max (pool start -inf), score = a*pooled0 + b*pooled1. */
    record LinearToy(double a, double b, double empty) implements DeepSetNetwork {
        public int inputSize() { return 2; }
        public int embeddingSize() { return 2; }
        public void embed(double[] rows, int n, double[] out) { System.arraycopy(rows, 0, out, 0, 2 * n); }
        public double[] poolStart() { return new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY}; }
        public void scoreEmbeddings(double[] p, int n, double[] out) {
            for (int i = 0; i < n; i++) out[i] = a * p[2 * i] + b * p[2 * i + 1];
        }
        public double emptyScore() { return empty; }
    }

    record Ensemble(List<String> annotations, List<? extends DeepSetNetwork> members) implements ScoringEnsemble {
        Ensemble(List<? extends DeepSetNetwork> members) {
            this(List.of("x", "y"), members);
        }

        public String describe() { return "toy"; }
    }

    @Test
    void poolsEachSamplesCarriedRowsAndAveragesMembers() {
        Ensemble e = new Ensemble(List.of(new LinearToy(1, 0, 10), new LinearToy(0, 1, 20)));
        GeneScoringEngine engine = new GeneScoringEngine(e);
        // rows: r0 = (1, 5), r1 = (3, 2), r2 = (9, 9) carried by nobody, r3 = (-1, 7)
        GeneRows g = new GeneRows("G", 2, new double[] {1, 5, 3, 2, 9, 9, -1, 7},
                new int[][] {{0, 2}, {2, 4}, {}, {4, 5}});
        GeneScores s = engine.score(g);
        assertEquals(15.0, s.emptyScore());
        assertArrayEquals(new int[] {0, 2, 4, 5}, s.carriers());
        // sample 0: r0 -> (1,5) -> mean(1,5)=3; sample 2: r0,r1 -> (3,5) -> 4;
        // sample 4: r1,r3 -> (3,7) -> 5; sample 5: r3 -> (-1,7) -> 3
        assertArrayEquals(new double[] {3, 4, 5, 3}, s.carrierScores());
        assertEquals(15.0, s.score(1));
        assertEquals(3, s.carriedRows());
        assertEquals(4, s.rows());
    }

    /** Random networks and genes: the sparse engine equals a dense per-sample evaluation exactly. */
    @Test
    void equalsDensePerSampleEvaluation() {
        Random rnd = new Random(7);
        List<DeepSetNetwork> members = new ArrayList<>();
        for (int m = 0; m < 3; m++) members.add(RandomNetworks.deepRvat(rnd, 5, 4, m == 1));
        Ensemble e = new Ensemble(List.of("a", "b", "c", "d", "e"), members);
        GeneScoringEngine engine = new GeneScoringEngine(e);
        int nSamples = 40;
        for (int trial = 0; trial < 20; trial++) {
            int nRows = 1 + rnd.nextInt(6);
            double[] values = new double[nRows * 5];
            for (int i = 0; i < values.length; i++) values[i] = rnd.nextGaussian() * 3;
            int[][] carriers = new int[nRows][];
            for (int r = 0; r < nRows; r++) {
                carriers[r] = java.util.stream.IntStream.range(0, nSamples).filter(s -> rnd.nextDouble() < 0.15).toArray();
            }
            GeneRows g = new GeneRows("G" + trial, 5, values, carriers);
            GeneScores sparse = engine.score(g);
            for (int s = 0; s < nSamples; s++) {
                double sum = 0;
                for (DeepSetNetwork m : members) {
                    double[] pooled = null;
                    for (int r = 0; r < nRows; r++) {
                        if (Arrays.binarySearch(carriers[r], s) < 0) continue;
                        if (pooled == null) pooled = m.poolStart();
                        double[] emb = new double[m.embeddingSize()];
                        m.embed(Arrays.copyOfRange(values, r * 5, r * 5 + 5), 1, emb);
                        for (int i = 0; i < emb.length; i++) pooled[i] = Math.max(pooled[i], emb[i]);
                    }
                    if (pooled == null) {
                        sum += m.emptyScore();
                    } else {
                        double[] out = new double[1];
                        m.scoreEmbeddings(pooled, 1, out);
                        sum += out[0];
                    }
                }
                assertEquals(sum / members.size(), sparse.score(s), 1e-15, "trial " + trial + " sample " + s);
            }
        }
    }
}
