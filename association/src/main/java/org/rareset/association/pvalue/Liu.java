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

        /** Inverse of {@link #standardise}: the q whose matched argument is x. */
        public double unstandardise(double x) {
            return (x - muX) / sigmaX * sigmaQ + muQ;
        }
    }

    /** Liu et al. (2009) parameters (R SKAT {@code Get_Liu_Params}). */
    public static Parameters parameters(double[] lambda) {
        return fit(lambda, false);
    }

    /** Modified parameters (R SKAT {@code Get_Liu_Params_Mod}). */
    public static Parameters modifiedParameters(double[] lambda) {
        return fit(lambda, true);
    }

    private static Parameters fit(double[] lambda, boolean modified) {
        double c1 = 0, c2 = 0, c3 = 0, c4 = 0;
        for (double l : lambda) {
            double l2 = l * l;
            c1 += l;
            c2 += l2;
            c3 += l2 * l;
            c4 += l2 * l2;
        }
        double muQ = c1;
        double sigmaQ = Math.sqrt(2 * c2);
        double s1 = c3 / Math.pow(c2, 1.5);
        double s2 = c4 / (c2 * c2);
        double a, d, l;
        if (s1 * s1 > s2) {
            a = 1 / (s1 - Math.sqrt(s1 * s1 - s2));
            d = s1 * a * a * a - a * a;
            l = a * a - 2 * d;
        } else if (modified) {
            l = 1 / s2;
            a = Math.sqrt(l);
            d = 0;
        } else {
            a = 1 / s1;
            d = 0;
            l = 1 / (s1 * s1);
        }
        return new Parameters(muQ, sigmaQ, l + d, Math.sqrt(2) * a, l, d);
    }

    /** log10 P(Q > q) by the original Liu approximation (non-central chi-square). */
    public static double log10Upper(double q, double[] lambda) {
        Parameters p = parameters(lambda);
        return NoncentralChiSquare.logUpper(p.standardise(q), p.df(), p.ncp()) / Math.log(10);
    }

    /** log10 P(Q > q) by the modified approximation (R SKAT {@code SKAT_liu.MOD}). */
    public static double log10UpperModified(double q, double[] lambda) {
        Parameters p = modifiedParameters(lambda);
        return NoncentralChiSquare.logUpper(p.standardise(q), p.df(), p.ncp()) / Math.log(10);
    }
}
