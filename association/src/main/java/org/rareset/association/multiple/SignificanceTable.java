package org.rareset.association.multiple;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Groups results into families (one per phenotype and test: all its genes and masks), and per
 * family computes the genomic inflation, Bonferroni-adjusted and Benjamini-Hochberg q-values, all
 * in log10.
 *
 * @param <R> the result row type
 */
public final class SignificanceTable<R> {
    /** One row with its adjusted values. */
    public record Adjusted<R>(R row, double log10Bonferroni, double log10Q, boolean bonferroni, boolean fdr) {}

    private final List<TraitSummary> summaries = new ArrayList<>();
    private final List<Adjusted<R>> adjusted = new ArrayList<>();

    public SignificanceTable(List<R> rows, Function<R, String> phenotype, Function<R, String> test,
                             ToDoubleFunction<R> log10P, double alpha) {
        Map<String, List<R>> families = new LinkedHashMap<>();
        for (R r : rows) families.computeIfAbsent(phenotype.apply(r) + "\t" + test.apply(r), k -> new ArrayList<>()).add(r);
        for (List<R> fam : families.values()) {
            double[] lp = fam.stream().mapToDouble(log10P).toArray();
            double[] bonf = MultipleTesting.bonferroniLog10(lp);
            double[] q = MultipleTesting.benjaminiHochbergLog10(lp);
            int nValid = 0;
            for (double v : lp) if (!Double.isNaN(v)) nValid++;
            for (int i = 0; i < fam.size(); i++) {
                adjusted.add(new Adjusted<>(fam.get(i), bonf[i], q[i],
                        MultipleTesting.significant(bonf[i], alpha), MultipleTesting.significant(q[i], alpha)));
            }
            R first = fam.get(0);
            summaries.add(new TraitSummary(phenotype.apply(first), test.apply(first), nValid, GenomicInflation.lambda(lp),
                    Math.log10(alpha) - Math.log10(Math.max(1, nValid)),
                    MultipleTesting.countSignificant(bonf, alpha), MultipleTesting.countSignificant(q, alpha)));
        }
    }

    public List<TraitSummary> summaries() { return summaries; }

    /** Every row with its adjusted values, families in order of first appearance. */
    public List<Adjusted<R>> adjusted() { return adjusted; }
}
