package org.rareset.core.table;

import java.util.Arrays;

/**
 * Rows held column by column in primitive arrays, so that numbers cross from the producing
 * thread to the writing thread ({@link AsyncTableWriter}) without a boxed object each, nor an
 * {@code Object[]} per row. Values are already checked: null/absent or the column's Java type.
 * INT, LONG and BOOLEAN (0/1) live in {@code longs}, DOUBLE in {@code doubles}, STRING in
 * {@code strings}; {@code present[c][r]} says whether row {@code r} has a value in column {@code c}.
 */
final class RowBatch {
    final ColumnType[] types;
    final boolean[][] present;
    final long[][] longs;
    final double[][] doubles;
    final String[][] strings;
    int size;

    RowBatch(ColumnType[] types, int capacity) {
        this.types = types;
        int n = types.length;
        present = new boolean[n][capacity];
        longs = new long[n][];
        doubles = new double[n][];
        strings = new String[n][];
        for (int c = 0; c < n; c++) {
            switch (types[c]) {
                case DOUBLE -> doubles[c] = new double[capacity];
                case STRING -> strings[c] = new String[capacity];
                default -> longs[c] = new long[capacity];
            }
        }
    }

    int capacity() { return present.length == 0 ? Integer.MAX_VALUE : present[0].length; }

    /** Sets column {@code c} of the row being filled ({@link #size}) to a checked value or null. */
    void set(int c, Object v) {
        int r = size;
        if (v == null) {
            present[c][r] = false;
            return;
        }
        present[c][r] = true;
        switch (types[c]) {
            case DOUBLE -> doubles[c][r] = (Double) v;
            case STRING -> strings[c][r] = (String) v;
            case INT -> longs[c][r] = (Integer) v;
            case LONG -> longs[c][r] = (Long) v;
            case BOOLEAN -> longs[c][r] = (Boolean) v ? 1 : 0;
        }
    }

    /** Value of row {@code r}, column {@code c} as its Java type, or null. */
    Object get(int c, int r) {
        if (!present[c][r]) return null;
        return switch (types[c]) {
            case DOUBLE -> doubles[c][r];
            case STRING -> strings[c][r];
            case INT -> (int) longs[c][r];
            case LONG -> longs[c][r];
            case BOOLEAN -> longs[c][r] != 0;
        };
    }

    /**
     * Empties the batch for reuse: every value of every row missing again. Old values stay in
     * the arrays ({@code present} hides them) until overwritten.
     */
    void clear() {
        for (boolean[] p : present) Arrays.fill(p, false);
        size = 0;
    }
}
