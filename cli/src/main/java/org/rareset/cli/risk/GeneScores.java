package org.rareset.cli.risk;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.rareset.annotate.InputException;
import org.rareset.cli.report.TabularFile;

/** Gene impairment scores of selected genes per sample, from a long {@code sample gene score} table. */
public final class GeneScores {
    private final Map<String, Map<String, Double>> bySample = new HashMap<>();

    public static GeneScores read(Path file, Set<String> genes) {
        TabularFile t = TabularFile.read(file);
        String hint = "scores are a long table with columns sample, gene, score";
        int s = t.require("sample", hint), g = t.require("gene", hint), v = t.require("score", hint);
        GeneScores out = new GeneScores();
        for (int r = 0; r < t.records().size(); r++) {
            String[] f = t.records().get(r);
            String gene = f[g].trim();
            if (!genes.contains(gene)) continue;
            String text = f[v].trim();
            if (text.isEmpty() || text.equalsIgnoreCase("NA")) continue;
            double x;
            try {
                x = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw InputException.atLine(file, t.lines().get(r), "score '" + text + "' is not a number", hint);
            }
            out.bySample.computeIfAbsent(f[s].trim(), k -> new HashMap<>()).put(gene, x);
        }
        return out;
    }

    /** The score, or NaN when the table has none for this sample and gene. */
    public double get(String sample, String gene) {
        Map<String, Double> m = bySample.get(sample);
        Double x = m == null ? null : m.get(gene);
        return x == null ? Double.NaN : x;
    }

    public boolean hasGene(String gene) {
        for (Map<String, Double> m : bySample.values()) if (m.containsKey(gene)) return true;
        return false;
    }
}
