package org.rareset.annotate;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.rareset.core.InputException;
import org.rareset.core.region.Contigs;
import org.rareset.core.table.NonFinite;
import org.rareset.core.table.ReadOptions;
import org.rareset.core.table.Row;
import org.rareset.core.table.TableReader;
import org.rareset.core.table.TableReaders;
import org.rareset.core.table.TextInput;

/**
 * Numeric columns of a table keyed by chrom, pos, ref, alt: CADD files ({@code #Chrom Pos Ref
 * Alt RawScore PHRED}) or any TSV/CSV/Parquet. A bgzipped TSV with a tabix index is read by
 * region; anything else is streamed in order (it must be sorted by position within contigs).
 */
public final class ScoreTableSource extends CursorSource {
    /** CADD's columns under DeepRVAT's names. */
    public static final Map<String, String> CADD_COLUMNS = cadd();

    private static Map<String, String> cadd() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("RawScore", "CADD_raw");
        m.put("PHRED", "CADD_PHRED");
        return m;
    }

    private static final List<String> CHROM_NAMES = List.of("chrom", "chr", "chromosome", "#chrom", "contig");
    private static final List<String> POS_NAMES = List.of("pos", "position", "start", "bp");
    private static final List<String> REF_NAMES = List.of("ref", "reference");
    private static final List<String> ALT_NAMES = List.of("alt", "alternate", "alt_allele");

    private final String label;
    private final List<String> outputs;
    private final ScoreCells cells;

    private ScoreTableSource(String label, Path file, RecordStream stream, List<String> outputs, ScoreCells cells) {
        super(file, stream);
        this.label = label;
        this.outputs = outputs;
        this.cells = cells;
    }

    /**
     * Opens {@code file} taking {@code columns} (file column name to output name, in order).
     *
     * @throws InputException when the key or value columns are missing
     */
    public static ScoreTableSource open(String kind, Path file, Map<String, String> columns) {
        return open(kind, file, columns, NonFinite.ERROR);
    }

    /**
     * As {@link #open(String, Path, Map)}, with NaN/Inf values read by {@code nonFinite}. Text
     * that is not a number is always an error naming the line.
     */
    public static ScoreTableSource open(String kind, Path file, Map<String, String> columns, NonFinite nonFinite) {
        if (columns.isEmpty()) throw InputException.of(file, "no columns chosen", "name the columns to take, e.g. file:score=my_score");
        List<String> header;
        boolean tabixText = LineRecordStream.hasIndex(file) && !TableReaders.isParquet(file);
        if (tabixText) {
            header = textHeader(file);
        } else {
            try (TableReader r = TableReaders.open(file)) {
                header = r.columns();
            }
        }
        int[] key = {find(file, header, CHROM_NAMES, "chromosome"), find(file, header, POS_NAMES, "position"),
                find(file, header, REF_NAMES, "reference allele"), find(file, header, ALT_NAMES, "alternate allele")};
        int[] value = new int[columns.size()];
        int k = 0;
        for (String c : columns.keySet()) {
            int i = header.indexOf(c);
            if (i < 0) throw TableReader.missingColumn(file, c, header);
            value[k++] = i;
        }
        List<String> outputs = new ArrayList<>(columns.values());
        String label = kind + " (" + file.getFileName() + ")";
        ScoreCells cells = new ScoreCells(file, nonFinite);
        String[] valueNames = new String[value.length];
        for (int i = 0; i < value.length; i++) valueNames[i] = header.get(value[i]);
        RecordStream stream = tabixText
                ? LineRecordStream.open(file, lineParser(file, key, value, header.size(), cells, valueNames))
                : new TableRecordStream(file, key, value, cells, valueNames);
        return new ScoreTableSource(label, file, stream, outputs, cells);
    }

    public static ScoreTableSource cadd(Path file) {
        return cadd(file, NonFinite.ERROR);
    }

    public static ScoreTableSource cadd(Path file, NonFinite nonFinite) {
        return open("CADD", file, CADD_COLUMNS, nonFinite);
    }

    @Override
    public List<String> notes() {
        List<String> out = new ArrayList<>(super.notes());
        if (cells.nonFinite() > 0) {
            out.add(label + ": " + cells.nonFinite() + " NaN/Inf value(s) read as missing (" + NonFinite.OPTION + " missing)");
        }
        return out;
    }

    /** The last header line of a text table: {@code #}-prefixed, or the first line. */
    static List<String> textHeader(Path file) {
        try (BufferedReader in = TextInput.open(file)) {
            String line;
            String last = null;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("##")) continue;
                last = line.startsWith("#") ? line.substring(1) : line;
                break;
            }
            if (last == null) throw InputException.of(file, "empty file: no header line", null);
            List<String> cols = new ArrayList<>();
            for (String c : last.split("\t", -1)) cols.add(c.trim());
            return cols;
        } catch (IOException e) {
            throw InputException.of(file, "cannot read: " + e.getMessage(), null);
        }
    }

    private static int find(Path file, List<String> header, List<String> names, String what) {
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).toLowerCase(Locale.ROOT);
            if (h.startsWith("#")) h = h.substring(1);
            if (names.contains(h)) return i;
        }
        throw InputException.of(file, "no " + what + " column (looked for " + String.join("/", names) + ")",
                "columns are: " + String.join(", ", header));
    }

    /**
     * Parses CADD-style lines in place: field bounds from one scan for tabs, then the position
     * and scores read from the line itself ({@link DecimalText}); only chrom (when it changes),
     * ref and alt become Strings.
     */
    private static LineParser lineParser(Path file, int[] key, int[] value, int nColumns, ScoreCells cells, String[] valueNames) {
        String[] lastContig = {null, null}; // raw name, canonical name: one contig runs for many lines
        int[] starts = new int[nColumns];
        int[] ends = new int[nColumns];
        return (String line, String location, Consumer<KeyedRecord> out) -> {
            if (!bounds(line, starts, ends)) {
                throw new InputException(file.toString(), location, "line has the wrong number of fields (header has "
                        + nColumns + ")", "every line needs one tab-separated value per column");
            }
            int pos = DecimalText.parseSmallInt(line, starts[key[1]], ends[key[1]]);
            if (pos < 0) {
                String field = line.substring(starts[key[1]], ends[key[1]]);
                try {
                    pos = Integer.parseInt(field);
                } catch (NumberFormatException e) {
                    throw new InputException(file.toString(), location, "position '" + field + "' is not a number", null);
                }
            }
            double[] v = new double[value.length];
            for (int i = 0; i < value.length; i++) {
                v[i] = DecimalText.parseDouble(line, starts[value[i]], ends[value[i]]);
                // The fast path reads plain decimals only; anything else is checked strictly here.
                if (!Double.isFinite(v[i])) v[i] = cells.parse(line.substring(starts[value[i]], ends[value[i]]), location, valueNames[i]);
            }
            int chromStart = starts[key[0]];
            int chromLength = ends[key[0]] - chromStart;
            if (lastContig[0] == null || lastContig[0].length() != chromLength
                    || !line.regionMatches(chromStart, lastContig[0], 0, chromLength)) {
                lastContig[0] = line.substring(chromStart, ends[key[0]]);
                lastContig[1] = Contigs.canonical(lastContig[0]);
            }
            out.accept(new KeyedRecord(lastContig[1], pos, allele(line, starts[key[2]], ends[key[2]]),
                    allele(line, starts[key[3]], ends[key[3]]), v));
        };
    }

    /** Single-base alleles share one String each (most of a score table); longer ones are cut out. */
    private static final String[] ONE_BASE = new String[128];

    static {
        for (char c = 0; c < ONE_BASE.length; c++) ONE_BASE[c] = String.valueOf(c).intern();
    }

    private static String allele(String line, int from, int to) {
        if (to - from == 1) {
            char c = line.charAt(from);
            if (c < ONE_BASE.length) return ONE_BASE[c];
        }
        return line.substring(from, to);
    }

    /** Field bounds of a tab-separated line into {@code starts}/{@code ends}; false when the count differs. */
    private static boolean bounds(String line, int[] starts, int[] ends) {
        int n = starts.length;
        int from = 0;
        for (int i = 0; i < n - 1; i++) {
            int to = line.indexOf('\t', from);
            if (to < 0) return false;
            starts[i] = from;
            ends[i] = to;
            from = to + 1;
        }
        if (line.indexOf('\t', from) >= 0) return false;
        starts[n - 1] = from;
        ends[n - 1] = line.length();
        return true;
    }

    @Override public String name() { return label; }
    @Override public List<String> columns() { return outputs; }

    @Override
    protected Match toMatch(Object payload) {
        return constant((double[]) payload);
    }

    /** Rows of any table format, in file order. */
    private static final class TableRecordStream implements RecordStream {
        private final Path file;
        private final int[] key;
        private final int[] value;
        private final ScoreCells cells;
        private final String[] valueNames;
        private TableReader reader;
        private java.util.Iterator<Row> rows;
        private long last;

        TableRecordStream(Path file, int[] key, int[] value, ScoreCells cells, String[] valueNames) {
            this.file = file;
            this.key = key;
            this.value = value;
            this.cells = cells;
            this.valueNames = valueNames;
            restart();
        }

        @Override
        public KeyedRecord next() {
            if (!rows.hasNext()) return null;
            Row r = rows.next();
            last = r.lineNumber();
            double[] v = new double[value.length];
            for (int i = 0; i < value.length; i++) {
                if (r.isMissing(value[i])) {
                    v[i] = Double.NaN;
                } else {
                    String text = r.getString(value[i]);
                    v[i] = TableReaders.isParquet(file) ? cells.check(r.getDouble(value[i]), text, location(), valueNames[i])
                            : cells.parse(text, location(), valueNames[i]);
                }
            }
            String chrom = r.getString(key[0]);
            String ref = r.getString(key[2]);
            String alt = r.getString(key[3]);
            if (chrom == null || ref == null || alt == null) throw r.error("chrom, ref or alt is missing", null);
            return new KeyedRecord(Contigs.canonical(chrom), r.getInt(key[1]), ref, alt, v);
        }

        @Override public boolean canSeek() { return false; }
        @Override public void seek(String chrom, int pos) { throw new UnsupportedOperationException(); }

        @Override
        public void restart() {
            if (reader != null) reader.close();
            // NaN is not a missing marker here: the NonFinite rule decides what it means.
            reader = TableReaders.open(file, ReadOptions.defaults().withMissing(ScoreCells.MISSING));
            rows = reader.iterator();
            last = 0;
        }

        @Override
        public String location() {
            return (TableReaders.isParquet(file) ? "row " : "line ") + last;
        }

        @Override
        public void close() {
            reader.close();
        }
    }
}
