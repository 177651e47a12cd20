package org.rareset.deepset.score.output;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.rareset.core.InputException;
import org.rareset.core.formats.GeneScoreFile;
import org.rareset.core.table.Column;
import org.rareset.core.table.TableSchema;
import org.rareset.core.table.TableWriter;
import org.rareset.core.table.TableWriters;
import org.rareset.deepset.score.GeneScores;

/**
 * Wide format: {@code sample}, then a column per gene. Genes stay sparse in memory (carriers only)
 * until {@link #commit()}, which writes one row per sample.
 */
final class WideScoresWriter implements ScoresWriter {
    private final Path path;
    private final List<String> samples;
    private final List<GeneScores> genes = new ArrayList<>();
    private TableWriter table;

    WideScoresWriter(Path path, List<String> samples) {
        this.path = path;
        this.samples = samples;
    }

    @Override
    public void write(GeneScores g) {
        genes.add(g);
    }

    @Override
    public void commit() {
        List<Column> columns = new ArrayList<>();
        columns.add(Column.string(GeneScoreFile.SAMPLE));
        Set<String> names = new HashSet<>(List.of(GeneScoreFile.SAMPLE));
        for (GeneScores g : genes) {
            if (!names.add(g.gene())) {
                throw InputException.of(path, "gene '" + g.gene() + "' would name two columns", "use the long format");
            }
            columns.add(Column.float64(g.gene()));
        }
        table = TableWriters.open(path, new TableSchema(columns));
        int[] next = new int[genes.size()];
        for (int s = 0; s < samples.size(); s++) {
            table.setString(0, samples.get(s));
            for (int j = 0; j < genes.size(); j++) {
                GeneScores g = genes.get(j);
                boolean carrier = next[j] < g.carriers().length && g.carriers()[next[j]] == s;
                table.setDouble(j + 1, carrier ? g.carrierScores()[next[j]++] : g.emptyScore());
            }
            table.endRow();
        }
        table.close();
    }

    @Override
    public void close() {
        if (table != null) table.abort();
    }
}
