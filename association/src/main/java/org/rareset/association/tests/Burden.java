package org.rareset.association.tests;

/**
 * Weighted burden score test: T = (sum_j w_j U_j)^2 / (w'Vw) ~ chi2_1 (R SKAT r.corr=1). beta = U_b s / (w'Vw), se = s / sqrt(w'Vw) per unit of the weighted burden sum_j w_j g_j (s = sigma for a quantitative trait, 1 for binary). Binary traits: SPA beyond |z| > cutoff when enabled; Firth LRT when p < firth threshold.
 */
public final class Burden implements GeneTest {
    /** Shared instance (the class is stateless). */
    public static final Burden INSTANCE = new Burden();

    @Override
    public String name() {
        return "burden";
    }

    @Override
    public GeneResult apply(GeneScores scores) {
        throw new UnsupportedOperationException("burden not implemented yet");
    }
}
