package org.rareset.core.expr;

/**
 * The values one row gives to a {@link ColumnExpression}, addressed by the expression's own column
 * slots (the position of a column in {@link ColumnExpression#columns()}).
 */
@FunctionalInterface
public interface ColumnValues {
    /** The value in {@code slot} as a number, {@code NaN} when missing or not a number. */
    double number(int slot);

    /** The value in {@code slot} as text, {@code null} when missing; sources of numbers only keep the default. */
    default String text(int slot) {
        return null;
    }
}
