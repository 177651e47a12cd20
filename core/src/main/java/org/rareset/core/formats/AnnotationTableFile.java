package org.rareset.core.formats;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import org.rareset.core.InputException;
import org.rareset.core.region.Contigs;
import org.rareset.core.table.Column;
import org.rareset.core.table.ReadOptions;
import org.rareset.core.table.Row;
import org.rareset.core.table.TableReader;
import org.rareset.core.table.TableFiles;
import org.rareset.core.table.TableSchema;

/**
 * The variant annotation table that {@code rareset annotate} (and {@code simulate}, {@code import
 * deeprvat}) write and {@code assoc}, {@code seed-genes}, {@code train} and {@code score} read: one
 * row per (variant, gene), its key columns and the one rule by which every consumer finds them.
 *
 * <p><b>Variant</b>: the four columns {@code chrom pos ref alt} (aliases: {@code chr},
 * {@code chromosome} for chrom; {@code position} for pos), or, when any of the four is absent, one
 * id column ({@code variant}, {@code variant_id} or {@code id}) holding {@code chrom:pos:ref:alt}.
 * When the four columns are there, an id column is an ordinary annotation column.
 *
 * <p><b>Gene</b>: {@code gene}, else {@code gene_id} (what {@code annotate} writes), else
 * {@code gene_name}; the columns not chosen stay annotation columns.
 *
 * <p>Names are matched exactly first, then ignoring case ({@code CHROM}, {@code POS} from a VCF
 * header work), alias by alias in the order above. Every other column is an annotation.
 *
 * <p><b>Key</b>: contig without a {@code chr} prefix, position as a 1-based integer, REF and ALT in
 * upper case (tables that keep soft-masked lower-case bases match the genotypes either way). A key
 * cell that is missing ({@link #isMissing}: empty, {@code NA} or {@code .}), a position that is not
 * a positive integer, an id that is not {@code chrom:pos:ref:alt} or a missing gene is an
 * {@link InputException} naming the file and line.
 */
public final class AnnotationTableFile {
    public static final String CHROM = "chrom";
    public static final String POS = "pos";
    public static final String REF = "ref";
    public static final String ALT = "alt";
    public static final String VARIANT_ID = "variant_id";
    public static final String GENE = "gene";
    public static final String GENE_ID = "gene_id";
    public static final String GENE_NAME = "gene_name";

    /** Accepted names per key column, in order of preference (each matched exactly, then ignoring case). */
    public static final List<String> CHROM_NAMES = List.of(CHROM, "chr", "chromosome");
    public static final List<String> POS_NAMES = List.of(POS, "position");
    public static final List<String> REF_NAMES = List.of(REF);
    public static final List<String> ALT_NAMES = List.of(ALT);
    /** An id column {@code chrom:pos:ref:alt}, used only when one of the four variant columns is absent. */
    public static final List<String> ID_NAMES = List.of("variant", VARIANT_ID, "id");
    public static final List<String> GENE_NAMES = List.of(GENE, GENE_ID, GENE_NAME);

    /** The key columns {@code rareset annotate} writes, in order, before the annotations. */
    public static final List<Column> ANNOTATE_KEY = List.of(Column.string(CHROM), Column.integer(POS), Column.string(REF),
            Column.string(ALT), Column.string(VARIANT_ID), Column.string(GENE_ID), Column.string(GENE_NAME));
    /** The short key {@code chrom pos ref alt gene} ({@code simulate}, {@code import deeprvat}). */
    public static final List<Column> SHORT_KEY = List.of(Column.string(CHROM), Column.integer(POS), Column.string(REF),
            Column.string(ALT), Column.string(GENE));

    /** The key columns in a few words, for help texts (a constant, so option annotations can use it). */
    public static final String KEY_SUMMARY = "chrom pos ref alt (or an id column chrom:pos:ref:alt), gene (or gene_id)";

    static final String COLUMNS_HINT = "the annotation table needs chrom, pos, ref, alt (or an id column 'chrom:pos:ref:alt')"
            + " and gene (or gene_id); see docs/annotate.md";

    private AnnotationTableFile() {}

    /** A table's schema: {@code key} (one of {@link #ANNOTATE_KEY}, {@link #SHORT_KEY}) then the annotations. */
    public static TableSchema schema(List<Column> key, List<Column> annotations) {
        List<Column> all = new ArrayList<>(key);
        all.addAll(annotations);
        return new TableSchema(all);
    }

