package org.rareset.association.gene;

import org.rareset.association.pvalue.Cauchy;

/**
 * ACAT-V (Liu et al. 2019) as REGENIE ADD-ACATV: single-variant score p-values p_j from
 * U_j^2 / V_jj ~ chi2_1, combined by the Cauchy method with weights a_j = w_j^2 MAF_j (1 - MAF_j)
 * (normalised); p_j capped at 0.999, p_j < 1e-15 entered as a_j / (p_j pi); a gene with one
 * variant returns p_1. Binary traits with {@link TestOptions#spa()}: p_j by saddlepoint beyond the cutoff.
 */
public final class AcatV implements GeneTest {
    /** Shared instance (the class is stateless). */
    public static final AcatV INSTANCE = new AcatV();
    /** REGENIE's cap on single-variant p-values entering ACAT-V. */
    static final double CAP = 0.999;
    static final double TINY = 1e-15;

    @Override
    public String name() {
        return "acatv";
    }

    @Override
    public GeneResult apply(GeneScores scores) {
        int m = scores.variantCount();
        double[] lp = new double[m];
        double[] a = new double[m];
        int used = 0;
        for (int j = 0; j < m; j++) {
            double log10P = SingleVariant.test(scores, j).log10P();
            if (Double.isNaN(log10P)) continue;
            double maf = scores.genotypes().column(j).maf();
            double w = scores.weight(j);
            lp[used] = log10P;
            a[used] = w * w * maf * (1 - maf);
            used++;
        }
        if (used == 0) return scores.resultOf(name(), Double.NaN, Double.NaN, Double.NaN);
        if (m == 1) return scores.resultOf(name(), Double.NaN, Double.NaN, lp[0]);
        double[] lpU = java.util.Arrays.copyOf(lp, used);
        double[] aU = java.util.Arrays.copyOf(a, used);
        return scores.resultOf(name(), Double.NaN, Double.NaN, Cauchy.log10Combine(lpU, aU, TINY, CAP));
    }
}
