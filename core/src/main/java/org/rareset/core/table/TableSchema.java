package org.rareset.core.table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An ordered list of uniquely named, typed columns. Immutable. */
public final class TableSchema {
    private final List<Column> columns;
    private final Map<String, Integer> index = new HashMap<>();

    public TableSchema(List<Column> columns) {
        this.columns = List.copyOf(columns);
        for (int i = 0; i < this.columns.size(); i++) {
            if (index.put(this.columns.get(i).name(), i) != null) {
                throw new IllegalArgumentException("duplicate column " + this.columns.get(i).name());
            }
        }
    }

    public static TableSchema of(Column... columns) {
        return new TableSchema(List.of(columns));
    }

    public List<Column> columns() { return columns; }
    public int size() { return columns.size(); }
    public Column column(int i) { return columns.get(i); }

    /** Column index, or -1 when there is no such column. */
    public int indexOf(String name) {
        Integer i = index.get(name);
        return i == null ? -1 : i;
    }

    public List<String> names() {
        List<String> names = new ArrayList<>(columns.size());
        for (Column c : columns) names.add(c.name());
        return names;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableSchema s && s.columns.equals(columns);
    }

    @Override
    public int hashCode() { return columns.hashCode(); }

    @Override
    public String toString() { return columns.toString(); }
}
