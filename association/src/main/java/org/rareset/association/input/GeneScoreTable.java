package org.rareset.association.input;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rareset.association.genotype.GeneGenotypes;
import org.rareset.core.formats.GeneScoreFile;
import org.rareset.core.formats.SparseGeneScores;

/**
 * Gene impairment scores as {@code rareset score} writes them (the sparse layout, or the dense long
 * one; see {@link GeneScoreFile}), one value per sample and gene.
 *
 * <p>Each gene is kept sparse as its baseline (the empty-gene score: the score of samples carrying
 * nothing in the gene) plus the samples that differ from it. The baseline can be
 * dropped for testing because every null model has an intercept, so a constant shift changes
 * neither the score statistic nor its variance.
 */
public final class GeneScoreTable {
    /** One gene: samples (indexes into {@link #samples()}) whose score differs from {@code baseline}. */
    public record GeneScore(String gene, double baseline, int[] samples, double[] deviations) {
        /**
         * The deviations as one genotype column over the analysed rows, for the score test: sample s
         * is row {@code rowOf[s]}, left out when that is negative (the baseline is absorbed by the
         * intercept, so only the deviating samples are entries). Its carrier count is its number of
         * entries, possibly 0.
         */
        public GeneGenotypes.Column columnOn(int[] rowOf) {
            int k = 0;
            for (int s : samples) if (rowOf[s] >= 0) k++;
            int[] rows = new int[k];
            double[] dev = new double[k];
            k = 0;
            for (int i = 0; i < samples.length; i++) {
                int r = rowOf[samples[i]];
                if (r >= 0) { rows[k] = r; dev[k++] = deviations[i]; }
            }
            return new GeneGenotypes.Column(gene, rows, dev, Double.NaN, Double.NaN, k, 0);
        }
    }

    private final List<String> samples;
    private final List<GeneScore> genes;

    private GeneScoreTable(List<String> samples, List<GeneScore> genes) {
        this.samples = samples;
        this.genes = genes;
    }

    public List<String> samples() { return samples; }

    /** Genes in order of first appearance in the file. */
    public List<GeneScore> genes() { return genes; }

    /**
     * Reads the sparse or the dense long score file ({@link GeneScoreFile}). Each gene's baseline is
     * its empty-gene score; carriers whose score equals it are dropped (a zero deviation adds nothing).
     */
    public static GeneScoreTable read(Path file) {
        SparseGeneScores scores = GeneScoreFile.read(file);
        List<GeneScore> genes = new ArrayList<>(scores.genes().size());
        for (SparseGeneScores.Gene g : scores.genes()) {
            int k = 0;
            for (double x : g.carrierScores()) if (x != g.emptyScore()) k++;
            int[] samples = new int[k];
            double[] deviations = new double[k];
            k = 0;
            for (int i = 0; i < g.carriers().length; i++) {
                if (g.carrierScores()[i] != g.emptyScore()) {
                    samples[k] = g.carriers()[i];
                    deviations[k++] = g.carrierScores()[i] - g.emptyScore();
                }
            }
            genes.add(new GeneScore(g.name(), g.emptyScore(), samples, deviations));
        }
        return new GeneScoreTable(scores.samples(), genes);
    }
}
