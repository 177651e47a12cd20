package org.rareset.association.risk;

import java.util.Random;

/** A deterministic random split of n samples: a training set and held-out samples, for a seed. */
public record TrainTestSplit(int[] train, int[] test) {

    public static TrainTestSplit of(int n, double trainFraction, long seed) {
        if (!(trainFraction > 0 && trainFraction < 1)) throw new IllegalArgumentException("train fraction must be in (0, 1)");
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        Random rnd = new Random(seed);
        for (int i = n - 1; i > 0; i--) { // Fisher-Yates
            int j = rnd.nextInt(i + 1);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        int nTrain = (int) Math.round(trainFraction * n);
        int[] train = java.util.Arrays.copyOfRange(idx, 0, nTrain);
        int[] test = java.util.Arrays.copyOfRange(idx, nTrain, n);
        java.util.Arrays.sort(train);
        java.util.Arrays.sort(test);
        return new TrainTestSplit(train, test);
    }
}
