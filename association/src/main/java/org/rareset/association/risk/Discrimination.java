package org.rareset.association.risk;

import java.util.Arrays;
import java.util.Comparator;

/**
 * How well held-out predictions match the observed trait: the area under the ROC curve for a
 * binary trait, the out-of-sample R^2 for a quantitative one.
 */
public final class Discrimination {
    private Discrimination() {}

    /**
     * AUC = P(pred of a random case > pred of a random control) + P(tie) / 2, computed exactly as the
     * Mann-Whitney statistic: AUC = (R1 - n1 (n1 + 1) / 2) / (n1 n0), with R1 the sum of the cases'
     * ranks among all predictions (tied predictions share their mid-rank). NaN without cases or
     * without controls.
     *
     * @param y 1 for a case, 0 for a control
     */
    public static double auc(double[] pred, double[] y) {
        int n = pred.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingDouble(i -> pred[i]));
        double rankSumCases = 0;
        long cases = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && pred[order[j + 1]] == pred[order[i]]) j++;
            double midRank = (i + j) / 2.0 + 1;
            for (int t = i; t <= j; t++) {
                if (y[order[t]] == 1) {
                    rankSumCases += midRank;
                    cases++;
                }
            }
            i = j + 1;
        }
        long controls = n - cases;
        if (cases == 0 || controls == 0) return Double.NaN;
        return (rankSumCases - cases * (cases + 1) / 2.0) / ((double) cases * controls);
    }

    /**
     * Out-of-sample R^2 = 1 - sum (y - pred)^2 / sum (y - mean(y))^2, the mean taken over the same
     * (held-out) samples. Unlike the in-sample R^2 it can be negative: a model that predicts worse
     * than the held-out mean. NaN when y is constant.
     */
    public static double rSquared(double[] pred, double[] y) {
        double mean = 0;
        for (double v : y) mean += v;
        mean /= y.length;
        double ssRes = 0, ssTot = 0;
        for (int i = 0; i < y.length; i++) {
            ssRes += (y[i] - pred[i]) * (y[i] - pred[i]);
            ssTot += (y[i] - mean) * (y[i] - mean);
        }
        return ssTot > 0 ? 1 - ssRes / ssTot : Double.NaN;
    }

    /** AUC for a binary trait, R^2 for a quantitative one. */
    public static double of(double[] pred, double[] y, boolean binary) {
        return binary ? auc(pred, y) : rSquared(pred, y);
    }
}
