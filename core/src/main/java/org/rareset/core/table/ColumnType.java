package org.rareset.core.table;

/** The value types a table column can hold; every column is nullable (missing values). */
public enum ColumnType {
    STRING, INT, LONG, DOUBLE, BOOLEAN;

    /** Checks that {@code value} (non-null) fits this type, widening integers where lossless. */
    Object coerce(Object value, String column) {
        switch (this) {
            case STRING:
                return value.toString();
            case INT:
                if (value instanceof Integer || value instanceof Short || value instanceof Byte) return ((Number) value).intValue();
                break;
            case LONG:
                if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
                    return ((Number) value).longValue();
                }
                break;
            case DOUBLE:
                if (value instanceof Number n) return n.doubleValue();
                break;
            case BOOLEAN:
                if (value instanceof Boolean) return value;
                break;
            default:
                break;
        }
        throw new IllegalArgumentException("column " + column + " is " + this + " but got "
                + value.getClass().getSimpleName() + " " + value);
    }
}
