package org.rareset.core.table;

/**
 * What a NaN or infinite value in a score table means. By default it is an error, since it
 * usually comes from a broken upstream computation (a division by zero, a failed model); with
 * {@link #MISSING} it is read as a missing value and counted.
 */
public enum NonFinite {
    ERROR, MISSING;

    public static final String OPTION = "--non-finite";
    public static final String HELP = "NaN or Inf in a score table (--table, --cadd, --info): error (default) "
            + "or missing (read as a missing value, filled as missing values are, and counted).";
}
