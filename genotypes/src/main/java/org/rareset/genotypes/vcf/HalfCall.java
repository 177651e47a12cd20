package org.rareset.genotypes.vcf;

/**
 * What a half-missing call such as {@code 0/.}, {@code 1/.} or {@code ./1} means, as plink2's
 * {@code --vcf-half-call}: such calls come from tools that split multi-allelic records or merge
 * call sets, and the called allele is real.
 */
public enum HalfCall {
    /** The whole call is missing (the sample adds nothing to AN, carries nothing). */
    MISSING,
    /**
     * Only the called alleles count: {@code 1/.} is a haploid {@code 1} (one ALT copy, AN 1). This
     * is how htslib counts AC and AN ({@code bcftools +fill-tags}), and rareset's default: it keeps
     * the carrier (plink2 defaults to an error instead).
     */
    HAPLOID,
    /** The missing alleles are REF: {@code 1/.} is read as {@code 1/0}. */
    REFERENCE;

    /** The option value, e.g. {@code haploid}. */
    public String optionName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
