package org.rareset.core.table;

/**
 * The line a text table ends with when it was written complete with no rows, so that such a table
 * can be told from one cut down to its header (a truncated copy, a failed transfer): {@code rareset
 * merge} refuses a header-only chunk without it. Readers skip it like any comment line; Parquet
 * needs no marker, since a cut Parquet file loses its footer and cannot be opened.
 */
public final class EmptyTable {
    /** The last line of a complete text table with a header and no rows. */
    public static final String MARKER = "# no rows: this table was written complete and is empty";

    private EmptyTable() {}

    public static boolean isMarker(String line) {
        return line != null && line.strip().equals(MARKER);
    }
}
