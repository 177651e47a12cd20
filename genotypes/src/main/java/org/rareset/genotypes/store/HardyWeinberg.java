package org.rareset.genotypes.store;

/**
 * Exact test of Hardy-Weinberg equilibrium for one biallelic variant.
 *
 * <p>Wigginton JE, Cutler DJ, Abecasis GR (2005). A note on exact tests of Hardy-Weinberg
 * equilibrium. Am J Hum Genet 76:887-893. Given n genotypes with {@code nA} copies of the rarer
 * allele, the probability of {@code h} heterozygotes is
 * {@code P(h) = n! / (homA! h! homB!) * 2^h * nA! nB! / (2n)!}; the p-value is the sum of
 * {@code P(h')} over all {@code h'} with {@code P(h') <= P(observed)}. The probabilities are
 * computed with the paper's recurrence from the most likely count outward, so no factorials are
 * formed.
 */
public final class HardyWeinberg {
    private HardyWeinberg() {}

    /** Relative slack when comparing probabilities, so exact ties are not lost to rounding. */
    private static final double TIE_TOLERANCE = 1e-7;

    /**
     * @param hets  heterozygous genotypes
     * @param hom1  homozygotes of one allele
     * @param hom2  homozygotes of the other
     * @return the exact two-sided HWE p-value (1 when there are no genotypes)
     */
    public static double exactP(int hets, int hom1, int hom2) {
        if (hets < 0 || hom1 < 0 || hom2 < 0) throw new IllegalArgumentException("negative genotype count");
        int homr = Math.min(hom1, hom2);
        int homc = Math.max(hom1, hom2);
        int rare = 2 * homr + hets;
        int n = hets + homc + homr;
        if (n == 0) return 1.0;
        double[] probs = new double[rare + 1];
        int mid = (int) ((long) rare * (2L * n - rare) / (2L * n));
        if (((rare ^ mid) & 1) != 0) mid++;
        probs[mid] = 1.0;
        double sum = 1.0;
        int currHomr = (rare - mid) / 2;
        int currHomc = n - mid - currHomr;
        for (int h = mid; h > 1; h -= 2) {
            probs[h - 2] = probs[h] * h * (h - 1.0) / (4.0 * (currHomr + 1.0) * (currHomc + 1.0));
            sum += probs[h - 2];
            currHomr++;
            currHomc++;
        }
        currHomr = (rare - mid) / 2;
        currHomc = n - mid - currHomr;
        for (int h = mid; h <= rare - 2; h += 2) {
            probs[h + 2] = probs[h] * 4.0 * currHomr * currHomc / ((h + 2.0) * (h + 1.0));
            sum += probs[h + 2];
            currHomr--;
            currHomc--;
        }
        double observed = probs[hets] * (1 + TIE_TOLERANCE);
        double p = 0;
        for (int h = rare & 1; h <= rare; h += 2) if (probs[h] <= observed) p += probs[h];
        return Math.min(1.0, p / sum);
    }
}
