package org.rareset.core.table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A rectangular table of text cells as read from a TSV, CSV or Parquet file, each row remembering
 * the line (or row number, for Parquet) it came from so that errors can point at it.
 */
public final class TextTable {
    private final String source;
    private final List<String> columns;
    private final List<String[]> rows;
    private final long[] lines;

    public TextTable(String source, List<String> columns, List<String[]> rows, long[] lines) {
        if (rows.size() != lines.length) throw new IllegalArgumentException("rows and line numbers differ in length");
        this.source = source;
        this.columns = Collections.unmodifiableList(new ArrayList<>(columns));
        this.rows = rows;
        this.lines = lines;
    }

    /** The file name, as errors should quote it. */
    public String source() { return source; }

    public List<String> columns() { return columns; }

    public int rowCount() { return rows.size(); }

    public String cell(int row, int column) { return rows.get(row)[column]; }

    /** The 1-based line of the file (or 1-based data row for binary formats) that row came from. */
    public long line(int row) { return lines[row]; }

    /** Index of the column with this name, -1 when absent. Exact match first, then ignoring case. */
    public int indexOf(String name) {
        int i = columns.indexOf(name);
        if (i >= 0) return i;
        for (int c = 0; c < columns.size(); c++) if (columns.get(c).equalsIgnoreCase(name)) return c;
        return -1;
    }
}
