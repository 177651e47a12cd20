package org.rareset.association.regression;

/**
 * A symmetric matrix that should be positive definite is not (numerically): a design column is
 * constant zero, has zero weight, or is collinear with the columns before it. Extends
 * {@link ArithmeticException} because it is a numerical failure of a fit, which callers either map
 * to a user error naming the covariate (the null model) or report as a fit that did not converge
 * (the per-gene Firth test).
 */
public final class SingularMatrixException extends ArithmeticException {
    private final int column;
    private final boolean zeroDiagonal;

    SingularMatrixException(int column, boolean zeroDiagonal) {
        super(zeroDiagonal ? "column " + column + " has a zero (or non-finite) diagonal entry"
                : "column " + column + " is collinear with the columns before it");
        this.column = column;
        this.zeroDiagonal = zeroDiagonal;
    }

    /** 0-based column of the matrix (of the full design, also when a sub-block was factored). */
    public int column() {
        return column;
    }

    /** True when the column's diagonal entry itself is not positive (constant zero or zero weight). */
    public boolean zeroDiagonal() {
        return zeroDiagonal;
    }

    SingularMatrixException inColumn(int fullColumn) {
        return new SingularMatrixException(fullColumn, zeroDiagonal);
    }
}
