package org.rareset.association.gene;


import org.rareset.association.genotype.GeneGenotypes;
import org.rareset.association.nullmodel.NullModel;
import org.rareset.association.pvalue.ScoreSaddlePoint;
import org.rareset.association.regression.FirthLogistic;

/** Saddlepoint and Firth corrections of binary-trait score tests. */
final class BinaryAdjustments {
    private BinaryAdjustments() {}

    record FirthBurden(double beta, double se, double log10P) {}

    /**
     * SPA log10 p of the score sum_j a_j U_j (variance v): the combined column b = sum_j a_j g_j is
     * adjusted for covariates on its carriers, b~_i = b_i - x_i'(X'WX)^-1 X'W b, and the rest of
     * the variance is attributed to the non-carriers.
     */
    static double spaLog10P(GeneScores scores, double[] a, double score, double v) {
        NullModel model = scores.model();
        GeneGenotypes g = scores.genotypes();
        int p = model.covariateCount();
        java.util.HashMap<Integer, Double> combined = new java.util.HashMap<>();
        double[] xtwb = new double[p];
        for (int j = 0; j < g.variantCount(); j++) {
            if (a[j] == 0) continue;
            GeneGenotypes.Column c = g.column(j);
            for (int k = 0; k < c.samples().length; k++) combined.merge(c.samples()[k], a[j] * c.dosages()[k], Double::sum);
            double[] xj = scores.xtwg(j);
            for (int q = 0; q < p; q++) xtwb[q] += a[j] * xj[q];
        }
        double[] gamma = model.solveGram(xtwb);
        int n = combined.size();
        double[] gt = new double[n];
        double[] mu = new double[n];
        double carrierVar = 0;
        int k = 0;
        for (var e : combined.entrySet()) {
            int i = e.getKey();
            double adj = e.getValue();
            for (int q = 0; q < p; q++) adj -= model.covariate(i, q) * gamma[q];
            gt[k] = adj;
            mu[k] = model.fitted(i);
            carrierVar += adj * adj * model.weight(i);
            k++;
        }
        return ScoreSaddlePoint.log10TwoSided(score, v, gt, mu, v - carrierVar);
    }

    /**
     * Firth fit of the weighted burden sum_j w_j g_j (dense, O(n) per iteration: every sample's fitted
     * value moves with the covariate coefficients); null when it did not converge.
     */
    static FirthBurden firth(GeneScores scores) {
        NullModel model = scores.model();
        int n = model.sampleCount();
        int p = model.covariateCount();
        // the design [X, burden], built once (the burden column filled from the carriers below)
        double[] y = new double[n];
        double[] off = new double[n];
        double[][] design = new double[n][p + 1];
        for (int i = 0; i < n; i++) {
            y[i] = model.y(i);
            off[i] = model.offset(i);
            for (int a = 0; a < p; a++) design[i][a] = model.covariate(i, a);
        }
        GeneGenotypes g = scores.genotypes();
        for (int j = 0; j < g.variantCount(); j++) {
            GeneGenotypes.Column c = g.column(j);
            double w = scores.weight(j);
            for (int k = 0; k < c.samples().length; k++) design[c.samples()[k]][p] += w * c.dosages()[k];
        }
        try {
            FirthLogistic.Fit f = FirthLogistic.testDesign(y, design, off, model.coefficients());
            return f.converged() ? new FirthBurden(f.beta(), f.se(), f.log10PLrt()) : null;
        } catch (ArithmeticException e) {
            return null;
        }
    }
}
