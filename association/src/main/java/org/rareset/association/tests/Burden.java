package org.rareset.association.tests;

import org.rareset.association.nullmodel.TraitType;
import org.rareset.association.pvalue.ChiSquare;

/**
 * Weighted burden score test (R SKAT {@code r.corr = 1}): T = (sum_j w_j U_j)^2 / (w'Vw) ~ chi2_1.
 * beta = U_b s / (w'Vw) and se = s / sqrt(w'Vw) per unit of the weighted burden sum_j w_j g_j
 * (s = sigma for a quantitative trait, 1 for a binary one: the one-step score estimate).
 * Binary traits: with {@link TestOptions#spa()} the p-value comes from the saddlepoint
 * approximation beyond |z| > cutoff; below {@link TestOptions#firthThreshold()} beta, se and p are
 * replaced by Firth-penalised logistic regression (likelihood-ratio p).
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
        int m = scores.variantCount();
        double ub = 0;
        double vb = 0;
        for (int j = 0; j < m; j++) {
            double wj = scores.weight(j);
            ub += wj * scores.score(j);
            for (int k = 0; k < m; k++) vb += wj * scores.covariance(j, k) * scores.weight(k);
        }
        if (!(vb > 0)) return scores.resultOf(name(), Double.NaN, Double.NaN, Double.NaN);
        double sigma = 1.0 / scores.model().scoreScale();
        double beta = ub * sigma / vb;
        double se = sigma / Math.sqrt(vb);
        double log10P = ChiSquare.log10Upper(ub * ub / vb, 1);
        if (scores.model().type() == TraitType.BINARY) {
            TestOptions o = scores.options();
            if (o.spa() && Math.abs(ub) / Math.sqrt(vb) > o.spaZCutoff()) {
                log10P = BinaryAdjustments.spaLog10P(scores, scores.weights(), ub, vb);
            }
            if (o.firthThreshold() > 0 && log10P < Math.log10(o.firthThreshold())) {
                BinaryAdjustments.FirthBurden f = BinaryAdjustments.firth(scores);
                if (f != null) return scores.resultOf(name(), f.beta(), f.se(), f.log10P());
            }
        }
        return scores.resultOf(name(), beta, se, log10P);
    }
}
