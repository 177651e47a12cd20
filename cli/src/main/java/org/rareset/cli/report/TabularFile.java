package org.rareset.cli.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.rareset.annotate.InputException;
import org.rareset.annotate.table.Row;
import org.rareset.annotate.table.TableReader;
import org.rareset.annotate.table.TableReaders;

/**
 * A small table read whole from a TSV/CSV file (optionally gzipped) or a flat Parquet file: a header
 * and records of strings, each with the line (TSV) or row (Parquet) it came from, for error messages.
 * Parquet goes through annotate's table readers; missing Parquet values become empty strings.
 */
public record TabularFile(Path file, List<String> header, List<String[]> records, List<Long> lines) {

    /** Index of each column name, lower-cased. */
    public Map<String, Integer> columns() {
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < header.size(); i++) col.putIfAbsent(header.get(i).trim().toLowerCase(Locale.ROOT), i);
        return col;
    }

    /** The index of a required column, or a clear error naming the file and the columns it has. */
    public int require(String column, String hint) {
        Integer i = columns().get(column.toLowerCase(Locale.ROOT));
        if (i == null) {
            throw InputException.of(file, "column '" + column + "' is missing (header: " + String.join(" ", header) + ")", hint);
        }
        return i;
    }

    public static TabularFile read(Path file) {
        if (!Files.isRegularFile(file)) throw InputException.of(file, "file not found", "check the path");
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".parquet") ? readParquet(file) : readText(file, name.endsWith(".csv") || name.endsWith(".csv.gz") ? "," : "\t");
    }

    static BufferedReader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) in = new GZIPInputStream(in, 1 << 16);
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    private static TabularFile readText(Path file, String sep) {
        List<String> header = null;
        List<String[]> records = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        try (BufferedReader r = open(file)) {
            String line;
            long n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] fields = line.split(sep, -1);
                if (header == null) {
                    header = List.of(fields);
                    continue;
                }
                if (fields.length != header.size()) {
                    throw InputException.atLine(file, n, "expected " + header.size() + " fields, found " + fields.length,
                            "fields are " + (sep.equals("\t") ? "tab" : "comma") + "-separated, as in the header line");
                }
                records.add(fields);
                lines.add(n);
            }
        } catch (IOException e) {
            throw InputException.of(file, "cannot read: " + e.getMessage(), "check the file");
        }
        if (header == null) throw InputException.of(file, "empty file", "expected a header line");
        return new TabularFile(file, header, records, lines);
    }

    private static TabularFile readParquet(Path file) {
        List<String[]> records = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        try (TableReader reader = TableReaders.open(file)) {
            List<String> header = List.copyOf(reader.columns());
            for (Row row : reader) {
                String[] f = new String[header.size()];
                for (int c = 0; c < f.length; c++) f[c] = row.isMissing(c) ? "" : row.getString(c);
                records.add(f);
                lines.add(row.lineNumber());
            }
            return new TabularFile(file, header, records, lines);
        }
    }
}
