package org.rareset.annotate;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.rareset.core.InputException;
import org.rareset.core.table.NonFinite;

/**
 * The strict reading of one score-table cell: a number; a missing marker ({@code ""}, {@code .},
 * {@code NA}, {@code -}); NaN or Inf by the {@link NonFinite} rule; anything else (text such as
 * {@code high}) an error naming the file, line and column, never a silent missing value.
 */
final class ScoreCells {
    static final Set<String> MISSING = Set.of("", ".", "NA", "-");

    private final Path file;
    private final NonFinite rule;
    private long nonFinite;

    ScoreCells(Path file, NonFinite rule) {
        this.file = file;
        this.rule = rule;
    }

    /**
     * The value of {@code text} in {@code column}; NaN for a missing one.
     *
     * @throws InputException for text that is not a number, and for NaN/Inf under {@link NonFinite#ERROR}
     */
    double parse(String text, String location, String column) {
        if (MISSING.contains(text)) return Double.NaN;
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            // NaN and Inf as R, numpy, pandas and C write them
            String t = text.toLowerCase(Locale.ROOT);
            if (t.equals("nan") || t.equals("+nan") || t.equals("-nan")) v = Double.NaN;
            else if (t.equals("inf") || t.equals("+inf") || t.equals("infinity") || t.equals("+infinity")) v = Double.POSITIVE_INFINITY;
            else if (t.equals("-inf") || t.equals("-infinity")) v = Double.NEGATIVE_INFINITY;
            else throw new InputException(file.toString(), location, "column " + column + ": '" + text + "' is not a number",
                        "scores must be numbers; write missing values as NA, '.' or leave them empty");
        }
        return check(v, text, location, column);
    }

    /** Applies the {@link NonFinite} rule to a value read some other way (Parquet). */
    double check(double v, String text, String location, String column) {
        if (Double.isFinite(v)) return v;
        if (rule == NonFinite.MISSING) {
            synchronized (this) {
                nonFinite++;
            }
            return Double.NaN;
        }
        throw new InputException(file.toString(), location, "column " + column + ": '" + text + "' is not a finite number",
                "fix the upstream values, or read them as missing with " + NonFinite.OPTION + " missing");
    }

    /** NaN/Inf values read as missing so far. */
    synchronized long nonFinite() {
        return nonFinite;
    }
}
