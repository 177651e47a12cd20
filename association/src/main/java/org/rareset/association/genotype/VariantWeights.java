package org.rareset.association.genotype;

import org.apache.commons.math3.special.Beta;

/** Per-variant weights for weighted burden and SKAT-type tests. */
public final class VariantWeights {
    private VariantWeights() {}

    /**
     * Beta-density weights w_j = dbeta(MAF_j; a, b) (Wu et al. 2011; a = 1, b = 25 up-weights rare
     * variants). MAF is taken from the analysed samples ({@link GeneGenotypes#mafs()}).
     */
    public static double[] beta(double[] maf, double a, double b) {
        double[] w = new double[maf.length];
        double logNorm = Beta.logBeta(a, b);
        for (int j = 0; j < maf.length; j++) {
            double x = maf[j];
            if (x <= 0 || x >= 1) {
                // dbeta at the boundary: finite only for a >= 1 (a = 1: b), a variant with MAF 0 has no carriers anyway
                w[j] = (a == 1.0 && x <= 0) ? Math.exp(-logNorm) : 0.0;
                continue;
            }
            w[j] = Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - logNorm);
        }
        return w;
    }

    /** Beta(1, 25) weights of a gene's columns: the default of R SKAT and REGENIE. */
    public static double[] defaultBeta(GeneGenotypes g) {
        return beta(g.mafs(), 1, 25);
    }

    /** All weights 1 (unweighted tests). */
    public static double[] flat(int m) {
        double[] w = new double[m];
        java.util.Arrays.fill(w, 1.0);
        return w;
    }
}
