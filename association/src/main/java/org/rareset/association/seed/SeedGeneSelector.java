package org.rareset.association.seed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.special.Beta;
import org.rareset.association.input.AnnotationTable;
import org.rareset.association.mask.Mask;
import org.rareset.association.mask.MaskExpression;
import org.rareset.association.mask.Weighting;
import org.rareset.core.formats.ResultRow;
import org.rareset.association.gene.Burden;
import org.rareset.association.gene.GeneTest;
import org.rareset.association.gene.Skat;

/**
 * Seed genes for training gene impairment scores, as DeepRVAT chooses them: pLoF and missense
 * masks x burden and SKAT tests on variants with 0 &lt; MAF &lt; 0.001, weights
 * sqrt(Beta(MAF; 1, 25)) except pLoF variants, which weigh 1; per trait, Bonferroni over the pooled
 * results (all genes x masks x tests) at alpha; at least {@code minGenes} genes per trait, the
 * best-ranked ones when fewer pass. Only rows that were tested are ranked: a gene x mask below
 * the mask builder's minimum MAC has no row, so it can never be chosen.
 */
public final class SeedGeneSelector {
    /** DeepRVAT's rare-variant limit for seed-gene discovery (exclusive). */
    public static final double MAX_MAF = 0.001;
    public static final double DEFAULT_ALPHA = 0.05;
    public static final int DEFAULT_MIN_GENES = 3;

    /** A chosen gene with its best result. */
    public record SeedGene(String phenotype, String gene, double log10P, String mask, String test, int nVariants,
                           double mac, boolean bonferroni, int rank) {}

    private final double alpha;
    private final int minGenes;

    public SeedGeneSelector(double alpha, int minGenes) {
        this.alpha = alpha;
        this.minGenes = minGenes;
    }

    /** The two masks: pLoF and missense variants below {@link #MAX_MAF}. */
    public static List<Mask> masks(AnnotationTable annotations, String plofColumn, String missenseColumn) {
        double limit = Math.nextDown(MAX_MAF); // MAF < 0.001, masks keep MAF <= limit
        List<Mask> masks = List.of(
                new Mask("plof", MaskExpression.parse(plofColumn + " == 1", annotations.annotationColumns(), "seed-gene pLoF mask"), limit),
                new Mask("missense", MaskExpression.parse(missenseColumn + " == 1", annotations.annotationColumns(), "seed-gene missense mask"), limit));
        for (Mask m : masks) m.expression().requireNumbers(annotations);
        return masks;
    }

    public static List<GeneTest> tests() {
        return List.of(Burden.INSTANCE, Skat.INSTANCE);
    }

    /** sqrt(Beta(MAF; 1, 25) density), or 1 for a pLoF variant. */
    public static Weighting weighting(AnnotationTable annotations, String plofColumn) {
        int plof = annotations.annotationColumns().indexOf(plofColumn);
        double logNorm = Beta.logBeta(1, 25);
        return Weighting.ofRow((maf, t, row) -> plof >= 0 && t.number(row, plof) == 1.0
                ? 1.0
                : Math.sqrt(Math.exp(24 * Math.log1p(-maf) - logNorm)));
    }

    /**
     * Chooses seed genes per phenotype from the pooled results of {@link #masks} x {@link #tests}.
     * Genes are ranked by their smallest p-value; ties by name.
     */
    public List<SeedGene> select(List<ResultRow> rows) {
        Map<String, List<ResultRow>> byTrait = new LinkedHashMap<>();
        for (ResultRow r : rows) byTrait.computeIfAbsent(r.phenotype(), k -> new ArrayList<>()).add(r);
        List<SeedGene> out = new ArrayList<>();
        for (Map.Entry<String, List<ResultRow>> e : byTrait.entrySet()) {
            List<ResultRow> pooled = e.getValue();
            long m = pooled.stream().filter(r -> !Double.isNaN(r.log10P())).count();
            double threshold = Math.log10(alpha) - Math.log10(Math.max(1, m));
            Map<String, ResultRow> best = new LinkedHashMap<>();
            for (ResultRow r : pooled) {
                if (Double.isNaN(r.log10P())) continue;
                best.merge(r.gene(), r, (a, b) -> b.log10P() < a.log10P() ? b : a);
            }
            List<ResultRow> ranked = new ArrayList<>(best.values());
            ranked.sort(Comparator.comparingDouble(ResultRow::log10P).thenComparing(ResultRow::gene));
            int rank = 0;
            for (ResultRow r : ranked) {
                boolean sig = r.log10P() <= threshold + 1e-12;
                if (!sig && rank >= minGenes) break;
                rank++;
                out.add(new SeedGene(e.getKey(), r.gene(), r.log10P(), r.mask(), r.test(), r.nVariants(), r.mac(), sig, rank));
            }
        }
        return out;
    }
}
