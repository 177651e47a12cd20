package org.rareset.deepset.score.output;

import java.nio.file.Path;
import java.util.List;
import org.rareset.core.formats.GeneScoreFile;
import org.rareset.deepset.score.GeneScores;

/** The dense long layout of {@link GeneScoreFile} ({@code sample gene score}), gene-major, streamed as genes arrive. */
final class LongScoresWriter implements ScoresWriter {
    private final GeneScoreFile.Writer file;

    LongScoresWriter(Path path, List<String> samples) {
        this.file = GeneScoreFile.openDenseLong(path, samples);
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
