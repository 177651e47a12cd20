package org.rareset.core.table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Writes rows of a {@link TableSchema} to one file. Output goes to a temporary name in the same
 * folder and appears under its real name only when {@link #close()} completes, so a failed run
 * never leaves a half-written table; {@link #abort()} discards it instead.
 *
 * <p>Rows are given either whole ({@link #writeRow}) or field by field with the typed setters
 * followed by {@link #endRow()}; fields not set are missing (null).
 */
public interface TableWriter extends AutoCloseable {
    TableSchema schema();

    /** Target path (the name the table will have once closed). */
    Path path();

    /** One row, values in schema order; null means missing. */
    void writeRow(Object... values);

    void setString(int column, String value);
    void setInt(int column, int value);
    void setLong(int column, long value);
    /** NaN is written as missing. */
    void setDouble(int column, double value);
    void setBoolean(int column, boolean value);
    void setNull(int column);

    /** Writes the row assembled by the setters and starts a new, all-missing one. */
    void endRow();

    long rowsWritten();

    /** Finishes the file and renames it to {@link #path()}. */
    @Override
    void close();

    /** Discards the output; no file appears at {@link #path()}. Safe after close (then a no-op). */
    void abort();

    /**
     * Convenience: an IOException for the unchecked writer API; a cause the user can fix (full
     * disk, read-only folder) becomes one line naming the file ({@link org.rareset.core.output.WriteFailure}).
     */
    static RuntimeException unchecked(Path path, IOException e) {
        RuntimeException fixable = org.rareset.core.output.WriteFailure.of(path, e);
        return fixable != null ? fixable : new UncheckedIOException("writing " + path + ": " + e.getMessage(), e);
    }
}
