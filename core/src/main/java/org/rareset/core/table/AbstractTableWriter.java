package org.rareset.core.table;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.rareset.core.output.OutputFiles;

/** Row assembly, type checks and the commit/abort life cycle shared by all formats. */
abstract class AbstractTableWriter implements TableWriter {
    protected final TableSchema schema;
    protected final OutputFiles.Pending file;
    private final Object[] row;
    private final ColumnType[] types;
    private long rows;
    private boolean finished;

    AbstractTableWriter(Path path, TableSchema schema) throws IOException {
        this.schema = schema;
        this.file = OutputFiles.pending(path);
        this.row = new Object[schema.size()];
        this.types = new ColumnType[schema.size()];
        for (int i = 0; i < types.length; i++) types[i] = schema.column(i).type();
    }

    /** Writes one complete row; values are null or already of the column's Java type. */
    protected abstract void write(Object[] values) throws IOException;

    /** Flushes and closes the temporary file. */
    protected abstract void finish() throws IOException;

    /** Closes the temporary file without caring about its content. */
    protected abstract void closeQuietly();

    @Override public TableSchema schema() { return schema; }
    @Override public Path path() { return file.target(); }
    @Override public long rowsWritten() { return rows; }

    @Override
    public void writeRow(Object... values) {
        if (values.length != row.length) {
            throw new IllegalArgumentException("row has " + values.length + " values, schema " + row.length);
        }
        for (int i = 0; i < values.length; i++) row[i] = normalize(i, values[i]);
        endRow();
    }

    private Object normalize(int i, Object v) {
        if (v == null) return null;
        if (v instanceof Double d && d.isNaN()) return null;
        if (v instanceof Float f && f.isNaN()) return null;
        return schema.column(i).type().coerce(v, schema.column(i).name());
    }

    // Setters take the direct path when the value already has the column's type (the common case).
    @Override public void setString(int c, String v) { row[c] = v == null || types[c] == ColumnType.STRING ? v : normalize(c, v); }
    @Override public void setInt(int c, int v) { row[c] = types[c] == ColumnType.INT ? Integer.valueOf(v) : normalize(c, v); }
    @Override public void setLong(int c, long v) { row[c] = types[c] == ColumnType.LONG ? Long.valueOf(v) : normalize(c, v); }
    @Override public void setDouble(int c, double v) {
        row[c] = Double.isNaN(v) ? null : types[c] == ColumnType.DOUBLE ? Double.valueOf(v) : normalize(c, v);
    }
    @Override public void setBoolean(int c, boolean v) { row[c] = normalize(c, v); }
    @Override public void setNull(int c) { row[c] = null; }

    @Override
    public void endRow() {
        if (finished) throw new IllegalStateException("writer for " + path() + " is closed");
        try {
            write(row);
        } catch (IOException e) {
            throw TableWriter.unchecked(path(), e);
        }
        rows++;
        Arrays.fill(row, null);
    }

    /**
     * Writes a row whose values are already null or of their column's Java type (as the typed
     * setters leave them); {@link AsyncTableWriter} checks them on the producing thread.
     */
    void writeChecked(Object[] values) {
        if (finished) throw new IllegalStateException("writer for " + path() + " is closed");
        try {
            write(values);
        } catch (IOException e) {
            throw TableWriter.unchecked(path(), e);
        }
        rows++;
    }

    /**
     * Writes a batch of checked rows (from {@link AsyncTableWriter}). This default boxes each
     * row back into an {@code Object[]}; a format that can take the columns' primitive arrays
     * directly overrides it.
     */
    void writeBatch(RowBatch batch) {
        Object[] values = new Object[batch.types.length];
        for (int r = 0; r < batch.size; r++) {
            for (int c = 0; c < values.length; c++) values[c] = batch.get(c, r);
            writeChecked(values);
        }
    }

    /** Counts rows written by an override of {@link #writeBatch}. */
    void countRows(int n) {
        rows += n;
    }

    /** Fails when the writer is already closed. */
    void checkOpen() {
        if (finished) throw new IllegalStateException("writer for " + path() + " is closed");
    }

    /** The value as the column's Java type (null for NaN); throws when it does not fit. */
    Object checked(int c, Object v) {
        return normalize(c, v);
    }

    @Override
    public void close() {
        if (finished) return;
        finished = true;
        try {
            finish();
            file.commit();
        } catch (IOException | RuntimeException e) {
            closeQuietly();
            file.discard();
            throw e instanceof IOException io ? TableWriter.unchecked(path(), io) : (RuntimeException) e;
        }
    }

    @Override
    public void abort() {
        if (finished) return;
        finished = true;
        closeQuietly();
        file.discard();
    }
}
