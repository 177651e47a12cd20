package org.rareset.association.gene;

import org.rareset.association.pvalue.MixtureTail;

/**
 * SKAT (Wu et al. 2011): Q = sum_j (w_j U_j)^2 ~ sum_k lambda_k chi2_1, lambda the eigenvalues of
 * diag(w) V diag(w) with R SKAT's filter (drop lambda <= mean(non-negative lambda) / 1e5); upper tail
 * by the stringent {@link MixtureTail} (exact chi2_1 for a single eigenvalue). No beta/se.
 */
public final class Skat implements GeneTest {
    /** Shared instance (the class is stateless). */
    public static final Skat INSTANCE = new Skat();

    @Override
    public String name() {
        return "skat";
    }

    @Override
    public GeneResult apply(GeneScores scores) {
        double[] wu = scores.weightedScores();
        double q = 0;
        for (double x : wu) q += x * x;
        double[] lambda = Eigenvalues.skatLambda(scores.weightedCovariance());
        if (lambda.length == 0) return scores.resultOf(name(), Double.NaN, Double.NaN, Double.NaN);
        return scores.resultOf(name(), Double.NaN, Double.NaN, MixtureTail.log10Upper(q, lambda));
    }
}
