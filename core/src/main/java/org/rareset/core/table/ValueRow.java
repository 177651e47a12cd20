package org.rareset.core.table;

import java.nio.file.Path;
import org.rareset.core.InputException;

/** A row of typed values (from Parquet); null is missing. */
final class ValueRow implements Row {
    private final Path path;
    private final long rowNumber;
    private final Object[] values;
    private final TableSchema schema;

    ValueRow(Path path, long rowNumber, Object[] values, TableSchema schema) {
        this.path = path;
        this.rowNumber = rowNumber;
        this.values = values;
        this.schema = schema;
    }

    @Override public long lineNumber() { return rowNumber; }
    @Override public int size() { return values.length; }
    @Override public boolean isMissing(int c) { return values[c] == null; }

    /** The raw value: String, Integer, Long, Double, Boolean or null. */
    public Object get(int c) { return values[c]; }

    @Override
    public String getString(int c) {
        Object v = values[c];
        if (v == null) return null;
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d.doubleValue());
        return v.toString();
    }

    @Override
    public double getDouble(int c) {
        Object v = values[c];
        if (v == null) return Double.NaN;
        if (v instanceof Number n) return n.doubleValue();
        if (v instanceof Boolean b) return b ? 1 : 0;
        try {
            return Double.parseDouble((String) v);
        } catch (NumberFormatException e) {
            throw error("column " + schema.column(c).name() + ": '" + v + "' is not a number", null);
        }
    }

    @Override
    public int getInt(int c) {
        long v = getLong(c);
        if (v != (int) v) throw error("column " + schema.column(c).name() + ": " + v + " is out of range", null);
        return (int) v;
    }

    @Override
    public long getLong(int c) {
        Object v = values[c];
        if (v == null) throw error("column " + schema.column(c).name() + " is missing", "an integer is required here");
        if (v instanceof Integer || v instanceof Long) return ((Number) v).longValue();
        if (v instanceof Double d && d == Math.rint(d)) return (long) d.doubleValue();
        try {
            return Long.parseLong(v.toString());
        } catch (NumberFormatException e) {
            throw error("column " + schema.column(c).name() + ": '" + v + "' is not an integer", null);
        }
    }

    @Override
    public InputException error(String problem, String hint) {
        return new InputException(path.toString(), "row " + rowNumber, problem, hint);
    }
}
