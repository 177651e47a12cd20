package org.rareset.core.table;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which cell texts mean "no value" in phenotype and covariate tables. An empty cell is always
 * missing; by default so are {@code NA} and {@code -9} (PLINK's convention), configurable with
 * {@code --missing}. {@code NaN} and {@code Inf} are not missing values but errors: they usually
 * come from a broken upstream computation.
 */
public final class MissingValues {
    public static final List<String> DEFAULT = List.of("NA", "-9");
    private final Set<String> tokens;
    private final double[] numericTokens;

    public MissingValues(List<String> tokens) {
        this.tokens = new LinkedHashSet<>(tokens);
        this.numericTokens = this.tokens.stream().mapToDouble(MissingValues::parseOrNaN)
                .filter(v -> !Double.isNaN(v)).toArray();
    }

    private static double parseOrNaN(String t) {
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    public static MissingValues defaults() { return new MissingValues(DEFAULT); }

    public boolean isMissing(String cell) {
        return cell.isEmpty() || tokens.contains(cell);
    }

    /** Numeric tokens (such as -9) are compared by value too, so {@code -9.0} is missing as well. */
    public boolean isMissingNumber(double v) {
        for (double t : numericTokens) if (t == v) return true;
        return false;
    }

    public Set<String> tokens() { return tokens; }
}
