package org.rareset.core.table;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.rareset.core.InputException;

/**
 * Reads the small sample and annotation tables of an analysis (phenotypes, covariates,
 * annotations, scores) into {@link TextTable}s through the annotate module's table readers:
 * tab- or comma-separated text, optionally gzipped, or Parquet. A text file whose header has
 * neither tabs nor commas but spaces (PLINK style) is split on spaces.
 *
 * <p>Cells come back as text, untouched (no missing-value interpretation here): the caller
 * decides what is missing, so that {@code NaN} can be reported as an error rather than dropped.
 */
public final class TableFiles {
    private TableFiles() {}

    public static TextTable read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw InputException.of(file, "file not found", "check the path");
        }
        ReadOptions options = ReadOptions.defaults().withMissing(Set.of());
        if (!TableReaders.isParquet(file) && !isCsv(file)) options = options.withSeparator(separatorOfHeader(file));
        List<String[]> rows = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        List<String> columns;
        try (TableReader r = TableReaders.open(file, options)) {
            columns = r.columns();
            for (Row row : r) {
                String[] cells = new String[row.size()];
                for (int c = 0; c < cells.length; c++) {
                    String s = row.getString(c);
                    cells[c] = s == null ? "" : s.trim();
                }
                rows.add(cells);
                lines.add(row.lineNumber());
            }
        }
        long[] ln = new long[lines.size()];
        for (int i = 0; i < ln.length; i++) ln[i] = lines.get(i);
        List<String> trimmed = new ArrayList<>();
        for (String c : columns) trimmed.add(c.trim());
        return new TextTable(file.toString(), trimmed, rows, ln);
    }

    /**
     * Streams a table split as {@link #read} splits it (so a file reads the same whichever way a
     * consumer takes it), with the reader's default missing values ({@link ReadOptions#DEFAULT_MISSING}).
     */
    public static TableReader open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw InputException.of(file, "file not found", "check the path");
        }
        ReadOptions options = ReadOptions.defaults();
        if (!TableReaders.isParquet(file) && !isCsv(file)) options = options.withSeparator(separatorOfHeader(file));
        return TableReaders.open(file, options);
    }

    private static boolean isCsv(Path file) {
        String n = file.getFileName().toString().toLowerCase();
        return n.endsWith(".csv") || n.endsWith(".csv.gz");
    }

    /** Tab unless the header line has no tab: then comma, or space for PLINK-style files. */
    static char separatorOfHeader(Path file) {
        try (BufferedReader r = TextInput.open(file)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("##")) continue;
                if (line.indexOf('\t') >= 0) return '\t';
                if (line.indexOf(',') >= 0) return ',';
                if (line.strip().indexOf(' ') >= 0) return ' ';
                return '\t';
            }
            return '\t';
        } catch (IOException e) {
            throw InputException.of(file, "cannot read: " + e.getMessage(), "check the file is readable and not truncated");
        }
    }
}
