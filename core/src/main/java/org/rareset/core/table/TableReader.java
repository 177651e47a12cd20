package org.rareset.core.table;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.rareset.core.InputException;

/**
 * Streams the rows of a table file (TSV, CSV, gzipped or not, or Parquet) with columns looked up
 * by name. Iterate once; rows are read as the iterator advances, so memory stays flat.
 */
public interface TableReader extends Iterable<Row>, AutoCloseable {
    Path path();

    /** Column names in file order. */
    List<String> columns();

    /** Rows, read lazily; a second call continues where the first stopped. */
    @Override
    Iterator<Row> iterator();

    @Override
    void close();

    /** Index of a column, or -1 when absent. */
    default int columnIndex(String name) {
        return columns().indexOf(name);
    }

    /**
     * Index of a column the caller needs; when absent, an InputException naming the file, the
     * column and the columns that are there.
     */
    default int requireColumn(String name) {
        int i = columnIndex(name);
        if (i < 0) throw missingColumn(path(), name, columns());
        return i;
    }

    static InputException missingColumn(Path path, String name, List<String> available) {
        String list = String.join(", ", available.size() > 40 ? available.subList(0, 40) : available)
                + (available.size() > 40 ? ", ... (" + available.size() + " in all)" : "");
        return InputException.of(path, "no column '" + name + "'",
                "columns are: " + list + "; check the column name or the header line");
    }
}
