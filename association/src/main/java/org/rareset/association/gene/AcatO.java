package org.rareset.association.gene;

import org.rareset.association.pvalue.Cauchy;

/**
 * ACAT-O: equal-weight Cauchy combination of the gene's burden, SKAT and ACAT-V p-values
 * (p < 1e-16 entered as (1/3) / (p pi), no cap). Inputs that are undefined (NaN) are left out.
 */
public final class AcatO implements GeneTest {
    /** Shared instance (the class is stateless). */
    public static final AcatO INSTANCE = new AcatO();
    static final double TINY = 1e-16;

    @Override
    public String name() {
        return "acato";
    }

    @Override
    public GeneResult apply(GeneScores scores) {
        GeneTest[] parts = {Burden.INSTANCE, Skat.INSTANCE, AcatV.INSTANCE};
        double[] lp = new double[parts.length];
        double[] w = new double[parts.length];
        int n = 0;
        for (GeneTest t : parts) {
            double p = scores.result(t).log10P();
            if (Double.isNaN(p)) continue;
            lp[n] = p;
            w[n] = 1;
            n++;
        }
        if (n == 0) return scores.resultOf(name(), Double.NaN, Double.NaN, Double.NaN);
        double log10P = Cauchy.log10Combine(java.util.Arrays.copyOf(lp, n), java.util.Arrays.copyOf(w, n), TINY, 1.0);
        return scores.resultOf(name(), Double.NaN, Double.NaN, log10P);
    }
}
