package org.rareset.genotypes.vcf;

/**
 * The kinds of ALT allele a VCF can hold (VCF 4.3, sections 1.6.1 and 5). Only sequence alleles
 * are genotyped variants a gene test can use; the others are left out by default and counted.
 */
public enum AlleleKind {
    /** A base sequence such as {@code A} or {@code ACGT}. */
    SEQUENCE,
    /** {@code *}: the position is spanned by a deletion written in another record. */
    SPANNING_DELETION,
    /** {@code <NON_REF>} (GATK) or {@code <*>} (bcftools): "any unobserved allele" of a gVCF. */
    UNOBSERVED,
    /** A symbolic structural variant such as {@code <DEL>}, {@code <DUP:TANDEM>}, {@code <CN0>}. */
    SYMBOLIC_SV,
    /** A breakend: {@code G]17:198982]}, {@code ]13:123456]T}, or a single breakend {@code .A} / {@code A.}. */
    BREAKEND;

    /** The kind of the ALT allele {@code alt} (as written in the VCF, non-empty). */
    public static AlleleKind of(String alt) {
        int n = alt.length();
        char first = alt.charAt(0);
        if (n == 1 && first == '*') return SPANNING_DELETION;
        if (first == '<' && alt.charAt(n - 1) == '>') {
            return alt.equals("<NON_REF>") || alt.equals("<*>") || alt.equals("<X>") ? UNOBSERVED : SYMBOLIC_SV;
        }
        if (alt.indexOf('[') >= 0 || alt.indexOf(']') >= 0) return BREAKEND;
        if (n > 1 && (first == '.' || alt.charAt(n - 1) == '.')) return BREAKEND;
        return SEQUENCE;
    }
}
