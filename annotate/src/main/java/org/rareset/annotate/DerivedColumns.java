package org.rareset.annotate;

import org.rareset.genotypes.vcf.Variant;

/**
 * Cohort allele frequencies as DeepRVAT computes them.
 * <ul>
 *   <li>{@code AF} = ALT allele count / called alleles (2 x called samples for diploid calls);
 *   0 when nothing is called;</li>
 *   <li>{@code MAF} = min(AF, 1 - AF);</li>
 *   <li>{@code MAF_MB} = (AF (1 - AF) + 1e-8)^(-1/2), the Madsen-Browning weight (10000 at AF 0).</li>
 * </ul>
 */
public final class DerivedColumns {
    public static final String AF = "AF";
    public static final String MAF = "MAF";
    public static final String MAF_MB = "MAF_MB";
    public static final String IS_PLOF = "is_plof";
    static final double MB_EPSILON = 1e-8;

    private DerivedColumns() {}

    public static double af(Variant v) {
        return v.alleleNumber() == 0 ? 0.0 : (double) v.alleleCount() / v.alleleNumber();
    }

    public static double maf(double af) {
        return Math.min(af, 1 - af);
    }

    public static double mafMb(double af) {
        return Math.pow(af * (1 - af) + MB_EPSILON, -0.5);
    }
}
