package org.rareset.association.risk;

import java.util.List;

/**
 * Fits a {@link RiskModel} on a training split and scores the held-out samples: their predicted risk,
 * percentile among the held-out samples, and the enrichment of cases (or the mean trait) in the top
 * fractions against the rest.
 */
public final class RiskStratification {
    /** The held-out samples (indices into the input rows) with their predictions. */
    public record Result(RiskModel model, int[] trainIndex, int[] testIndex, double[] predicted, double[] percentile,
                         double[] observed, List<Enrichment.Row> enrichment) {}

    private RiskStratification() {}

    public static Result run(double[][] x, double[] y, boolean binary, double trainFraction, long seed, double[] fractions) {
        TrainTestSplit split = TrainTestSplit.of(x.length, trainFraction, seed);
        double[][] xt = new double[split.train().length][];
        double[] yt = new double[xt.length];
        for (int i = 0; i < xt.length; i++) {
            xt[i] = x[split.train()[i]];
            yt[i] = y[split.train()[i]];
        }
        RiskModel model = RiskModel.fit(xt, yt, binary);
        int[] test = split.test();
        double[] pred = new double[test.length];
        double[] obs = new double[test.length];
        for (int i = 0; i < test.length; i++) {
            pred[i] = model.predict(x[test[i]]);
            obs[i] = y[test[i]];
        }
        return new Result(model, split.train(), test, pred, Enrichment.percentiles(pred), obs,
                Enrichment.compute(pred, obs, binary, fractions));
    }
}
