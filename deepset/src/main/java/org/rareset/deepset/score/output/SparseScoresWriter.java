package org.rareset.deepset.score.output;

import java.nio.file.Path;
import java.util.List;
import org.rareset.core.formats.GeneScoreFile;
import org.rareset.core.table.TableWriter;
import org.rareset.core.table.TableWriters;
import org.rareset.deepset.score.GeneScores;

/**
 * The sparse layout of {@link GeneScoreFile}: the sample roster, then per gene its empty-gene score
 * and its carriers' scores, streamed as genes arrive. Rows grow with carriers, not samples x genes.
 */
final class SparseScoresWriter implements ScoresWriter {
    private final List<String> samples;
    private final TableWriter table;

    SparseScoresWriter(Path path, List<String> samples) {
        this.samples = samples;
        this.table = TableWriters.open(path, GeneScoreFile.SPARSE);
        for (String sample : samples) {
            table.setString(0, GeneScoreFile.KIND_SAMPLE);
            table.setString(2, sample);
            table.endRow();
        }
    }

    @Override
    public void write(GeneScores g) {
        table.setString(0, GeneScoreFile.KIND_GENE);
        table.setString(1, g.gene());
        table.setDouble(3, g.emptyScore());
        table.endRow();
        int[] carriers = g.carriers();
        double[] scores = g.carrierScores();
        for (int i = 0; i < carriers.length; i++) {
            table.setString(0, GeneScoreFile.KIND_CARRIER);
            table.setString(1, g.gene());
            table.setString(2, samples.get(carriers[i]));
            table.setDouble(3, scores[i]);
            table.endRow();
        }
    }

    @Override
    public void commit() {
        table.close();
    }

    @Override
    public void close() {
        table.abort();
    }
}
