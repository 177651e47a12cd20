package org.rareset.core.formats;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rareset.core.InputException;
import org.rareset.core.table.Column;
import org.rareset.core.table.ReadOptions;
import org.rareset.core.table.Row;
import org.rareset.core.table.TableReader;
import org.rareset.core.table.TableReaders;
import org.rareset.core.table.TableSchema;
import org.rareset.core.table.TableWriter;
import org.rareset.core.table.TableWriters;

/**
 * The gene impairment score file that {@code rareset score} writes and {@code assoc --scores},
 * {@code risk} and {@code report} read: its schemas, its writers ({@link #openSparse},
 * {@link #openDenseLong}) and its one reader ({@link #read}).
 *
 * <p><b>Sparse layout</b> (the default output), columns {@code kind gene sample score}:
 * <ul>
 *   <li>{@code kind = sample}: one row per sample of the cohort, in cohort order ({@code gene} and
 *       {@code score} missing). This roster comes first, so samples that carry nothing anywhere are
 *       still known.</li>
 *   <li>{@code kind = gene}: one row per gene; {@code score} is the gene's empty-gene score, the
 *       score of every sample not listed as a carrier of it ({@code sample} missing).</li>
 *   <li>{@code kind = carrier}: after its gene's row, one row per sample that carries a variant
 *       scored in the gene, with that sample's score, in cohort order.</li>
 * </ul>
 * Size grows with carriers, not samples x genes: the dense form of 500,000 samples x 20,000 genes is
 * 10^10 rows. Expanding is exact: score(sample, gene) = the carrier row's score if there is one,
 * otherwise the gene row's.
 *
 * <p><b>Dense long layout</b> ({@code score --dense long}), columns {@code sample gene score}: one
 * row per sample and gene. Read into the same sparse form with each gene's most frequent value as its
 * empty-gene score (the samples with another value become its carriers).
 *
 * <p>Either layout may be TSV, CSV (gzipped or not) or Parquet; the reader tells them apart by the
 * {@code kind} column.
 */
public final class GeneScoreFile {
    public static final String KIND = "kind";
    public static final String GENE = "gene";
    public static final String SAMPLE = "sample";
    public static final String SCORE = "score";

    /** Values of the {@code kind} column. */
    public static final String KIND_SAMPLE = "sample";
    public static final String KIND_GENE = "gene";
    public static final String KIND_CARRIER = "carrier";

    public static final TableSchema SPARSE = TableSchema.of(Column.string(KIND), Column.string(GENE),
            Column.string(SAMPLE), Column.float64(SCORE));
    public static final TableSchema DENSE_LONG = TableSchema.of(Column.string(SAMPLE), Column.string(GENE),
            Column.float64(SCORE));

    private static final String LAYOUT_HINT = "gene scores are the sparse table 'kind gene sample score' or the long "
            + "table 'sample gene score' that rareset score writes";

    private GeneScoreFile() {}

    /**
     * Streams scores gene by gene into one layout; the file (format by extension: {@code .parquet},
     * {@code .tsv}, {@code .tsv.gz}, {@code .csv}) appears only at {@link #commit()}, scores at full
     * double precision.
     */
    public interface Writer extends AutoCloseable {
        /**
         * Adds one gene: sample {@code carriers[i]} (indexes into the roster, increasing) scores
         * {@code carrierScores[i]}, every other sample {@code emptyScore}.
         */
        void gene(String gene, double emptyScore, int[] carriers, double[] carrierScores);

        /** Finishes the file and renames it into place. */
        void commit();

        /** Without a prior {@link #commit()}, deletes the partial file. */
        @Override
        void close();
    }

