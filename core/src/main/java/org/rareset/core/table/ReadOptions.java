package org.rareset.core.table;

import java.util.Set;

/**
 * How text tables are read: which values mean "missing" and which separator to use
 * ({@code 0} = decide from the file name: {@code .csv}/{@code .csv.gz} comma, otherwise tab).
 */
public record ReadOptions(Set<String> missingValues, char separator) {
    /** Empty, NA, NaN and "." (VCF) are missing; "-" (VEP) is not by default since it can be data. */
    public static final Set<String> DEFAULT_MISSING = Set.of("", "NA", "NaN", "nan", ".");

    public ReadOptions {
        missingValues = Set.copyOf(missingValues);
    }

    public static ReadOptions defaults() {
        return new ReadOptions(DEFAULT_MISSING, (char) 0);
    }

    public ReadOptions withMissing(Set<String> values) {
        return new ReadOptions(values, separator);
    }

    /** The defaults plus more missing markers, e.g. {@code -9} or VEP's {@code -}. */
    public ReadOptions plusMissing(String... values) {
        java.util.Set<String> all = new java.util.HashSet<>(missingValues);
        all.addAll(java.util.List.of(values));
        return new ReadOptions(all, separator);
    }

    public ReadOptions withSeparator(char sep) {
        return new ReadOptions(missingValues, sep);
    }
}
