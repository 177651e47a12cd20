package org.rareset.core.table;

import org.rareset.core.InputException;

/**
 * One record of a {@link TableReader}, TSV/CSV or Parquet alike. Knows where it came from, so
 * that a bad value is reported with its file and line ({@link #error}).
 */
public interface Row {
    /** 1-based line number in a text file (header included), or 1-based row number in Parquet. */
    long lineNumber();

    int size();

    /** True for a null value or a text value in the reader's missing-value set. */
    boolean isMissing(int column);

    /** The value as text (numbers in their shortest form); null when missing. */
    String getString(int column);

    /** The value as a number; NaN when missing. Throws InputException when it is not a number. */
    double getDouble(int column);

    /** The value as an int; throws InputException when missing or not an integer. */
    int getInt(int column);

    /** The value as a long; throws InputException when missing or not an integer. */
    long getLong(int column);

    /** An InputException naming this row's file and line. */
    InputException error(String problem, String hint);
}
