package org.rareset.association.seed;

import java.util.List;
import org.apache.commons.math3.special.Beta;
import org.rareset.association.input.AnnotationTable;
import org.rareset.association.mask.Mask;
import org.rareset.association.mask.MaskExpression;
import org.rareset.association.mask.Weighting;

/**
 * The variants DeepRVAT's seed-gene discovery tests: a pLoF mask ({@code is_plof == 1}) and a
 * missense mask ({@code Consequence_missense_variant == 1}), each on variants with
 * 0 &lt; MAF &lt; rare_maf, weighted sqrt(Beta(MAF; 1, 25)) except pLoF variants, which weigh 1
 * ({@code seed_gene_discovery.py get_weights}: beta_maf weights, pLoF weights set to 1, genotypes
 * multiplied by the square root).
 */
public final class SeedGeneMasks {
    public static final String PLOF = "plof";
    public static final String MISSENSE = "missense";

    private SeedGeneMasks() {}

    /**
     * The two masks. MAF &gt; 0 holds because variants monomorphic in the analysed samples never
     * enter a mask; MAF &lt; rareMaf is the mask limit just below rareMaf (masks keep MAF &lt;= limit).
     */
    public static List<Mask> masks(AnnotationTable annotations, String plofColumn, String missenseColumn, double rareMaf) {
        double limit = Math.nextDown(rareMaf);
        List<Mask> masks = List.of(
                new Mask(PLOF, MaskExpression.parse(plofColumn + " == 1", annotations.annotationColumns(), "seed-gene pLoF mask"), limit),
                new Mask(MISSENSE, MaskExpression.parse(missenseColumn + " == 1", annotations.annotationColumns(), "seed-gene missense mask"), limit));
        for (Mask m : masks) m.expression().requireNumbers(annotations);
        return masks;
    }

    /** sqrt(Beta(MAF; 1, 25) density), or 1 for a pLoF variant. */
    public static Weighting weighting(AnnotationTable annotations, String plofColumn) {
        int plof = annotations.annotationColumns().indexOf(plofColumn);
        double logNorm = Beta.logBeta(1, 25);
        return Weighting.ofRow((maf, t, row) -> plof >= 0 && t.number(row, plof) == 1.0
                ? 1.0
                : Math.sqrt(Math.exp(24 * Math.log1p(-maf) - logNorm)));
    }
}
