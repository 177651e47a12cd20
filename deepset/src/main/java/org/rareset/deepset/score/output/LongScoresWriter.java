package org.rareset.deepset.score.output;

import java.nio.file.Path;
import java.util.List;
import org.rareset.core.formats.GeneScoreFile;
import org.rareset.core.table.TableWriter;
import org.rareset.core.table.TableWriters;
import org.rareset.deepset.score.GeneScores;

/** Long format {@code sample gene score}, gene-major, streamed as genes arrive. */
final class LongScoresWriter implements ScoresWriter {
    private final List<String> samples;
    private final TableWriter table;

    LongScoresWriter(Path path, List<String> samples) {
        this.samples = samples;
        this.table = TableWriters.open(path, GeneScoreFile.DENSE_LONG);
    }

    @Override
    public void write(GeneScores g) {
        int[] carriers = g.carriers();
        int next = 0;
        for (int s = 0; s < samples.size(); s++) {
            table.setString(0, samples.get(s));
            table.setString(1, g.gene());
            table.setDouble(2, next < carriers.length && carriers[next] == s ? g.carrierScores()[next++] : g.emptyScore());
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
