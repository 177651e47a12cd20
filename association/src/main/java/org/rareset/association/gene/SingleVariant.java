package org.rareset.association.gene;

import org.rareset.association.nullmodel.TraitType;
import org.rareset.association.pvalue.ChiSquare;

/**
 * Single-variant score tests of every column of a gene, from the scores the gene tests share:
 * T_j = U_j^2 / V_jj ~ chi2_1, beta_j = U_j s / V_jj and se_j = s / sqrt(V_jj) per copy of the
 * coded allele (s = sigma for a quantitative trait, 1 for a binary one: the one-step score
 * estimate, as {@link Burden} reports it). Binary traits with {@link TestOptions#spa()}: p by
 * saddlepoint beyond the |z| cutoff. Unweighted (the weights of the gene tests do not enter).
 * These are the p_j that {@link AcatV} combines.
 */
public final class SingleVariant {
    private SingleVariant() {}

    /**
     * Test of one column.
     *
     * @param column index into the gene's columns
     * @param log10P NaN when the column has no variance after covariate adjustment
     */
    public record Result(int column, double beta, double se, double log10P) {}

    /** The score test of column {@code j}. */
    public static Result test(GeneScores scores, int j) {
        double v = scores.covariance(j, j);
        if (!(v > 0)) return new Result(j, Double.NaN, Double.NaN, Double.NaN);
        double u = scores.score(j);
        double sigma = 1.0 / scores.model().scoreScale();
        double log10P = ChiSquare.log10Upper(u * u / v, 1);
        TestOptions o = scores.options();
        if (scores.model().type() == TraitType.BINARY && o.spa() && Math.abs(u) / Math.sqrt(v) > o.spaZCutoff()) {
            double[] unit = new double[scores.variantCount()];
            unit[j] = 1;
            log10P = BinaryAdjustments.spaLog10P(scores, unit, u, v);
        }
        return new Result(j, u * sigma / v, sigma / Math.sqrt(v), log10P);
    }

    /** The score tests of every column, in column order. */
    public static Result[] testAll(GeneScores scores) {
        Result[] out = new Result[scores.variantCount()];
        for (int j = 0; j < out.length; j++) out[j] = test(scores, j);
        return out;
    }
}
