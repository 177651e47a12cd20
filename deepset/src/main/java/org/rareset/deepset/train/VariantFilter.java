package org.rareset.deepset.train;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.rareset.annotate.InputException;
import org.rareset.annotate.expr.ColumnExpression;
import org.rareset.annotate.expr.ColumnValues;

/**
 * The training variant filter ({@code --train-filter}), such as {@code MAF < 0.01 && CADD_PHRED > 5}:
 * a {@link ColumnExpression} over annotation columns, compared as numbers.
 *
 * <p>A missing value ({@code NaN}) follows IEEE rules: it fails every comparison except {@code !=},
 * so with the usual {@code <}/{@code >} thresholds a variant lacking a filter column is not used.
 * {@code =} is not accepted for {@code ==}, nor quoted text (the filter's values are numbers).
 */
public final class VariantFilter {
    /** DeepRVAT's training thresholds. */
    public static final String DEFAULT = "MAF < 0.01 && CADD_PHRED > 5";

    private final ColumnExpression expression;

    private VariantFilter(ColumnExpression expression) {
        this.expression = expression;
    }

    /** Parses {@code text} given to {@code --train-filter}; a syntax error is an {@link InputException} naming the option and position. */
    public static VariantFilter parse(String text) {
        return parse(text, "--train-filter");
    }

    /** Parses {@code text}; a syntax error is an {@link InputException} naming {@code option} and the position. */
    public static VariantFilter parse(String text, String option) {
        ColumnExpression.Syntax syntax = new ColumnExpression.Syntax(ColumnExpression.Missing.ONLY_NOT_EQUAL_HOLDS, false, false,
                (problem, offset) -> new InputException(option, String.format(Locale.ROOT, "character %d", offset + 1),
                        problem + " in '" + text + "'", "write e.g. '" + DEFAULT + "'"));
        return new VariantFilter(ColumnExpression.parse(text, syntax));
    }

    /** The columns the filter reads, in order of appearance (slot i of {@link #passes(ColumnValues)} is column i). */
    public List<String> columns() {
        return expression.columns();
    }

    /** Whether a variant whose values, by column slot, {@code values} gives passes. */
    public boolean passes(ColumnValues values) {
        return expression.test(values);
    }

    /** Whether a variant whose column values, by name, {@code value} gives passes. */
    public boolean test(ToDoubleFunction<String> value) {
        List<String> columns = expression.columns();
        return expression.test(slot -> value.applyAsDouble(columns.get(slot)));
    }

    @Override
    public String toString() {
        return expression.text();
    }
}
