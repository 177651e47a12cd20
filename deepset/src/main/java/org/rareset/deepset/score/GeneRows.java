package org.rareset.deepset.score;

/**
 * The annotation rows of one gene and who carries them: the sparse input of
 * {@link GeneScoringEngine}.
 *
 * <p>{@code values} is row-major {@code nRows x width} (one row per distinct variant annotated to
 * the gene, model input order). {@code carriers[r]} lists, in increasing order and without
 * repeats, the samples carrying at least one ALT copy of row r's variant; an empty array when
 * nobody does. A homozygous carrier is listed once, which cannot change a max.
 * {@code rowVariants[r]}, when known, is row r's variant as {chrom, pos, ref, alt} (for
 * per-variant output); null when the rows were not read from an annotation table.
 */
public record GeneRows(String gene, int width, double[] values, int[][] carriers, String[][] rowVariants) {

    public GeneRows {
        if (values.length != carriers.length * width) {
            throw new IllegalArgumentException("gene " + gene + ": " + values.length
                    + " values for " + carriers.length + " rows of width " + width);
        }
        if (rowVariants != null && rowVariants.length != carriers.length) {
            throw new IllegalArgumentException("gene " + gene + ": " + rowVariants.length + " variants for " + carriers.length + " rows");
        }
    }

    /** Rows without their variants' coordinates. */
    public GeneRows(String gene, int width, double[] values, int[][] carriers) {
        this(gene, width, values, carriers, null);
    }

    public int nRows() {
        return carriers.length;
    }
}
