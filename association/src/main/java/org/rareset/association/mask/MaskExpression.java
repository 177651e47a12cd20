package org.rareset.association.mask;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.rareset.core.InputException;
import org.rareset.core.expr.ColumnExpression;
import org.rareset.core.expr.ColumnValues;
import org.rareset.association.input.AnnotationTable;

/**
 * A boolean expression over annotation columns selecting the variants of a mask, for example
 * {@code Consequence_missense_variant == 1 && CADD_PHRED > 20}: a {@link ColumnExpression} (the
 * grammar is described there) bound to the annotation table's columns.
 *
 * <p>Mask dialect: a variant whose value is missing (or not a number where a number is compared)
 * fails the comparison, whatever the operator, {@code !=} included; {@code =} means {@code ==};
 * quoted text compares text (e.g. {@code impact == 'HIGH'}). Column names match exactly, else
 * ignoring case.
 */
public final class MaskExpression {
    private static final String HINT = "write comparisons like CADD_PHRED > 20 joined with && || ! and parentheses";

    private final ColumnExpression expression;
    /** Annotation column of each expression column slot. */
    private final int[] annotationColumn;
    private final Set<String> columns;
    /** The annotation columns read as numbers (bare, or compared with a number). */
    private final Set<String> numericColumns;

    private MaskExpression(ColumnExpression expression, int[] annotationColumn, Set<String> columns, Set<String> numericColumns) {
        this.expression = expression;
        this.annotationColumn = annotationColumn;
        this.columns = columns;
        this.numericColumns = numericColumns;
    }

    /**
     * Parses and binds the expression to the table's columns.
     *
     * @param where where the expression came from, for errors (e.g. {@code masks.txt: line 3})
     * @throws InputException on a syntax error or an unknown column, naming it and listing the columns
     */
    public static MaskExpression parse(String text, List<String> availableColumns, String where) {
        ColumnExpression.Syntax syntax = new ColumnExpression.Syntax(ColumnExpression.Missing.FAILS_EVERY_COMPARISON, true, true,
                (problem, offset) -> new InputException(where, null,
                        "mask expression '" + text + "': " + problem + " at character " + (offset + 1), HINT));
        ColumnExpression expression = ColumnExpression.parse(text, syntax);
        int[] index = expression.bind(availableColumns, where, "mask expression");
        Set<String> used = new LinkedHashSet<>();
        for (int c : index) used.add(availableColumns.get(c));
        Set<String> numeric = new LinkedHashSet<>();
        expression.numericSlots().stream().forEach(slot -> numeric.add(availableColumns.get(index[slot])));
        return new MaskExpression(expression, index, used, numeric);
    }

    /** True when annotation row {@code row} of the table satisfies the expression. */
    public boolean test(AnnotationTable table, int row) {
        return expression.test(new ColumnValues() {
            @Override
            public double number(int slot) {
                return table.number(row, annotationColumn[slot]);
            }

            @Override
            public String text(int slot) {
                return table.text(row, annotationColumn[slot]);
            }
        });
    }

    /**
     * Checks that the columns this expression reads as numbers hold numbers in {@code table}: a
     * text such as {@code high} in {@code CADD_PHRED > 20} would otherwise drop the variant silently.
     */
    public void requireNumbers(AnnotationTable table) {
        for (String c : numericColumns) table.requireNumbers(c, "mask expression '" + expression.text() + "'");
    }

    public String text() { return expression.text(); }

    /** The annotation columns the expression reads. */
    public Set<String> columns() { return columns; }

    @Override
    public String toString() { return expression.text(); }
}
