package org.rareset.deepset.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rareset.deepset.model.AnnotationScaling;
import org.rareset.deepset.model.NetworkShape;
import org.rareset.deepset.model.NetworkWeights;
import org.rareset.deepset.model.MlpDeepSet;

/** The sparse training computation against a direct per-(sample, gene) evaluation. */
class SparseBatchTest {

    @Test
    void sparseScoresEqualDirectMaskedMax() {
        // Genes with many carriers per sample, so buckets of width 1, 2, 4 and 8 all occur.
        int nSamples = 60;
        List<String> samples = new ArrayList<>();
        for (int s = 0; s < nSamples; s++) samples.add("S" + s);
        List<String> genes = List.of("A", "B", "C");
        List<String> ann = List.of("a", "b", "c");
        SplittableRandom rng = new SplittableRandom(3);
        AnnotationScaling scaling = new AnnotationScaling(new double[] {0.5, -1, 2}, new double[] {2, 0.5, 1});
        TrainingData.Builder b = new TrainingData.Builder(ann, scaling, new int[] {0}, genes, samples);
        List<double[]> rows = new ArrayList<>();
        List<int[]> carriers = new ArrayList<>();
        List<Integer> rowGene = new ArrayList<>();
        for (int g = 0; g < 3; g++) {
            int nVariants = g == 2 ? 1 : 9;
            for (int v = 0; v < nVariants; v++) {
                double[] row = {rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian()};
                java.util.TreeSet<Integer> c = new java.util.TreeSet<>();
                int n = g == 0 ? 25 : 4;
                while (c.size() < n) c.add(rng.nextInt(nSamples - 5)); // the last 5 samples carry nothing
                int[] ca = c.stream().mapToInt(Integer::intValue).toArray();
                b.addRow(g, row, ca);
                rows.add(row);
                carriers.add(ca);
                rowGene.add(g);
            }
        }
        b.trait(new TrainingData.Trait("y", false, new float[nSamples], new int[] {0, 1, 2}));
        TrainingData data = b.build();

        NetworkShape shape = new NetworkShape(3, 5, 4, 0.01f);
        Map<String, float[]> values = new LinkedHashMap<>();
        shape.parameterShapes().forEach((k, dims) -> {
            int size = 1;
            for (int d : dims) size *= d;
            float[] v = new float[size];
            for (int i = 0; i < size; i++) v[i] = (float) rng.nextGaussian();
            values.put(k, v);
        });
        NetworkWeights weights = new NetworkWeights(shape, values);
        MlpDeepSet net = MlpDeepSet.trained(weights, scaling, false);

        int[] batch = new int[nSamples];
        for (int i = 0; i < nSamples; i++) batch[i] = nSamples - 1 - i; // any order
        double[] sparse = NetworkTrainer.batchScores(data, weights, batch);

        SparseBatch sb = new SparseBatch.Builder(data).build(batch);
        assertTrue(sb.buckets().size() >= 3, "several bucket widths: " + sb.buckets().size());
        for (int i = 0; i < nSamples; i++) {
            int s = batch[i];
            for (int g = 0; g < 3; g++) {
                // Direct: masked max of phi over the rows s carries in g; none -> rho(empty).
                double[] pooled = null;
                double[] emb = new double[5];
                for (int r = 0; r < rows.size(); r++) {
                    if (rowGene.get(r) != g || java.util.Arrays.binarySearch(carriers.get(r), s) < 0) continue;
                    net.embed(rows.get(r), 1, emb);
                    if (pooled == null) pooled = emb.clone();
                    else for (int k = 0; k < 5; k++) pooled[k] = Math.max(pooled[k], emb[k]);
                }
                double expected;
                if (pooled == null) {
                    expected = net.emptyScore();
                } else {
                    double[] out = new double[1];
                    net.scoreEmbeddings(pooled, 1, out);
                    expected = out[0];
                }
                assertEquals(expected, sparse[i * 3 + g], 1e-5, "sample " + s + " gene " + g);
            }
        }
    }
}
