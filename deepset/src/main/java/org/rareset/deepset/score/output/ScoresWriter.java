package org.rareset.deepset.score.output;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.rareset.core.InputException;
import org.rareset.core.table.TableWriters;
import org.rareset.deepset.score.GeneScores;

/**
 * Writes gene impairment scores, gene by gene, to a table that appears only when complete
 * ({@link org.rareset.core.table.TableWriter}: temporary name, renamed on success).
 *
 * <ul>
 *   <li>Sparse (default): the layout of {@link org.rareset.core.formats.GeneScoreFile}: the
 *       sample roster, then per gene its empty-gene score and its carriers' scores.</li>
 *   <li>Dense long: columns {@code sample gene score}, one row per sample and gene,
 *       gene-major (every sample of the first gene, then the next gene), samples in VCF order.</li>
 *   <li>Wide format: column {@code sample}, then one column per gene, named by the gene, in
 *       annotation-table order; one row per sample.</li>
 * </ul>
 * The format follows the extension ({@link TableWriters#formatOf}): {@code .parquet}, {@code .tsv},
 * {@code .tsv.gz}, {@code .csv}. Scores are written at full double precision.
 */
public interface ScoresWriter extends AutoCloseable {

    /** Adds one gene's scores. */
    void write(GeneScores scores);

    /** Finishes the file and renames it into place. */
    void commit();

    /** Releases resources; without a prior {@link #commit()} the partial file is deleted. */
    @Override
    void close();

    /** The table layouts a score file can have. */
    enum Layout { SPARSE, LONG, WIDE }

    /** Opens a writer for {@code out} in {@code layout}, picking the file format from its extension. */
    static ScoresWriter open(Path out, List<String> samples, Layout layout) {
        checkTarget(out);
        return switch (layout) {
            case SPARSE -> new SparseScoresWriter(out, samples);
            case LONG -> new LongScoresWriter(out, samples);
            case WIDE -> new WideScoresWriter(out, samples);
        };
    }

    /**
     * Checks, before any heavy work, that {@code out} has a known extension and an existing folder.
     *
     * @throws InputException naming the problem
     */
    static Path checkTarget(Path out) {
        TableWriters.formatOf(out);
        Path dir = out.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw InputException.of(out, "the output folder does not exist", "create " + dir + " first");
        }
        return out;
    }
}
