package org.rareset.deepset.score;

/**
 * Scores of every sample for one gene, kept sparse: samples listed in {@code carriers}
 * (increasing sample indexes) score {@code carrierScores[i]}, every other sample scores
 * {@code emptyScore}. {@code carriedRows} is how many of the gene's annotation rows any
 * sample carries.
 */
public record GeneScores(String gene, double emptyScore, int[] carriers, double[] carrierScores, int rows,
                         int carriedRows) {

    public GeneScores {
        if (carriers.length != carrierScores.length) {
            throw new IllegalArgumentException("carriers and scores differ in length");
        }
    }

    /** Score of sample {@code sample} (binary search over the carriers). */
    public double score(int sample) {
        int i = java.util.Arrays.binarySearch(carriers, sample);
        return i >= 0 ? carrierScores[i] : emptyScore;
    }

    /** Writes the dense score vector over {@code nSamples} samples into {@code out}. */
    public void fill(double[] out, int nSamples) {
        java.util.Arrays.fill(out, 0, nSamples, emptyScore);
        for (int i = 0; i < carriers.length; i++) out[carriers[i]] = carrierScores[i];
    }
}
