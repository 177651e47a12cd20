package org.rareset.core.formats;

/**
 * Minor alleles and carriers of a mask split by case status, for binary traits: what a reader
 * checks first for a rare-variant hit (are the carriers mostly cases?). Quantitative traits have
 * {@link #NONE}.
 *
 * @param macCase          minor alleles observed in cases, summed over the mask's variants
 * @param macControl       the same in controls ({@code macCase + macControl} = the mask's MAC
 *                         when no call is missing)
 * @param nCarriersCase    cases carrying at least one observed minor allele of the mask
 * @param nCarriersControl the same for controls
 */
public record CaseControlCounts(double macCase, double macControl, int nCarriersCase, int nCarriersControl) {
    /** Not a binary trait: every count NA. */
    public static final CaseControlCounts NONE = new CaseControlCounts(Double.NaN, Double.NaN, -1, -1);

    public boolean known() {
        return nCarriersCase >= 0;
    }
}
