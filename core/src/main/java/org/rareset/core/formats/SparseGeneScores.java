package org.rareset.core.formats;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gene impairment scores of every sample for every gene, held sparse: per gene an empty-gene score
 * and the samples (indexes into {@link #samples()}) that score otherwise.
 */
public record SparseGeneScores(List<String> samples, List<Gene> genes) {

    /** Each gene's mean score over every sample ({@link Gene#mean}), genes in file order. */
    public Map<String, Double> meanByGene() {
        Map<String, Double> means = new LinkedHashMap<>();
        for (Gene g : genes) means.put(g.name(), g.mean(samples.size()));
        return means;
    }

    /**
     * One gene: sample {@code carriers[i]} (increasing) scores {@code carrierScores[i]}, every other
     * sample scores {@code emptyScore}.
     */
    public record Gene(String name, double emptyScore, int[] carriers, double[] carrierScores) {

        /** Builds a gene from carriers in any order (sorted here, scores alongside). */
        public static Gene sorted(String name, double emptyScore, int[] carriers, double[] scores) {
            Integer[] order = new Integer[carriers.length];
            for (int i = 0; i < order.length; i++) order[i] = i;
            Arrays.sort(order, (a, b) -> Integer.compare(carriers[a], carriers[b]));
            int[] c = new int[order.length];
            double[] s = new double[order.length];
            for (int i = 0; i < order.length; i++) { c[i] = carriers[order[i]]; s[i] = scores[order[i]]; }
            return new Gene(name, emptyScore, c, s);
        }

        /** Score of sample index {@code sample}. */
        public double score(int sample) {
            int i = Arrays.binarySearch(carriers, sample);
            return i >= 0 ? carrierScores[i] : emptyScore;
        }

        /** Mean score over {@code nSamples} samples. */
        public double mean(int nSamples) {
            double sum = emptyScore * (nSamples - carriers.length);
            for (double x : carrierScores) sum += x;
            return sum / nSamples;
        }
    }
}
