package org.rareset.association.mask;

import java.util.List;

/**
 * The genotypes one gene contributes to one mask for one trait, ready for the tests.
 *
 * @param columns     sparse genotype columns over the analysed samples; ultra-rare variants collapsed
 *                    into one pseudo-variant (last) when collapsing is on
 * @param nVariants   variants in the mask before collapsing
 * @param mac         sum over those variants of the minor allele count in the analysed samples
 * @param nCarriers   analysed samples carrying at least one minor allele of them
 * @param nCollapsed  how many of them went into the pseudo-variant (0 = none)
 * @param sampleCount number of analysed samples (rows of the dense genotype matrix)
 */
public record MaskedGene(String gene, String mask, List<SparseColumn> columns, int nVariants, double mac,
                         int nCarriers, int nCollapsed, int sampleCount) {

    public double[] weights() {
        double[] w = new double[columns.size()];
        for (int j = 0; j < w.length; j++) w[j] = columns.get(j).weight();
        return w;
    }

    /** Dense n x m dosage matrix; for tests and small genes only. */
    public double[][] dense() {
        double[][] g = new double[sampleCount][columns.size()];
        for (int j = 0; j < columns.size(); j++) {
            SparseColumn c = columns.get(j);
            for (int k = 0; k < c.rows().length; k++) g[c.rows()[k]][j] = c.dosages()[k];
        }
        return g;
    }
}
