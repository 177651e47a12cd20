package org.rareset.association.pvalue;

/**
 * Saddlepoint approximation of a binary-trait score statistic (Dey et al. 2017, SPAtest's "fast"
 * version as used by SAIGE): U = sum_i g~_i (y_i - mu_i) with covariate-adjusted genotypes g~.
 * The cumulant generating function is summed exactly over carriers and approximated by a normal
 * for the non-carriers, so the cost scales with carriers.
 */
public final class ScoreSaddlePoint {
    private ScoreSaddlePoint() {}

    /**
     * Two-sided log10 p of the observed score.
     *
     * @param score          observed U
     * @param variance       null variance of U
     * @param carrierG       adjusted genotype g~_i of the carriers
     * @param carrierMu      fitted probabilities mu_i of the carriers
     * @param otherVariance  variance contributed by the non-carriers (variance - sum over carriers)
     */
    public static double log10TwoSided(double score, double variance, double[] carrierG, double[] carrierMu,
                                       double otherVariance) {
        throw new UnsupportedOperationException("score SPA not implemented yet");
    }
}
