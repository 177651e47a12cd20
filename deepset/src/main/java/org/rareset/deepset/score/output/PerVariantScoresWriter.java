package org.rareset.deepset.score.output;

import org.rareset.core.table.Column;
import org.rareset.core.table.TableSchema;
import org.rareset.core.table.TableWriter;
import org.rareset.core.table.TableWriters;
import org.rareset.deepset.score.GeneRows;
import org.rareset.deepset.score.GeneScoringEngine;

import java.nio.file.Path;
import java.util.List;

/**
 * Writes each variant's impairment contribution, one row per scored annotation row (variant x gene):
 * {@code chrom pos ref alt gene score contribution}, where {@code score} is the ensemble's gene score
 * of a sample carrying only that variant ({@link GeneScoringEngine#singleRowScores}) and
 * {@code contribution = score - empty-gene score}. For a max-pooled deep set this is exactly the
 * change a lone carried variant makes to its carrier's gene score (docs/scoring.md).
 */
public final class PerVariantScoresWriter {
    public static final List<String> COLUMNS = List.of("chrom", "pos", "ref", "alt", "gene", "score", "contribution");

    private PerVariantScoresWriter() {}

    /** Returns the number of rows written. The file appears only when complete. */
    public static long write(Path target, GeneScoringEngine engine, List<GeneRows> genes) {
        TableSchema schema = TableSchema.of(Column.string("chrom"), Column.integer("pos"), Column.string("ref"),
                Column.string("alt"), Column.string("gene"), Column.float64("score"), Column.float64("contribution"));
        double empty = engine.emptyScore();
        try (TableWriter w = TableWriters.open(target, schema)) {
            for (GeneRows g : genes) {
                if (g.rowVariants() == null) throw new IllegalStateException("gene " + g.gene() + " has no variant coordinates");
                double[] scores = engine.singleRowScores(g);
                for (int r = 0; r < scores.length; r++) {
                    String[] v = g.rowVariants()[r];
                    w.setString(0, v[0]);
                    w.setInt(1, Integer.parseInt(v[1]));
                    w.setString(2, v[2]);
                    w.setString(3, v[3]);
                    w.setString(4, g.gene());
                    w.setDouble(5, scores[r]);
                    w.setDouble(6, scores[r] - empty);
                    w.endRow();
                }
            }
            return w.rowsWritten();
        }
    }
}
