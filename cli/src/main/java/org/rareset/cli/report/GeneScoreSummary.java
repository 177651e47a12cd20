package org.rareset.cli.report;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.rareset.annotate.InputException;

/** Mean gene impairment score per gene over samples, from a long {@code sample gene score} table. */
public final class GeneScoreSummary {
    private final Map<String, double[]> sumAndCount = new HashMap<>();

    public static GeneScoreSummary read(Path scores) {
        TabularFile t = TabularFile.read(scores);
        String hint = "scores are a long table with columns sample, gene, score";
        int gene = t.require("gene", hint);
        int score = t.require("score", hint);
        GeneScoreSummary s = new GeneScoreSummary();
        for (int i = 0; i < t.records().size(); i++) {
            String v = t.records().get(i)[score].trim();
            if (v.isEmpty() || v.equalsIgnoreCase("NA")) continue;
            double x;
            try {
                x = Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw InputException.atLine(scores, t.lines().get(i), "score '" + v + "' is not a number", hint);
            }
            double[] a = s.sumAndCount.computeIfAbsent(t.records().get(i)[gene].trim(), k -> new double[2]);
            a[0] += x;
            a[1]++;
        }
        return s;
    }

    /** Mean score of the gene over samples, NaN when the gene has no scores. */
    public double mean(String gene) {
        double[] a = sumAndCount.get(gene);
        return a == null ? Double.NaN : a[0] / a[1];
    }

    public boolean isEmpty() {
        return sumAndCount.isEmpty();
    }
}
