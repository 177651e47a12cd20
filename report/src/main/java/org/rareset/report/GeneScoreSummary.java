package org.rareset.report;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.rareset.core.formats.GeneScoreFile;
import org.rareset.core.formats.SparseGeneScores;

/** Mean gene impairment score per gene over samples, from a score file ({@link GeneScoreFile}, sparse or long). */
public final class GeneScoreSummary {
    private final Map<String, Double> means = new HashMap<>();

    public static GeneScoreSummary read(Path scores) {
        SparseGeneScores file = GeneScoreFile.read(scores);
        GeneScoreSummary s = new GeneScoreSummary();
        for (SparseGeneScores.Gene g : file.genes()) s.means.put(g.name(), g.mean(file.samples().size()));
        return s;
    }

    /** Mean score of the gene over samples, NaN when the gene has no scores. */
    public double mean(String gene) {
        Double m = means.get(gene);
        return m == null ? Double.NaN : m;
    }

    public boolean isEmpty() {
        return means.isEmpty();
    }
}
