package org.rareset.annotate;

/**
 * One allele's record from an annotation source: {@code chrom} canonical (no {@code chr}),
 * {@code ref}/{@code alt} as the source spells them after splitting multi-allelic records,
 * and the source's values for it.
 */
public record KeyedRecord(String chrom, int pos, String ref, String alt, Object payload) {
    public String key() {
        return chrom + ":" + pos + ":" + ref + ":" + alt;
    }
}
