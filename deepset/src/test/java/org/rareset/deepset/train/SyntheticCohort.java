package org.rareset.deepset.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.rareset.deepset.model.AnnotationScaling;

/**
 * A small simulated cohort for tests: genes of rare variants with four annotations
 * ({@code is_plof}, {@code missense}, {@code CADD_raw}, {@code conservation}), and traits that
 * depend on a few causal genes through annotation-weighted variant effects:
 * <pre>
 *   impact(v) = 1 if pLoF; sigmoid(3 * (CADD_raw - 3.5)) if missense; 0 otherwise
 *   QT_s = sum over causal genes g of beta * max over s's variants v in g of impact(v) + 0.3 * age_s + noise
 * </pre>
 * A null trait is pure noise. Everything derives from one seed.
 */
final class SyntheticCohort {
    static final List<String> ANNOTATIONS = List.of("is_plof", "missense", "CADD_raw", "conservation");

    final int nSamples;
    final int nGenes;
    final List<String> genes = new ArrayList<>();
    final List<String> samples = new ArrayList<>();
    /** Per gene: variant annotation rows and carriers. */
    final List<List<double[]>> rows = new ArrayList<>();
    final List<List<int[]>> carriers = new ArrayList<>();
    final double[] age;
    final double[] qt;
    final double[] nullTrait;
    final int[] causal;

    SyntheticCohort(int nSamples, int nGenes, int variantsPerGene, int[] causal, double beta, long seed) {
        this.nSamples = nSamples;
        this.nGenes = nGenes;
        this.causal = causal.clone();
        SplittableRandom rng = new SplittableRandom(seed);
        for (int s = 0; s < nSamples; s++) samples.add(String.format("S%05d", s + 1));
        age = new double[nSamples];
        for (int s = 0; s < nSamples; s++) age[s] = rng.nextGaussian();
        double[][] geneImpact = new double[nGenes][nSamples];
        for (int g = 0; g < nGenes; g++) {
            genes.add(String.format("G%03d", g + 1));
            List<double[]> rs = new ArrayList<>();
            List<int[]> cs = new ArrayList<>();
            for (int v = 0; v < variantsPerGene; v++) {
                double u = rng.nextDouble();
                boolean plof = u < 0.15;
                boolean missense = !plof && u < 0.75;
                double cadd = plof ? 4 + rng.nextGaussian() : missense ? 3 + 1.5 * rng.nextGaussian() : 1 + rng.nextGaussian();
                double cons = rng.nextGaussian() + (plof || missense ? 0.5 : 0);
                double[] row = {plof ? 1 : 0, missense ? 1 : 0, cadd, cons};
                double impact = plof ? 1.0 : missense ? 1.0 / (1 + Math.exp(-3 * (cadd - 3.5))) : 0.0;
                // MAF between 0.0005 and 0.01: carriers drawn without replacement.
                double maf = 0.0005 + 0.0095 * rng.nextDouble() * rng.nextDouble();
                int nCarriers = Math.max(1, (int) Math.round(2 * maf * nSamples));
                java.util.TreeSet<Integer> set = new java.util.TreeSet<>();
                while (set.size() < nCarriers) set.add(rng.nextInt(nSamples));
                int[] c = set.stream().mapToInt(Integer::intValue).toArray();
                for (int s : c) geneImpact[g][s] = Math.max(geneImpact[g][s], impact);
                rs.add(row);
                cs.add(c);
            }
            rows.add(rs);
            carriers.add(cs);
        }
        qt = new double[nSamples];
        nullTrait = new double[nSamples];
        for (int s = 0; s < nSamples; s++) {
            double y = 0.3 * age[s] + rng.nextGaussian();
            for (int g : causal) y += beta * geneImpact[g][s];
            qt[s] = y;
            nullTrait[s] = rng.nextGaussian();
        }
    }

    /**
     * Training data for QT prepared by {@code method} over all samples, keeping the raw values so that
     * cross-validation folds redo the transform; the null trait (same method, missing for every 7th
     * sample, only the first seed gene) joins when {@code withNull}.
     */
    TrainingData trainingData(int[] seedGenes, TraitTransforms.Method method, boolean withNull) {
        TrainingData plain = trainingData(seedGenes);
        TrainingData.Builder b = builderFor(seedGenes);
        float[] cov = new float[nSamples];
        for (int s = 0; s < nSamples; s++) cov[s] = (float) age[s];
        b.covariates(List.of("age"), cov);
        b.trait(new TrainingData.Trait("QT", false, toFloat(TraitTransforms.prepare(qt, method)),
                plain.traits().get(0).seedSlots(), qt.clone(), method));
        if (withNull) {
            double[] y = nullTrait.clone();
            for (int s = 0; s < nSamples; s += 7) y[s] = Double.NaN;
            b.trait(new TrainingData.Trait("NULL", false, toFloat(TraitTransforms.prepare(y, method)),
                    new int[] {0}, y, method));
        }
        return b.build();
    }

    static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
        return f;
    }

    private TrainingData.Builder builderFor(int[] seedGenes) {
        List<String> seedNames = new ArrayList<>();
        for (int g : seedGenes) seedNames.add(genes.get(g));
        AnnotationScaling.Accumulator acc = new AnnotationScaling.Accumulator(ANNOTATIONS.size());
        for (List<double[]> rs : rows) for (double[] r : rs) acc.add(r);
        TrainingData.Builder b = new TrainingData.Builder(ANNOTATIONS, acc.scaling(), new int[] {0}, seedNames, samples);
        for (int k = 0; k < seedGenes.length; k++) {
            int g = seedGenes[k];
            for (int v = 0; v < rows.get(g).size(); v++) b.addRow(k, rows.get(g).get(v), carriers.get(g).get(v));
        }
        return b;
    }

    /** Training data for QT (standardised directly, no rank transform) with the given seed genes. */
    TrainingData trainingData(int[] seedGenes) {
        List<String> seedNames = new ArrayList<>();
        for (int g : seedGenes) seedNames.add(genes.get(g));
        AnnotationScaling.Accumulator acc = new AnnotationScaling.Accumulator(ANNOTATIONS.size());
        for (List<double[]> rs : rows) for (double[] r : rs) acc.add(r);
        TrainingData.Builder b = new TrainingData.Builder(ANNOTATIONS, acc.scaling(), new int[] {0}, seedNames, samples);
        for (int k = 0; k < seedGenes.length; k++) {
            int g = seedGenes[k];
            for (int v = 0; v < rows.get(g).size(); v++) b.addRow(k, rows.get(g).get(v), carriers.get(g).get(v));
        }
        float[] cov = new float[nSamples];
        float[] y = new float[nSamples];
        double mean = 0, sd = 0;
        for (double v : qt) mean += v / nSamples;
        for (double v : qt) sd += (v - mean) * (v - mean) / nSamples;
        sd = Math.sqrt(sd);
        for (int s = 0; s < nSamples; s++) {
            cov[s] = (float) age[s];
            y[s] = (float) ((qt[s] - mean) / sd);
        }
        int[] slots = new int[seedGenes.length];
        for (int k = 0; k < slots.length; k++) slots[k] = k;
        b.covariates(List.of("age"), cov);
        b.trait(new TrainingData.Trait("QT", false, y, slots));
        return b.build();
    }
}
