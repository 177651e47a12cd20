package org.rareset.association.risk;

import java.util.List;

/**
 * Fits two {@link RiskModel}s on the same training split, covariates only (the baseline) and
 * covariates plus gene impairment scores, and evaluates both on the same held-out samples:
 * AUC (binary) or R^2 (quantitative) with paired bootstrap intervals ({@link Bootstrap}), and the
 * trait per bin of predicted risk ({@link Enrichment}). What the gene scores add is the difference
 * between the two, never the second model alone: covariates such as age and sex already stratify
 * risk.
 */
public final class RiskStratification {
    /** Evaluation settings: bootstrap replicates, their seed, and the enrichment bin edges. */
    public record Settings(int replicates, long seed, double[] edges) {}

    /** One model's held-out predictions, their percentiles and bins. */
    public record Evaluation(RiskModel model, double[] predicted, double[] percentile, List<Enrichment.Bin> bins) {}

    /** Both models on the held-out samples (indices into the input rows). */
    public record Result(int[] trainIndex, int[] testIndex, double[] observed, Evaluation baseline, Evaluation withScores,
                         Bootstrap.Paired metric) {}

    private RiskStratification() {}

    /**
     * @param covariates n rows of covariates (may have no columns)
     * @param scores     n rows of the chosen genes' scores (may have no columns: then both models are the baseline)
     */
    public static Result run(double[][] covariates, double[][] scores, double[] y, boolean binary, TrainTestSplit split, Settings s) {
        int[] train = split.train();
        int[] test = split.test();
        double[] obs = new double[test.length];
        for (int i = 0; i < test.length; i++) obs[i] = y[test[i]];
        Evaluation base = evaluate(covariates, null, y, binary, train, test, obs, s);
        Evaluation full = evaluate(covariates, scores, y, binary, train, test, obs, s);
        Bootstrap.Paired metric = Bootstrap.paired(base.predicted(), full.predicted(), obs, binary, s.replicates(), s.seed());
        return new Result(train, test, obs, base, full, metric);
    }

    private static Evaluation evaluate(double[][] cov, double[][] scores, double[] y, boolean binary, int[] train, int[] test,
                                       double[] obs, Settings s) {
        double[][] xt = new double[train.length][];
        double[] yt = new double[train.length];
        for (int i = 0; i < train.length; i++) {
            xt[i] = features(cov, scores, train[i]);
            yt[i] = y[train[i]];
        }
        RiskModel model = RiskModel.fit(xt, yt, binary);
        double[] pred = new double[test.length];
        for (int i = 0; i < test.length; i++) pred[i] = model.predict(features(cov, scores, test[i]));
        return new Evaluation(model, pred, Enrichment.percentiles(pred), Enrichment.bins(pred, obs, binary, s.edges()));
    }

    private static double[] features(double[][] cov, double[][] scores, int row) {
        if (scores == null || scores[row].length == 0) return cov[row];
        double[] f = new double[cov[row].length + scores[row].length];
        System.arraycopy(cov[row], 0, f, 0, cov[row].length);
        System.arraycopy(scores[row], 0, f, cov[row].length, scores[row].length);
        return f;
    }
}
