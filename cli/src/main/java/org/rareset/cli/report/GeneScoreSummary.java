package org.rareset.cli.report;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.rareset.association.input.GeneScoreTable;

/** Mean gene impairment score per gene over samples, from a long {@code sample gene score} table read as assoc reads it. */
public final class GeneScoreSummary {
    private final Map<String, Double> means = new HashMap<>();

    public static GeneScoreSummary read(Path scores) {
        GeneScoreTable t = GeneScoreTable.read(scores);
        GeneScoreSummary s = new GeneScoreSummary();
        int n = t.samples().size();
        for (GeneScoreTable.GeneScore g : t.genes()) {
            double sum = 0;
            for (double d : g.deviations()) sum += d;
            s.means.put(g.gene(), g.baseline() + sum / n);
        }
        return s;
    }

    /** Mean score of the gene over samples, NaN when the gene has no scores. */
    public double mean(String gene) {
        return means.getOrDefault(gene, Double.NaN);
    }

    public boolean isEmpty() {
        return means.isEmpty();
    }
}