    /** Empty, {@code NA} and {@code .} (VCF's missing value); null for a value a reader already judged missing. */
    public static boolean isMissing(String cell) {
        return cell == null || cell.isEmpty() || cell.equals("NA") || cell.equals(".");
    }

    /** A variant as the table gives it, and its lookup key ({@link #key}). */
    public record VariantKey(String chrom, int pos, String ref, String alt) {
        /** The lookup key: see {@link AnnotationTableFile#key(String, int, String, String)}. */
        public String key() {
            return AnnotationTableFile.key(chrom, pos, ref, alt);
        }
    }

    /**
     * The lookup key of a variant: contig without {@code chr} ({@link Contigs#canonical}, as the
     * genotype readers match contigs), position, alleles in upper case.
     */
    public static String key(String chrom, int pos, String ref, String alt) {
        return key(chrom, Integer.toString(pos), ref, alt);
    }

    /** As {@link #key(String, int, String, String)} with the position as text (REGENIE/SAIGE ids). */
    public static String key(String chrom, String pos, String ref, String alt) {
        return Contigs.canonical(chrom) + ":" + pos.trim() + ":" + ref.toUpperCase(Locale.ROOT) + ":" + alt.toUpperCase(Locale.ROOT);
    }

    /** The first column with one of {@code names}: each name exactly, then ignoring case, in order. */
    private static int find(List<String> columns, List<String> names) {
        for (String n : names) {
            int i = columns.indexOf(n);
            if (i >= 0) return i;
            for (int c = 0; c < columns.size(); c++) if (columns.get(c).equalsIgnoreCase(n)) return c;
        }
        return -1;
    }

    /**
     * The key columns a header lacks, by their main names (empty when {@link Layout#of} will
     * succeed), for consumers that list them with the other columns they need in one message.
     */
    public static List<String> missingKeyColumns(List<String> columns) {
        List<String> out = new ArrayList<>();
        if (find(columns, ID_NAMES) < 0) {
            if (find(columns, CHROM_NAMES) < 0) out.add(CHROM);
            if (find(columns, POS_NAMES) < 0) out.add(POS);
            if (find(columns, REF_NAMES) < 0) out.add(REF);
            if (find(columns, ALT_NAMES) < 0) out.add(ALT);
        }
        if (find(columns, GENE_NAMES) < 0) out.add(GENE);
        return out;
    }

    /**
     * Where a table's key columns are: the one place the accepted names are resolved.
     *
     * @param chrom  the index of chrom, pos, ref and alt, each -1 when the variant comes from {@code id}
     * @param id     the id column, -1 when the four variant columns are used
     * @param gene   the gene column
     */
    public record Layout(String source, List<String> columns, int chrom, int pos, int ref, int alt, int id, int gene) {

        /**
         * Finds the key columns in a header.
         *
         * @throws InputException at line 1 naming the columns there when the variant or gene columns are absent
         */
        public static Layout of(String source, List<String> columns) {
            int gene = find(columns, GENE_NAMES);
            if (gene < 0) {
                throw new InputException(source, "line 1", "no 'gene' or 'gene_id' column (columns: " + list(columns) + ")",
                        COLUMNS_HINT);
            }
            int chrom = find(columns, CHROM_NAMES);
            int pos = find(columns, POS_NAMES);
            int ref = find(columns, REF_NAMES);
            int alt = find(columns, ALT_NAMES);
            if (chrom >= 0 && pos >= 0 && ref >= 0 && alt >= 0) return new Layout(source, columns, chrom, pos, ref, alt, -1, gene);
            int id = find(columns, ID_NAMES);
            if (id < 0) {
                throw new InputException(source, "line 1", "no variant columns (need chrom, pos, ref, alt or a variant id"
                        + " 'chrom:pos:ref:alt'; columns: " + list(columns) + ")", COLUMNS_HINT);
            }
            return new Layout(source, columns, -1, -1, -1, -1, id, gene);
        }

        /** Whether column {@code c} is one of the key columns (everything else is an annotation). */
        public boolean isKey(int c) {
            return c == gene || c == id || (id < 0 && (c == chrom || c == pos || c == ref || c == alt));
        }