    /** The sparse layout: the sample roster first, then per gene its row and its carriers' rows. */
    public static Writer openSparse(Path path, List<String> samples) {
        TableWriter table = TableWriters.open(path, SPARSE);
        int kind = SPARSE.names().indexOf(KIND), gene = SPARSE.names().indexOf(GENE), sample = SPARSE.names().indexOf(SAMPLE),
                score = SPARSE.names().indexOf(SCORE);
        for (String s : samples) {
            table.setString(kind, KIND_SAMPLE);
            table.setString(sample, s);
            table.endRow();
        }
        return new TableBacked(table) {
            @Override
            public void gene(String name, double emptyScore, int[] carriers, double[] carrierScores) {
                table.setString(kind, KIND_GENE);
                table.setString(gene, name);
                table.setDouble(score, emptyScore);
                table.endRow();
                for (int i = 0; i < carriers.length; i++) {
                    table.setString(kind, KIND_CARRIER);
                    table.setString(gene, name);
                    table.setString(sample, samples.get(carriers[i]));
                    table.setDouble(score, carrierScores[i]);
                    table.endRow();
                }
            }
        };
    }

    /** The dense long layout: every sample of a gene, in roster order, then the next gene. */
    public static Writer openDenseLong(Path path, List<String> samples) {
        TableWriter table = TableWriters.open(path, DENSE_LONG);
        int sample = DENSE_LONG.names().indexOf(SAMPLE), gene = DENSE_LONG.names().indexOf(GENE), score = DENSE_LONG.names().indexOf(SCORE);
        return new TableBacked(table) {
            @Override
            public void gene(String name, double emptyScore, int[] carriers, double[] carrierScores) {
                int next = 0;
                for (int s = 0; s < samples.size(); s++) {
                    table.setString(sample, samples.get(s));
                    table.setString(gene, name);
                    table.setDouble(score, next < carriers.length && carriers[next] == s ? carrierScores[next++] : emptyScore);
                    table.endRow();
                }
            }
        };
    }

    /** Commit and abort of a writer that fills one table. */
    private abstract static class TableBacked implements Writer {
        private final TableWriter table;

