package org.rareset.association.seed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rareset.core.formats.ResultRow;

/**
 * Chooses seed genes per trait from the pooled gene x mask x test rows of DeepRVAT's four tables
 * (pLoF and missense masks x burden and SKAT), by DeepRVAT's rules ({@code seed_gene_discovery.py
 * combine_results}, {@code deeprvat/config.py update_config}, {@code deeprvat/utils.py bfcorrect_df}):
 *
 * <ol>
 *   <li>A row is a candidate when it has a p-value, min-variants &lt;= n_variants &lt;= max-variants,
 *       EAC &gt; min-eac, and (our guard) n_carriers &gt;= min-carriers. Rows failing a rule are
 *       counted per rule, in that order.</li>
 *   <li>Bonferroni over the trait's m candidate rows: a row is significant when p m &lt; alpha.</li>
 *   <li>Rows are ranked by p (ties by gene, mask, test); a gene takes its best row.</li>
 *   <li>When fewer than min-genes genes are significant, the min-genes best-ranked genes are
 *       chosen, significant or not; otherwise every significant gene.</li>
 *   <li>At most max-genes (0 = no limit), the best-ranked.</li>
 * </ol>
 */
public final class SeedGeneSelector {
    /** A trait's analysed samples and, for a binary trait, its cases (-1 for a quantitative trait). */
    public record TraitSize(int samples, int cases) {
        public boolean binary() { return cases >= 0; }
    }

    /** A chosen gene with its best row; {@code log10PCorrected} is log10(min(1, p m)). */
    public record SeedGene(String phenotype, String gene, double log10P, double log10PCorrected, String mask, String test,
                           int nVariants, double mac, int nCarriers, double eac, boolean bonferroni, int rank) {}

    /**
     * What happened to one trait's rows: {@code rows} in all, removed for no p-value, for the
     * variant count, for EAC, for carriers; {@code pooled} candidates (Bonferroni's m); genes
     * significant and chosen; the largest EAC among all rows (to say why nothing passed).
     */
    public record TraitSummary(String phenotype, int rows, int noPValue, int variantCount, int lowEac, int fewCarriers,
                               int pooled, int significantGenes, int chosen, double largestEac, String largestEacGene) {}

    /** Seed genes of all traits, in trait order then rank, and one summary per trait. */
    public record Selection(List<SeedGene> genes, List<TraitSummary> summaries) {}

    private final SeedGeneRules rules;

    public SeedGeneSelector(SeedGeneRules rules) {
        this.rules = rules;
    }

    /**
     * Expected allele count of a gene x mask as DeepRVAT computes it ({@code get_caf(G) * n_cases},
     * after Karczewski et al. 2022 / Genebass): the cumulative allele frequency
     * CAF = sum_j AC_j / (2 N) over the mask's variants, times N for a quantitative trait or the
     * number of cases for a binary one. So EAC = MAC / 2 for a quantitative trait and
     * MAC x cases / (2 N) for a binary one.
     */
    public static double expectedAlleleCount(double mac, TraitSize size) {
        double caf = mac / (2.0 * size.samples());
        return caf * (size.binary() ? size.cases() : size.samples());
    }

    /**
     * Selection over {@code rows} (any order) for the traits of {@code sizes}, in its iteration
     * order; a trait without rows gets an empty summary. Every row's trait must be in {@code sizes}.
     */
    public Selection select(List<ResultRow> rows, Map<String, TraitSize> sizes) {
        Map<String, List<ResultRow>> byTrait = new LinkedHashMap<>();
        for (String trait : sizes.keySet()) byTrait.put(trait, new ArrayList<>());
        for (ResultRow r : rows) {
            List<ResultRow> l = byTrait.get(r.phenotype());
            if (l == null) throw new IllegalArgumentException("no sample count for trait " + r.phenotype());
            l.add(r);
        }
        List<SeedGene> genes = new ArrayList<>();
        List<TraitSummary> summaries = new ArrayList<>();
        for (Map.Entry<String, List<ResultRow>> e : byTrait.entrySet()) {
            selectTrait(e.getKey(), e.getValue(), sizes.get(e.getKey()), genes, summaries);
        }
        return new Selection(genes, summaries);
    }

    private void selectTrait(String trait, List<ResultRow> rows, TraitSize size, List<SeedGene> out, List<TraitSummary> summaries) {
        int noP = 0, variantCount = 0, lowEac = 0, fewCarriers = 0;
        double largestEac = Double.NaN;
        String largestEacGene = null;
        List<ResultRow> candidates = new ArrayList<>();
        for (ResultRow r : rows) {
            double eac = expectedAlleleCount(r.mac(), size);
            if (!(eac <= largestEac)) { // the first row, or a larger EAC
                largestEac = eac;
                largestEacGene = r.gene() + " " + r.mask();
            }
            if (Double.isNaN(r.log10P())) noP++;
            else if (r.nVariants() < rules.minVariants() || r.nVariants() > rules.maxVariants()) variantCount++;
            else if (!(eac > rules.minEac())) lowEac++;
            else if (r.nCarriers() < rules.minCarriers()) fewCarriers++;
            else candidates.add(r);
        }
        int m = candidates.size();
        double log10M = Math.log10(Math.max(1, m));
        double log10Alpha = Math.log10(rules.alpha());
        candidates.sort(Comparator.comparingDouble(ResultRow::log10P).thenComparing(ResultRow::gene)
                .thenComparing(ResultRow::mask).thenComparing(ResultRow::test));
        Map<String, ResultRow> best = new LinkedHashMap<>(); // ranked order: a gene's first row is its best
        for (ResultRow r : candidates) best.putIfAbsent(r.gene(), r);
        Set<String> significant = new LinkedHashSet<>();
        for (ResultRow r : best.values()) if (r.log10P() + log10M < log10Alpha) significant.add(r.gene());
        List<ResultRow> chosen = new ArrayList<>();
        for (ResultRow r : best.values()) {
            boolean take = significant.size() < rules.minGenes() ? chosen.size() < rules.minGenes() : significant.contains(r.gene());
            if (take) chosen.add(r);
        }
        if (rules.maxGenes() > 0 && chosen.size() > rules.maxGenes()) chosen = chosen.subList(0, rules.maxGenes());
        int rank = 0;
        for (ResultRow r : chosen) {
            out.add(new SeedGene(trait, r.gene(), r.log10P(), Math.min(0, r.log10P() + log10M), r.mask(), r.test(), r.nVariants(),
                    r.mac(), r.nCarriers(), expectedAlleleCount(r.mac(), size), significant.contains(r.gene()), ++rank));
        }
        summaries.add(new TraitSummary(trait, rows.size(), noP, variantCount, lowEac, fewCarriers, m, significant.size(),
                chosen.size(), largestEac, largestEacGene));
    }
}
