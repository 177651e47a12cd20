package org.rareset.association.seed;

import org.rareset.core.InputException;

/**
 * The thresholds of seed-gene selection, DeepRVAT's values by default ({@link #DEEPRVAT}).
 *
 * @param rareMaf     variants enter the masks when 0 &lt; MAF &lt; rareMaf (DeepRVAT's {@code rare_maf} 0.001)
 * @param skatCollapseMac SKAT collapses variants with MAC &lt;= this into one column (DeepRVAT's
 *                    {@code test_config.min_mac} 10; 0 = no collapsing); burden never collapses
 * @param minVariants a gene x mask needs at least this many variants to be tested (DeepRVAT: 1)
 * @param maxVariants and at most this many (DeepRVAT tests fewer than {@code max_n_markers} 5000)
 * @param minEac      a gene x mask is a candidate only when its expected allele count is above
 *                    this (DeepRVAT: {@code EAC > 50}; see {@link SeedGeneSelector#expectedAlleleCount})
 * @param minCarriers and when at least this many samples carry a variant of the mask (our guard,
 *                    not DeepRVAT's: 2, so a single-carrier gene can never be chosen)
 * @param alpha       Bonferroni level over a trait's pooled candidate rows (DeepRVAT's {@code alpha_seed_genes})
 * @param minGenes    at least this many seed genes per trait, the best-ranked when fewer are significant
 *                    (DeepRVAT's {@code min_seed_genes} 3)
 * @param maxGenes    at most this many, 0 = no limit (DeepRVAT's {@code max_seed_genes}, None)
 */
public record SeedGeneRules(double rareMaf, int skatCollapseMac, int minVariants, int maxVariants, double minEac,
                            int minCarriers, double alpha, int minGenes, int maxGenes) {
    /** DeepRVAT's seed-gene discovery settings, with our single-carrier guard. */
    public static final SeedGeneRules DEEPRVAT = new SeedGeneRules(0.001, 10, 1, 4999, 50, 2, 0.05, 3, 0);

    /** Checks every threshold; a bad one is an {@link InputException} naming its option. */
    public SeedGeneRules {
        if (!(rareMaf > 0 && rareMaf <= 0.5)) bad("--rare-maf " + rareMaf + " is outside (0, 0.5]", "DeepRVAT uses 0.001");
        if (skatCollapseMac < 0) bad("--skat-collapse-mac " + skatCollapseMac + " is negative", "use 0 for no collapsing");
        if (minVariants < 1) bad("--min-variants " + minVariants + " is below 1", "a gene x mask needs a variant to be tested");
        if (maxVariants < minVariants) bad("--max-variants " + maxVariants + " is below --min-variants " + minVariants, null);
        if (!(minEac >= 0)) bad("--min-eac " + minEac + " is negative", "use 0 to keep every expected allele count");
        if (minCarriers < 1) bad("--min-carriers " + minCarriers + " is below 1", "2 keeps single-carrier genes out");
        if (!(alpha > 0 && alpha < 1)) bad("--alpha " + alpha + " is outside (0, 1)", null);
        if (minGenes < 0) bad("--min-genes " + minGenes + " is negative", null);
        if (maxGenes < 0) bad("--max-genes " + maxGenes + " is negative", "use 0 for no limit");
        if (maxGenes > 0 && maxGenes < minGenes) bad("--max-genes " + maxGenes + " is below --min-genes " + minGenes, null);
    }

    private static void bad(String message, String hint) {
        throw new InputException(null, null, message, hint);
    }
}
