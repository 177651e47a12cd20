package org.rareset.report;

import org.rareset.core.formats.ResultRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.rareset.core.InputException;

/**
 * What the report shows for one trait: per test its rows, and assoc's own genomic inflation,
 * Bonferroni threshold and significant rows ({@link AssocSummary}), with each gene's best mask.
 */
public final class TraitSummary {
    /** A gene's best (smallest p) row for one test, over its masks; significant when assoc flagged any of its rows. */
    public record Best(ResultRow row, boolean significant) {}

    private final String phenotype;
    private final List<String> tests;
    private final Map<String, List<ResultRow>> rowsByTest = new LinkedHashMap<>();
    private final Map<String, AssocSummary.TestSummary> summaries = new LinkedHashMap<>();
    private final Map<String, Map<String, Best>> bestByTestGene = new LinkedHashMap<>();

    public TraitSummary(String phenotype, List<ResultRow> rows, AssocSummary assoc) {
        this.phenotype = phenotype;
        Set<String> t = new LinkedHashSet<>();
        for (ResultRow r : rows) {
            t.add(r.test());
            rowsByTest.computeIfAbsent(r.test(), k -> new ArrayList<>()).add(r);
        }
        this.tests = List.copyOf(t);
        for (Map.Entry<String, List<ResultRow>> e : rowsByTest.entrySet()) {
            AssocSummary.TestSummary s = assoc.summary(phenotype, e.getKey());
            if (s == null) {
                throw new InputException("--results", null, "no summary for phenotype " + phenotype + ", test " + e.getKey(),
                        "give the results files together with the summary files rareset assoc wrote beside them");
            }
            summaries.put(e.getKey(), s);
            Map<String, Best> best = new LinkedHashMap<>();
            Set<String> flagged = new java.util.HashSet<>();
            for (ResultRow r : e.getValue()) {
                if (assoc.bonferroni(r)) flagged.add(r.gene());
                Best b = best.get(r.gene());
                if (b == null || r.log10P() < b.row().log10P()) best.put(r.gene(), new Best(r, false));
            }
            best.replaceAll((gene, b) -> new Best(b.row(), flagged.contains(gene)));
            bestByTestGene.put(e.getKey(), best);
        }
    }

    public String phenotype() { return phenotype; }
    public List<String> tests() { return tests; }
    public List<ResultRow> rows(String test) { return rowsByTest.get(test); }
    public AssocSummary.TestSummary summary(String test) { return summaries.get(test); }
    public double lambda(String test) { return summaries.get(test).lambda(); }
    public double thresholdLog10(String test) { return summaries.get(test).bonferroniLog10(); }
    public Map<String, Best> best(String test) { return bestByTestGene.get(test); }

    /** The strictest Bonferroni threshold of any test, for the Manhattan line. */
    public double strictestThresholdLog10() {
        return summaries.values().stream().mapToDouble(AssocSummary.TestSummary::bonferroniLog10).min().orElse(Math.log10(0.05));
    }

    /** Genes significant for a test, most significant first. */
    public List<String> significantGenes(String test) {
        List<Best> s = new ArrayList<>();
        for (Best b : bestByTestGene.get(test).values()) if (b.significant()) s.add(b);
        s.sort(Comparator.comparingDouble(b -> b.row().log10P()));
        return s.stream().map(b -> b.row().gene()).toList();
    }

    /** Every gene significant for at least one test, ordered by its best p over the tests. */
    public List<String> significantGenesAnyTest() {
        return significantGenesAnyOf(tests);
    }

    /** Every gene significant for at least one of {@code among}, ordered by its best p over them. */
    public List<String> significantGenesAnyOf(List<String> among) {
        Map<String, Double> best = new TreeMap<>();
        for (String t : among) {
            for (Best b : bestByTestGene.get(t).values()) {
                if (b.significant()) best.merge(b.row().gene(), b.row().log10P(), Math::min);
            }
        }
        List<String> g = new ArrayList<>(best.keySet());
        g.sort(Comparator.comparingDouble(best::get));
        return g;
    }

    /** Number of genes significant for both tests (the diagonal counts a test's own discoveries). */
    public int sharedDiscoveries(String a, String b) {
        Set<String> sa = new LinkedHashSet<>(significantGenes(a));
        sa.retainAll(significantGenes(b));
        return sa.size();
    }

    /** Genes that only this test finds. */
    public List<String> uniqueDiscoveries(String test) {
        List<String> mine = new ArrayList<>(significantGenes(test));
        for (String other : tests) if (!other.equals(test)) mine.removeAll(significantGenes(other));
        return mine;
    }
}
