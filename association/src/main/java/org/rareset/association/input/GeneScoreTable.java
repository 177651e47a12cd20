package org.rareset.association.input;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rareset.annotate.InputException;
import org.rareset.annotate.table.ReadOptions;
import org.rareset.annotate.table.Row;
import org.rareset.annotate.table.TableReader;
import org.rareset.annotate.table.TableReaders;

/**
 * Gene impairment scores in long format ({@code sample gene score}, TSV or Parquet, as written by
 * {@code rareset score}), one value per sample and gene.
 *
 * <p>Each gene is kept sparse as its baseline (the most frequent value: the score of samples
 * carrying nothing in the gene) plus the samples that differ from it. The baseline can be
 * dropped for testing because every null model has an intercept, so a constant shift changes
 * neither the score statistic nor its variance.
 */
public final class GeneScoreTable {
    /** One gene: samples (indexes into {@link #samples()}) whose score differs from {@code baseline}. */
    public record GeneScore(String gene, double baseline, int[] samples, double[] deviations) {}

    private final List<String> samples;
    private final List<GeneScore> genes;

    private GeneScoreTable(List<String> samples, List<GeneScore> genes) {
        this.samples = samples;
        this.genes = genes;
    }

    public List<String> samples() { return samples; }

    /** Genes in order of first appearance in the file. */
    public List<GeneScore> genes() { return genes; }

    public static GeneScoreTable read(Path file) {
        Map<String, Integer> sampleIndex = new LinkedHashMap<>();
        Map<String, Acc> byGene = new LinkedHashMap<>();
        try (TableReader r = TableReaders.open(file, ReadOptions.defaults())) {
            int s = r.requireColumn("sample");
            int g = r.requireColumn("gene");
            int v = r.requireColumn("score");
            for (Row row : r) {
                String sample = row.getString(s);
                String gene = row.getString(g);
                if (sample == null || gene == null) throw row.error("empty sample or gene", "every row needs sample, gene and score");
                double score = row.getDouble(v);
                if (!Double.isFinite(score)) {
                    throw row.error("score of sample '" + sample + "' for gene '" + gene + "' is " + (Double.isNaN(score) ? "missing" : "not finite"),
                            "every sample needs a score for every gene");
                }
                int si = sampleIndex.computeIfAbsent(sample, k -> sampleIndex.size());
                Acc acc = byGene.computeIfAbsent(gene, k -> new Acc());
                if (!acc.add(si, score)) {
                    throw row.error("sample '" + sample + "' has two scores for gene '" + gene + "'", "keep one row per sample and gene");
                }
            }
        }
        if (byGene.isEmpty()) throw InputException.of(file, "no scores", "expected columns sample, gene, score");
        List<String> samples = List.copyOf(sampleIndex.keySet());
        List<GeneScore> genes = new ArrayList<>(byGene.size());
        for (Map.Entry<String, Acc> e : byGene.entrySet()) {
            Acc a = e.getValue();
            if (a.size != samples.size()) {
                throw InputException.of(file, "gene '" + e.getKey() + "' has scores for " + a.size + " of the " + samples.size() + " samples",
                        "score every sample for every gene (rareset score does)");
            }
            genes.add(a.toGeneScore(e.getKey()));
        }
        return new GeneScoreTable(samples, genes);
    }

    /** Growing (sample, score) arrays of one gene. */
    private static final class Acc {
        int[] idx = new int[16];
        double[] val = new double[16];
        int size;
        java.util.BitSet seen = new java.util.BitSet();

        boolean add(int sample, double score) {
            if (seen.get(sample)) return false;
            seen.set(sample);
            if (size == idx.length) {
                idx = Arrays.copyOf(idx, size * 2);
                val = Arrays.copyOf(val, size * 2);
            }
            idx[size] = sample;
            val[size++] = score;
            return true;
        }

        GeneScore toGeneScore(String gene) {
            double baseline = mode(Arrays.copyOf(val, size));
            int k = 0;
            for (int i = 0; i < size; i++) if (val[i] != baseline) k++;
            int[] s = new int[k];
            double[] d = new double[k];
            k = 0;
            for (int i = 0; i < size; i++) {
                if (val[i] != baseline) { s[k] = idx[i]; d[k++] = val[i] - baseline; }
            }
            // sort by sample so columns are in index order
            Integer[] order = new Integer[k];
            for (int i = 0; i < k; i++) order[i] = i;
            Arrays.sort(order, (a, b) -> Integer.compare(s[a], s[b]));
            int[] ss = new int[k];
            double[] dd = new double[k];
            for (int i = 0; i < k; i++) { ss[i] = s[order[i]]; dd[i] = d[order[i]]; }
            return new GeneScore(gene, baseline, ss, dd);
        }

        private static double mode(double[] v) {
            Map<Double, Integer> counts = new HashMap<>();
            double best = v[0];
            int bestCount = 0;
            for (double x : v) {
                int c = counts.merge(x, 1, Integer::sum);
                if (c > bestCount || (c == bestCount && x < best)) { best = x; bestCount = c; }
            }
            return best;
        }
    }
}
