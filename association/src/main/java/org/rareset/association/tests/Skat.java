package org.rareset.association.tests;

/**
 * SKAT (Wu et al. 2011): Q = sum_j (w_j U_j)^2 ~ sum_k lambda_k chi2_1, lambda the eigenvalues of diag(w) V diag(w) (R SKAT Get_Lambda filter), upper tail by the stringent MixtureTail.
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
        throw new UnsupportedOperationException("skat not implemented yet");
    }
}