        /** The annotation columns: every column that is not a key column, in file order. */
        public List<String> annotationColumns() {
            List<String> out = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) if (!isKey(c)) out.add(columns.get(c));
            return out;
        }

        /**
         * The variant of a row.
         *
         * @param cell the row's cells by column index (null or {@link #isMissing} text = missing)
         * @throws InputException naming the file and line for a missing key cell, a position that is
         *                        not a positive integer or an id that is not {@code chrom:pos:ref:alt}
         */
        public VariantKey variant(long line, IntFunction<String> cell) {
            if (id >= 0) {
                String text = require(line, cell, id);
                String[] parts = text.split(":");
                if (parts.length != 4 || parts[0].isEmpty() || parts[2].isEmpty() || parts[3].isEmpty()) {
                    throw new InputException(source, "line " + line, "variant '" + text + "' is not chrom:pos:ref:alt",
                            "write ids as chrom:pos:ref:alt, or give chrom, pos, ref and alt columns");
                }
                return new VariantKey(parts[0], position(line, parts[1]), parts[2], parts[3]);
            }
            return new VariantKey(require(line, cell, chrom), position(line, require(line, cell, pos)),
                    require(line, cell, ref), require(line, cell, alt));
        }

        /** The gene of a row; an InputException naming the line when it is missing. */
        public String gene(long line, IntFunction<String> cell) {
            String g = cell.apply(gene);
            if (isMissing(g == null ? null : g.trim())) {
                throw new InputException(source, "line " + line, "empty " + columns.get(gene), "every annotation row needs a gene");
            }
            return g.trim();
        }

        private String require(long line, IntFunction<String> cell, int c) {
            String v = cell.apply(c);
            if (v != null) v = v.trim();
            if (isMissing(v)) {
                throw new InputException(source, "line " + line, "empty " + columns.get(c), "every annotation row needs its variant: "
                        + (id >= 0 ? "an id chrom:pos:ref:alt" : "chrom, pos, ref and alt"));
            }
            return v;
        }

        private int position(long line, String text) {
            try {
                int p = Integer.parseInt(text.trim());
                if (p >= 1) return p;
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new InputException(source, "line " + line, "pos '" + text + "' is not a position", "1-based integer");
        }

        private static String list(List<String> columns) {
            return String.join(", ", columns.size() > 40 ? columns.subList(0, 40) : columns)
                    + (columns.size() > 40 ? ", ... (" + columns.size() + " in all)" : "");
        }
    }

    /** One row: its variant, gene and the row itself for the annotation columns. */
    public record Entry(VariantKey variant, String gene, Row row) {}

    /**
     * Opens a table (TSV, CSV, gzipped or not, PLINK-style space-separated text, or Parquet) for
     * streaming, split as {@link TableFiles#read} splits it, with the reader's default missing values
     * ({@link ReadOptions#DEFAULT_MISSING}) for the annotation columns.
     *
     * @throws InputException when the file is absent or lacks key columns
     */
    public static Reader open(Path file) {
        if (!Files.isRegularFile(file)) throw InputException.of(file, "file not found", "check the --annotations path");
        return new Reader(TableFiles.open(file));
    }

    /**
     * Streams the rows of an annotation table as {@link Entry}s; columns by name through
     * {@link #table()}. The key columns are resolved when first needed ({@link #layout()}, iterating),
     * so that a consumer can first name every column it lacks ({@link #missingKeyColumns}).
     */
    public static final class Reader implements Iterable<Entry>, AutoCloseable {
        private final TableReader table;
        private Layout layout;

        private Reader(TableReader table) {
            this.table = table;
        }

        /** @throws InputException at line 1 when the key columns are absent */
        public Layout layout() {
            if (layout == null) layout = Layout.of(table.path().toString(), table.columns());
            return layout;
        }

        /** The underlying table, for the annotation columns' indices. */
        public TableReader table() { return table; }

        @Override
        public Iterator<Entry> iterator() {
            Layout l = layout();
            Iterator<Row> rows = table.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public Entry next() {
                    Row r = rows.next();
                    IntFunction<String> cell = r::getString;
                    return new Entry(l.variant(r.lineNumber(), cell), l.gene(r.lineNumber(), cell), r);
                }
            };
        }

        @Override
        public void close() {
            table.close();
        }
    }
}
