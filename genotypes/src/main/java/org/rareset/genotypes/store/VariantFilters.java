package org.rareset.genotypes.store;

import org.rareset.genotypes.vcf.Variant;

/**
 * Variant QC filters applied by ingest, each naming why a variant is dropped.
 *
 * @param maxMissing drop when the fraction of samples with a missing call exceeds this (1 keeps all)
 * @param minAc      drop when the ALT allele count is below this (0 keeps all)
 * @param minHweP    drop when the exact HWE p-value is below this; null skips the test. Only
 *                   variants whose called genotypes are all diploid are tested.
 */
public record VariantFilters(double maxMissing, int minAc, Double minHweP) {
    /** Why a variant was dropped; {@link #KEPT} when it was not. */
    public enum Reason { KEPT, MAX_MISSING, MIN_AC, HWE }

    public static VariantFilters none() {
        return new VariantFilters(1.0, 0, null);
    }

    /** The first filter {@code v} fails, in the order missing, AC, HWE. */
    public Reason check(Variant v, int nSamples) {
        if (nSamples > 0 && (double) v.missingCount() / nSamples > maxMissing) return Reason.MAX_MISSING;
        if (v.alleleCount() < minAc) return Reason.MIN_AC;
        if (minHweP != null && allDiploid(v, nSamples) && hweP(v, nSamples) < minHweP) return Reason.HWE;
        return Reason.KEPT;
    }

    /** True when AN is twice the called samples, i.e. every called genotype is diploid. */
    public static boolean allDiploid(Variant v, int nSamples) {
        return v.alleleNumber() == 2L * (nSamples - v.missingCount());
    }

    /** Exact HWE p-value of a variant whose called genotypes are all diploid. */
    public static double hweP(Variant v, int nSamples) {
        int called = nSamples - v.missingCount();
        int het = 0;
        int homMinor = 0;
        for (byte c : v.carrierCounts()) {
            if (c == 1) het++;
            else homMinor++;
        }
        return HardyWeinberg.exactP(het, homMinor, called - het - homMinor);
    }
}
