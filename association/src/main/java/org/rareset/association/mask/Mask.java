package org.rareset.association.mask;

/**
 * One mask: the variants of a gene that pass {@code expression} (null = every variant) and have
 * a minor allele frequency in the analysed samples at most {@code maxMaf} (NaN = no limit).
 */
public record Mask(String name, MaskExpression expression, double maxMaf) {
    /** The default mask when no mask file is given: every variant of the gene. */
    public static final String ALL = "all";

    public static Mask all() { return new Mask(ALL, null, Double.NaN); }

    public boolean hasMafLimit() { return !Double.isNaN(maxMaf); }
}
