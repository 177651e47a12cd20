package org.rareset.deepset.train;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.rareset.annotate.InputException;

/**
 * A tab-separated file with a header line (a leading {@code #} on the header is dropped; blank
 * lines are skipped), read line by line with exact line numbers for errors. Plain or gzipped.
 */
final class TsvFile implements AutoCloseable {
    private final Path path;
    private final BufferedReader reader;
    private final List<String> header;
    private final Map<String, Integer> index = new HashMap<>();
    private long line;

    TsvFile(Path path) {
        this.path = path;
        if (!Files.isRegularFile(path)) throw InputException.of(path, "file not found", "check the path");
        try {
            var in = Files.newInputStream(path);
            reader = new BufferedReader(new InputStreamReader(
                    path.toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in, StandardCharsets.UTF_8),
                    1 << 16);
            String h = reader.readLine();
            line = 1;
            if (h == null) throw InputException.of(path, "is empty", "expected a header line");
            if (h.startsWith("#")) h = h.substring(1);
            header = List.of(h.split("\t", -1));
            for (int i = 0; i < header.size(); i++) {
                if (index.putIfAbsent(header.get(i), i) != null) {
                    throw InputException.atLine(path, 1, "column '" + header.get(i) + "' appears twice", "rename one");
                }
            }
        } catch (IOException e) {
            throw InputException.of(path, "cannot read: " + e.getMessage(), null);
        }
    }

    Path path() {
        return path;
    }

    List<String> header() {
        return header;
    }

    /** Index of a column, or -1. */
    int column(String name) {
        return index.getOrDefault(name, -1);
    }

    /** Index of a column that must exist. */
    int require(String name, String hint) {
        int i = column(name);
        if (i < 0) throw InputException.atLine(path, 1, "no column '" + name + "' (columns: "
                + String.join(", ", header.size() > 12 ? header.subList(0, 12) : header)
                + (header.size() > 12 ? ", ..." : "") + ")", hint);
        return i;
    }

    /** The next row split into fields, or null at the end. */
    String[] next() {
        try {
            String s;
            while ((s = reader.readLine()) != null) {
                line++;
                if (s.isEmpty()) continue;
                String[] f = s.split("\t", -1);
                if (f.length != header.size()) {
                    throw InputException.atLine(path, line, f.length + " fields, the header has " + header.size(),
                            "separate fields by tabs");
                }
                return f;
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    long line() {
        return line;
    }

    /** Parses a number; empty, NA, NaN and '.' are missing (NaN). */
    double number(String field, String column) {
        if (field.isEmpty() || field.equals("NA") || field.equals(".") || field.equalsIgnoreCase("nan")) return Double.NaN;
        try {
            return Double.parseDouble(field);
        } catch (NumberFormatException e) {
            throw InputException.atLine(path, line, "column " + column + ": '" + field + "' is not a number",
                    "use a number, or NA for missing");
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return path + " " + Arrays.toString(header.toArray());
    }
}
