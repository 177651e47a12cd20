package org.rareset.cli.risk;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.rareset.annotate.formats.GeneScoreFile;
import org.rareset.annotate.formats.SparseGeneScores;

/** Gene impairment scores of selected genes per sample, from a score file ({@link GeneScoreFile}, sparse or long). */
public final class GeneScores {
    private final Map<String, Integer> sampleIndex = new HashMap<>();
    private final Map<String, SparseGeneScores.Gene> genes = new HashMap<>();

    public static GeneScores read(Path file, Set<String> wanted) {
        SparseGeneScores scores = GeneScoreFile.read(file);
        GeneScores out = new GeneScores();
        for (int s = 0; s < scores.samples().size(); s++) out.sampleIndex.put(scores.samples().get(s), s);
        for (SparseGeneScores.Gene g : scores.genes()) if (wanted.contains(g.name())) out.genes.put(g.name(), g);
        return out;
    }

    /** The score, or NaN when the file has no such sample or gene. */
    public double get(String sample, String gene) {
        Integer s = sampleIndex.get(sample);
        SparseGeneScores.Gene g = genes.get(gene);
        return s == null || g == null ? Double.NaN : g.score(s);
    }

    public boolean hasGene(String gene) {
        return genes.containsKey(gene);
    }
}