        TableBacked(TableWriter table) {
            this.table = table;
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

    /** Reads either layout (see the class comment); genes in file order. */
    public static SparseGeneScores read(Path file) {
        try (TableReader r = TableReaders.open(file, ReadOptions.defaults())) {
            int kind = r.columnIndex(KIND);
            SparseGeneScores scores = kind >= 0 ? readSparse(r, kind) : readDenseLong(r);
            if (scores.genes().isEmpty()) throw InputException.of(file, "no gene scores", LAYOUT_HINT);
            return scores;
        }
    }

    private static SparseGeneScores readSparse(TableReader r, int kind) {
        int g = r.requireColumn(GENE), s = r.requireColumn(SAMPLE), v = r.requireColumn(SCORE);
        Map<String, Integer> sampleIndex = new LinkedHashMap<>();
        Map<String, Boolean> seenGenes = new HashMap<>();
        List<SparseGeneScores.Gene> genes = new ArrayList<>();
        GeneBuilder current = null;
        for (Row row : r) {
            String k = row.getString(kind);
            if (KIND_SAMPLE.equals(k)) {
                if (current != null) throw row.error("sample row after the first gene", "the sample roster comes first");
                String sample = required(row, s, "sample");
                if (sampleIndex.putIfAbsent(sample, sampleIndex.size()) != null) {
                    throw row.error("sample '" + sample + "' is listed twice", "list each sample once");
                }
            } else if (KIND_GENE.equals(k)) {
                if (current != null) genes.add(current.build());
                String gene = required(row, g, "gene");
                if (seenGenes.put(gene, Boolean.TRUE) != null) {
                    throw row.error("gene '" + gene + "' appears twice", "write each gene's rows once, together");
                }
                current = new GeneBuilder(gene, finite(row, v, gene, null));
            } else if (KIND_CARRIER.equals(k)) {
                if (current == null) throw row.error("carrier row before any gene row", "each gene row precedes its carriers");
                String gene = required(row, g, "gene");
                if (!gene.equals(current.gene)) {
                    throw row.error("carrier of gene '" + gene + "' under gene '" + current.gene + "'", "carrier rows follow their own gene's row");
                }
                String sample = required(row, s, "sample");
                Integer si = sampleIndex.get(sample);
                if (si == null) throw row.error("sample '" + sample + "' is not in the sample roster", LAYOUT_HINT);
                if (!current.add(si, finite(row, v, gene, sample))) {
                    throw row.error("sample '" + sample + "' has two scores for gene '" + gene + "'", "keep one row per sample and gene");
                }
            } else {
                throw row.error("kind '" + k + "' is not sample, gene or carrier", LAYOUT_HINT);
            }
        }
        if (current != null) genes.add(current.build());
        return new SparseGeneScores(List.copyOf(sampleIndex.keySet()), genes);
    }

    private static SparseGeneScores readDenseLong(TableReader r) {
        int s = r.requireColumn(SAMPLE), g = r.requireColumn(GENE), v = r.requireColumn(SCORE);
        Map<String, Integer> sampleIndex = new LinkedHashMap<>();
        Map<String, GeneBuilder> byGene = new LinkedHashMap<>();
        for (Row row : r) {
            String sample = required(row, s, "sample");
            String gene = required(row, g, "gene");
            double score = finite(row, v, gene, sample);
            int si = sampleIndex.computeIfAbsent(sample, x -> sampleIndex.size());
            if (!byGene.computeIfAbsent(gene, x -> new GeneBuilder(x, Double.NaN)).add(si, score)) {
                throw row.error("sample '" + sample + "' has two scores for gene '" + gene + "'", "keep one row per sample and gene");
            }
        }
        List<String> samples = List.copyOf(sampleIndex.keySet());
        List<SparseGeneScores.Gene> genes = new ArrayList<>(byGene.size());
        for (GeneBuilder b : byGene.values()) {
            if (b.size != samples.size()) {
                throw InputException.of(r.path(), "gene '" + b.gene + "' has scores for " + b.size + " of the " + samples.size() + " samples",
                        "score every sample for every gene (rareset score does)");
            }
            genes.add(b.withModeAsEmptyScore());
        }
        return new SparseGeneScores(samples, genes);
    }

    private static String required(Row row, int column, String what) {
        String value = row.getString(column);
        if (value == null || value.isEmpty()) throw row.error("empty " + what, LAYOUT_HINT);
        return value;
    }

    private static double finite(Row row, int column, String gene, String sample) {
        double x = row.getDouble(column);
        if (!Double.isFinite(x)) {
            String who = sample == null ? "empty-gene score of gene '" + gene + "'" : "score of sample '" + sample + "' for gene '" + gene + "'";
            throw row.error(who + " is " + (Double.isNaN(x) ? "missing" : "not finite"), "every sample needs a finite score for every gene");
        }
        return x;
    }

    /** Growing (sample, score) arrays of one gene. */
    private static final class GeneBuilder {
        final String gene;
        final double emptyScore;
        int[] samples = new int[16];
        double[] scores = new double[16];
        int size;
        final BitSet seen = new BitSet();

        GeneBuilder(String gene, double emptyScore) {
            this.gene = gene;
            this.emptyScore = emptyScore;
        }

        boolean add(int sample, double score) {
            if (seen.get(sample)) return false;
            seen.set(sample);
            if (size == samples.length) {
                samples = Arrays.copyOf(samples, size * 2);
                scores = Arrays.copyOf(scores, size * 2);
            }
            samples[size] = sample;
            scores[size++] = score;
            return true;
        }

        SparseGeneScores.Gene build() {
            return SparseGeneScores.Gene.sorted(gene, emptyScore, Arrays.copyOf(samples, size), Arrays.copyOf(scores, size));
        }

        /** Dense input: the most frequent value (the smallest among ties) is the empty-gene score. */
        SparseGeneScores.Gene withModeAsEmptyScore() {
            Map<Double, Integer> counts = new HashMap<>();
            double mode = scores[0];
            int best = 0;
            for (int i = 0; i < size; i++) {
                int c = counts.merge(scores[i], 1, Integer::sum);
                if (c > best || (c == best && scores[i] < mode)) { mode = scores[i]; best = c; }
            }
            int k = 0;
            for (int i = 0; i < size; i++) if (scores[i] != mode) k++;
            int[] s = new int[k];
            double[] v = new double[k];
            k = 0;
            for (int i = 0; i < size; i++) {
                if (scores[i] != mode) { s[k] = samples[i]; v[k++] = scores[i]; }
            }
            return SparseGeneScores.Gene.sorted(gene, mode, s, v);
        }
    }
}
