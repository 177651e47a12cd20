package org.rareset.deepset.score.output;

import java.nio.file.Path;
import java.util.List;
import org.rareset.core.formats.GeneScoreFile;
import org.rareset.deepset.score.GeneScores;

/**
 * The sparse layout of {@link GeneScoreFile}: the sample roster, then per gene its empty-gene score
 * and its carriers' scores, streamed as genes arrive. Rows grow with carriers, not samples x genes.
 */
final class SparseScoresWriter implements ScoresWriter {
    private final GeneScoreFile.Writer file;

    SparseScoresWriter(Path path, List<String> samples) {
        this.file = GeneScoreFile.openSparse(path, samples);
    }

    @Override
    public void write(GeneScores g) {
        file.gene(g.gene(), g.emptyScore(), g.carriers(), g.carrierScores());
    }

    @Override
    public void commit() {
        file.commit();
    }

    @Override
    public void close() {
        file.close();
    }
}
