package org.rareset.deepset.model;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.rareset.core.InputException;
import org.rareset.annotate.DerivedColumns;
import org.rareset.core.expr.ColumnExpression;

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

    /** Filter columns computed from the cohort's genotypes when the table lacks them or leaves them empty. */
    public static final Set<String> FROM_GENOTYPES = Set.of(DeepRvatInputs.MAF, DeepRvatInputs.MAF_MB);

    private final ColumnExpression expression;
    private final int mafSlot;
    private final int mafMbSlot;

    private VariantFilter(ColumnExpression expression) {
        this.expression = expression;
        this.mafSlot = expression.columns().indexOf(DeepRvatInputs.MAF);
        this.mafMbSlot = expression.columns().indexOf(DeepRvatInputs.MAF_MB);
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

    /** The columns the filter reads, in order of appearance (slot i of {@link #passesWithCohortFrequencies} is column i). */
    public List<String> columns() {
        return expression.columns();
    }

    /**
     * Whether a variant passes, the training rule: {@code values} holds its filter-column values by
     * slot (NaN when missing); a missing {@code MAF} or {@code MAF_MB} is first set from the
     * variant's ALT frequency {@code af} in the cohort.
     */
    public boolean passesWithCohortFrequencies(double[] values, double af) {
        if (mafSlot >= 0 && Double.isNaN(values[mafSlot])) values[mafSlot] = DerivedColumns.maf(af);
        if (mafMbSlot >= 0 && Double.isNaN(values[mafMbSlot])) values[mafMbSlot] = DerivedColumns.mafMb(af);
        return expression.test(slot -> values[slot]);
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
