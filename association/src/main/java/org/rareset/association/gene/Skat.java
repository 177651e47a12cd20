package org.rareset.association.gene;

import org.rareset.association.pvalue.MixtureTail;

/**
 * SKAT (Wu et al. 2011): Q = sum_j (w_j U_j)^2 ~ sum_k lambda_k chi2_1, lambda the eigenvalues of
 * diag(w) V diag(w) with R SKAT's filter (drop lambda <= mean(non-negative lambda) / 1e5); upper tail
 * by the stringent {@link MixtureTail} (exact chi2_1 for a single eigenvalue); for a binary trait
 * with SPA see {@link GeneScores#skatLog10P()} (the calibrated kernel, and the discrete law's mid-p
 * for genes whose columns are all discrete). No beta/se.
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
        return scores.resultOf(name(), Double.NaN, Double.NaN, scores.skatLog10P());
    }
}
