package org.rareset.association.mask;

/**
 * One mask: the variants of a gene that pass {@code expression} (null = every variant) and have
 * a frequency in the analysed samples at most {@code maxMaf} (NaN = no limit).
 *
 * @param altFrequency true when the limit applies to the ALT allele frequency (REGENIE's
 *                     {@code --aaf-bins}: AAF in [0, limit]), false for the minor allele frequency
 * @param singletons   which variants a singleton mask keeps ({@link Singletons#NONE} = not a singleton mask)
 */
public record Mask(String name, MaskExpression expression, double maxMaf, boolean altFrequency, Singletons singletons) {
    /** The default mask when no mask file is given: every variant of the gene. */
    public static final String ALL = "all";

    /** REGENIE's singleton masks: variants whose ALT allele count is 1, or (--singleton-carrier) with one carrier. */
    public enum Singletons { NONE, ALT_COUNT_ONE, ONE_CARRIER }

    /** A mask limited by the minor allele frequency (RareSet's {@code --max-maf}). */
    public Mask(String name, MaskExpression expression, double maxMaf) {
        this(name, expression, maxMaf, false, Singletons.NONE);
    }

    public static Mask all() { return new Mask(ALL, null, Double.NaN); }

    public boolean hasMafLimit() { return !Double.isNaN(maxMaf); }
}
