package org.rareset.association.pvalue;

/**
 * Liu, Tang and Zhang (2009) moment matching of sum_j lambda_j chi2_1 to a (non-central) chi-square,
 * with the "modified" variant of Lee et al. (2012) used by R SKAT ({@code Get_Liu_Params_Mod}) that
 * matches the kurtosis instead of the skewness when s1^2 <= s2.
 */
public final class Liu {
    private Liu() {}

    /**
     * Matched parameters: Q is mapped to (Q - muQ) / sigmaQ * sigmaX + muX ~ chi2(df, ncp).
     */
    public record Parameters(double muQ, double sigmaQ, double muX, double sigmaX, double df, double ncp) {
        /** The matched chi-square argument for q. */
        public double standardise(double q) {
            return (q - muQ) / sigmaQ * sigmaX + muX;
        }
    }

    /** Liu et al. (2009) parameters (R SKAT {@code Get_Liu_Params}). */
    public static Parameters parameters(double[] lambda) {
        throw new UnsupportedOperationException("Liu not implemented yet");
    }

    /** Modified parameters (R SKAT {@code Get_Liu_Params_Mod}). */
    public static Parameters modifiedParameters(double[] lambda) {
        throw new UnsupportedOperationException("Liu not implemented yet");
    }

    /** log10 P(Q > q) by the original Liu approximation (non-central chi-square). */
    public static double log10Upper(double q, double[] lambda) {
        throw new UnsupportedOperationException("Liu not implemented yet");
    }

    /** log10 P(Q > q) by the modified approximation (central chi-square, ncp = 0). */
    public static double log10UpperModified(double q, double[] lambda) {
        throw new UnsupportedOperationException("Liu not implemented yet");
    }
}
