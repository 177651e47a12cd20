package org.rareset.core.table;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.rareset.core.InputException;

/**
 * Streams a tab- or comma-separated table with a header line, gzipped or plain.
 *
 * <p>Lines starting with {@code ##} before the header are metadata and skipped (CADD, VCF-style
 * headers); a leading {@code #} on the header line is dropped ({@code #Chrom} becomes
 * {@code Chrom}). Blank lines and {@link EmptyTable#MARKER} are skipped. Every row keeps its 1-based line number. CSV fields
 * may be quoted (RFC 4180, including doubled quotes and line breaks inside quotes); TSV fields
 * are taken literally.
 */
public final class DelimitedReader implements TableReader {
    /** A hostile or broken file (no line breaks) must not exhaust memory. */
    static final int MAX_LINE_CHARS = 64 << 20;

    private final Path path;
    private final ReadOptions options;
    private final char separator;
    private final BufferedReader in;
    private final List<String> columns;
    private final String[] names;
    private long lineNumber;
    private Row next;
    private boolean done;

    public DelimitedReader(Path path, ReadOptions options) {
        this.path = path;
        this.options = options;
        this.separator = options.separator() != 0 ? options.separator() : separatorFor(path);
        this.in = TextInput.open(path);
        String header = readHeader();
        if (header == null) {
            close();
            throw InputException.of(path, "empty file: no header line", "the first line must name the columns");
        }
        if (header.startsWith("#")) header = header.substring(1);
        // R's write.csv and pandas' QUOTE_ALL quote the header too
        this.names = separator == ',' && header.indexOf('"') >= 0 ? splitQuoted(header, lineNumber) : split(header);
        for (int i = 0; i < names.length; i++) names[i] = names[i].trim();
        this.columns = List.of(names);
        checkUnique();
    }

    public static DelimitedReader open(Path path) {
        return new DelimitedReader(path, ReadOptions.defaults());
    }

    /** Comma for .csv and .csv.gz, tab otherwise. */
    public static char separatorFor(Path path) {
        String name = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".csv.gz") || name.endsWith(".csv.bgz") ? ',' : '\t';
    }

    private void checkUnique() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String n : names) {
            if (!seen.add(n)) {
                close();
                throw InputException.atLine(path, lineNumber, "column '" + n + "' appears twice in the header",
                        "column names must be unique");
            }
        }
    }

    private String readHeader() {
        String line;
        while ((line = readLine()) != null) {
            if (line.startsWith("##") || line.isBlank()) continue;
            return line;
        }
        return null;
    }

    private String readLine() {
        try {
            String line = in.readLine();
            if (line != null) {
                lineNumber++;
                if (line.length() > MAX_LINE_CHARS) {
                    throw InputException.atLine(path, lineNumber, "line longer than " + MAX_LINE_CHARS + " characters",
                            "is this a text table?");
                }
                if (!line.isEmpty() && line.charAt(line.length() - 1) == '\r') line = line.substring(0, line.length() - 1);
            }
            return line;
        } catch (IOException e) {
            throw InputException.atLine(path, lineNumber + 1, "cannot read: " + e.getMessage(),
                    "is the file truncated?");
        }
    }

    @Override public Path path() { return path; }
    @Override public List<String> columns() { return columns; }

    public char separator() { return separator; }

    @Override
    public Iterator<Row> iterator() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                if (next == null && !done) next = readRow();
                return next != null;
            }

            @Override
            public Row next() {
                if (!hasNext()) throw new NoSuchElementException();
                Row r = next;
                next = null;
                return r;
            }
        };
    }

    private Row readRow() {
        String line;
        do {
            line = readLine();
            if (line == null) {
                done = true;
                return null;
            }
        } while (line.isEmpty() || EmptyTable.isMarker(line));
        long start = lineNumber;
        String[] fields;
        if (separator == ',' && line.indexOf('"') >= 0) {
            fields = splitQuoted(line, start);
        } else {
            fields = split(line);
        }
        if (fields.length != names.length) {
            throw InputException.atLine(path, start, "has " + fields.length + " fields but the header has "
                    + names.length, "every line needs one value per column, separated by "
                    + (separator == '\t' ? "tabs" : "'" + separator + "'"));
        }
        return new TextRow(path, start, fields, names, options.missingValues());
    }

    private String[] split(String line) {
        int n = 1;
        for (int i = 0; i < line.length(); i++) if (line.charAt(i) == separator) n++;
        String[] out = new String[n];
        int from = 0;
        for (int k = 0; k < n - 1; k++) {
            int to = line.indexOf(separator, from);
            out[k] = line.substring(from, to);
            from = to + 1;
        }
        out[n - 1] = line.substring(from);
        return out;
    }

    /** RFC 4180 fields; a quoted field may continue on the next lines. */
    private String[] splitQuoted(String line, long start) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        String text = line;
        while (true) {
            if (i >= text.length()) {
                if (quoted) {
                    String more = readLine();
                    if (more == null) {
                        throw InputException.atLine(path, start, "quoted field is never closed", "add the closing \"");
                    }
                    field.append('\n');
                    text = more;
                    i = 0;
                    continue;
                }
                fields.add(field.toString());
                break;
            }
            char c = text.charAt(i++);
            if (quoted) {
                if (c == '"') {
                    if (i < text.length() && text.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == separator) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        return fields.toArray(new String[0]);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "DelimitedReader[" + path + ", columns=" + Arrays.toString(names) + "]";
    }
}
