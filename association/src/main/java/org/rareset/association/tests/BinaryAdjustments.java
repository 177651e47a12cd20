package org.rareset.association.tests;


import org.rareset.association.genotype.GeneGenotypes;
import org.rareset.association.nullmodel.NullModel;
import org.rareset.association.regression.FirthLogistic;

/** Saddlepoint and Firth corrections of binary-trait score tests. */
final class BinaryAdjustments {
    private BinaryAdjustments() {}

    record FirthBurden(double beta, double se, double log10P) {}

    /** SPA log10 p of the score sum_j a_j U_j (variance v). */
    static double spaLog10P(GeneScores scores, double[] a, double score, double v) {
        throw new UnsupportedOperationException("SPA not implemented yet");
    }

    /** Firth fit of the weighted burden sum_j w_j g_j (dense, O(n)); null when it did not converge. */
    static FirthBurden firth(GeneScores scores) {
        NullModel model = scores.model();
        int n = model.sampleCount();
        int p = model.covariateCount();
        double[] burden = new double[n];
        GeneGenotypes g = scores.genotypes();
        for (int j = 0; j < g.variantCount(); j++) {
            GeneGenotypes.Column c = g.column(j);
            double w = scores.weight(j);
            for (int k = 0; k < c.samples().length; k++) burden[c.samples()[k]] += w * c.dosages()[k];
        }
        double[] y = new double[n];
        double[] off = new double[n];
        double[][] x = new double[n][p];
        for (int i = 0; i < n; i++) {
            y[i] = model.y(i);
            off[i] = model.offset(i);
            for (int a = 0; a < p; a++) x[i][a] = model.covariate(i, a);
        }
        try {
            FirthLogistic.Fit f = FirthLogistic.test(y, x, burden, off);
            return f.converged() ? new FirthBurden(f.beta(), f.se(), f.log10PLrt()) : null;
        } catch (ArithmeticException e) {
            return null;
        }
    }
}
