package org.rareset.core.table;

import java.util.Locale;
import org.rareset.core.InputException;

/**
 * What to do when an annotation table has two rows for the same key (a variant, or a variant and
 * gene): tables written per transcript repeat a variant once per transcript. Rows that are
 * identical are always merged into one (and counted); this rule decides for rows that differ.
 * <ul>
 *   <li>{@link #ERROR} (the default): stop, naming the key and both lines, since which value is
 *   right cannot be known;</li>
 *   <li>{@link #FIRST}: keep the first row of the key, as the file orders them;</li>
 *   <li>{@link #MAX}: per column the largest number (a missing value never wins); for a text
 *   column the first row's text.</li>
 * </ul>
 */
public enum DuplicateRows {
    ERROR, FIRST, MAX;

    public static final String OPTION = "--duplicate-rows";
    public static final String HELP = "Rows of one key (variant and gene) that differ: error (default), first (keep the first "
            + "row), max (per column the largest number). Identical rows are always merged and counted.";

    public static DuplicateRows parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InputException(OPTION, null, "'" + text + "' is not a rule", "use error, first or max");
        }
    }

    /** The lower-case name the option takes. */
    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The merged value of one numeric column under this rule ({@link #MAX} or {@link #FIRST}); NaN
     * is missing and loses to any number.
     */
    public double merge(double kept, double other) {
        if (this == FIRST) return kept;
        if (Double.isNaN(kept)) return other;
        if (Double.isNaN(other)) return kept;
        return Math.max(kept, other);
    }

    /** The error for two differing rows of {@code key} under {@link #ERROR}. */
    public static InputException conflict(String source, String key, String where, String firstWhere, String difference) {
        return new InputException(source, where, key + " has two rows that differ (" + difference + "; the other is "
                + firstWhere + ")", "keep one row per key, or choose " + OPTION + " first or max");
    }
}
