package org.rareset.association.input;

import java.util.List;
import org.rareset.association.nullmodel.TraitType;

/**
 * One trait ready for a null model: its analysed samples (indexes into the genotype source's
 * sample list, in that order), outcome {@code y} (0/1 for binary traits), and the design matrix
 * {@code x} (n x p, first column the intercept) over the same samples.
 *
 * @param genotypeIndex     for each analysed sample, its index in the genotype samples
 * @param analysisIndex     for each genotype sample, its analysed index or -1
 * @param covariateNames    names of the columns of x after the intercept
 * @param droppedMissing    samples of the common set dropped because this trait was missing
 */
public record TraitData(String name, TraitType type, int[] genotypeIndex, int[] analysisIndex,
                        double[] y, double[][] x, List<String> covariateNames, int droppedMissing,
                        List<String> sampleIds, List<String> fidIids) implements java.io.Serializable {

    public int sampleCount() { return y.length; }

    /** Number of cases (y = 1); only meaningful for binary traits. */
    public int cases() {
        int c = 0;
        for (double v : y) if (v == 1.0) c++;
        return c;
    }
}
