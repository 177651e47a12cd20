package org.rareset.association.gene;

import org.rareset.association.nullmodel.TraitType;
import org.rareset.association.pvalue.ChiSquare;

/**
 * Weighted burden score test (R SKAT {@code r.corr = 1}): T = (sum_j w_j U_j)^2 / (w'Vw) ~ chi2_1.
 * beta = U_b s / (w'Vw) and se = s / sqrt(w'Vw) per unit of the weighted burden sum_j w_j g_j
 * (s = sigma for a quantitative trait, 1 for a binary one: the one-step score estimate).
 *
 * <p>Binary traits with {@link TestOptions#spa()}: the p-value is the burden SPA p beyond |z| &gt;
 * cutoff ({@link GeneScores#burdenLog10P()}). Below {@link TestOptions#firthThreshold()} Firth-penalised
 * logistic regression gives the effect size only: its likelihood-ratio p is 1.5-4x below the exact
 * p for genes with few carriers, where the SPA p is close to it, so the p stays the SPA one. In
 * both cases se = |beta| / sqrt(q), q the chi2_1 quantile of the reported p, so beta/se agrees with
 * the reported p (a Wald z of 2 never sits next to p = 0.3).
 *
 * <p>Binary traits without SPA: below the threshold beta, se and p all come from Firth (its LRT p),
 * REGENIE's {@code --firth} definition.
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
        double ub = scores.burdenScore();
        double vb = scores.burdenVariance();
        if (!(vb > 0)) return scores.resultOf(name(), Double.NaN, Double.NaN, Double.NaN);
        double sigma = 1.0 / scores.model().scoreScale();
        double beta = ub * sigma / vb;
        double se = sigma / Math.sqrt(vb);
        double log10P = scores.burdenLog10P();
        if (scores.model().type() != TraitType.BINARY) return scores.resultOf(name(), beta, se, log10P);
        TestOptions o = scores.options();
        boolean firth = o.firthThreshold() > 0 && log10P < Math.log10(o.firthThreshold());
        BinaryAdjustments.FirthBurden f = firth ? BinaryAdjustments.firth(scores) : null;
        if (!o.spa()) {
            return f != null ? scores.resultOf(name(), f.beta(), f.se(), f.log10P()) : scores.resultOf(name(), beta, se, log10P);
        }
        if (f != null) beta = f.beta();
        boolean spaMoved = Math.abs(ub) / Math.sqrt(vb) > o.spaZCutoff();
        if (f != null || spaMoved) se = seFromP(beta, log10P, se);
        return scores.resultOf(name(), beta, se, log10P);
    }

    /** se = |beta| / sqrt(q), q the chi2_1 upper quantile of p; {@code fallback} where that is undefined. */
    static double seFromP(double beta, double log10P, double fallback) {
        double q = ChiSquare.upperQuantileLog(log10P * Math.log(10), 1);
        if (!(q > 0) || !Double.isFinite(q) || beta == 0) return fallback;
        return Math.abs(beta) / Math.sqrt(q);
    }
}
