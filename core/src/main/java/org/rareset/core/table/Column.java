package org.rareset.core.table;

import java.util.Objects;

/** A named, typed table column. */
public record Column(String name, ColumnType type) {
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isEmpty()) throw new IllegalArgumentException("empty column name");
    }

    public static Column string(String name) { return new Column(name, ColumnType.STRING); }
    public static Column integer(String name) { return new Column(name, ColumnType.INT); }
    public static Column int64(String name) { return new Column(name, ColumnType.LONG); }
    public static Column float64(String name) { return new Column(name, ColumnType.DOUBLE); }
    public static Column bool(String name) { return new Column(name, ColumnType.BOOLEAN); }
}
