package org.rareset.core.table;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Tab- or comma-separated text with a header line; missing values are written as {@code NA}
 * (read back as missing by pandas, R and {@link DelimitedReader}). CSV fields holding the
 * separator, a quote or a line break are quoted as RFC 4180 says. A table with no rows ends with
 * {@link EmptyTable#MARKER}, so that it can be told from a table cut down to its header.
 */
public final class DelimitedWriter extends AbstractTableWriter {
    public static final String MISSING = "NA";

    private final char separator;
    private final Writer out;
    private final StringBuilder line = new StringBuilder(256);

    public DelimitedWriter(Path path, TableSchema schema, char separator, boolean gzip) throws IOException {
        super(path, schema);
        this.separator = separator;
        OutputStream os = Files.newOutputStream(file.temp(), java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE);
        if (gzip) os = new GZIPOutputStream(os, 1 << 16);
        this.out = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
        for (int i = 0; i < schema.size(); i++) {
            if (i > 0) line.append(separator);
            appendText(schema.column(i).name());
        }
        line.append('\n');
        out.append(line);
        line.setLength(0);
    }

    @Override
    protected void write(Object[] values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) line.append(separator);
            Object v = values[i];
            if (v == null) line.append(MISSING);
            else if (v instanceof String s) appendText(s);
            else if (v instanceof Double d) appendDouble(d);
            else line.append(v);
        }
        endLine();
    }

    /** Formats the batch's primitive arrays directly (no boxing), exactly as {@link #write} would. */
    @Override
    void writeBatch(RowBatch batch) {
        checkOpen();
        try {
            for (int r = 0; r < batch.size; r++) {
                for (int c = 0; c < batch.types.length; c++) {
                    if (c > 0) line.append(separator);
                    if (!batch.present[c][r]) {
                        line.append(MISSING);
                        continue;
                    }
                    switch (batch.types[c]) {
                        case STRING -> appendText(batch.strings[c][r]);
                        case DOUBLE -> appendDouble(batch.doubles[c][r]);
                        case BOOLEAN -> line.append(batch.longs[c][r] != 0);
                        default -> line.append(batch.longs[c][r]);
                    }
                }
                endLine();
            }
        } catch (IOException e) {
            throw TableWriter.unchecked(path(), e);
        }
        countRows(batch.size);
    }

    private void endLine() throws IOException {
        line.append('\n');
        out.append(line);
        line.setLength(0);
    }

    /** Integral doubles print without a fraction (3 not 3.0), others in Java's shortest round-trip form. */
    private void appendDouble(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) line.append((long) d);
        else if (Double.isInfinite(d)) line.append(d > 0 ? "inf" : "-inf");
        else line.append(d);
    }

    private void appendText(String s) {
        if (separator == '\t') {
            if (s.indexOf('\t') >= 0 || s.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("value holds a tab or line break: " + s);
            }
            line.append(s);
            return;
        }
        boolean quote = false;
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == separator || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            line.append(s);
            return;
        }
        line.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') line.append('"');
            line.append(c);
        }
        line.append('"');
    }

    @Override
    protected void finish() throws IOException {
        if (rowsWritten() == 0) out.append(EmptyTable.MARKER).append('\n');
        out.close();
    }

    @Override
    protected void closeQuietly() {
        try {
            out.close();
        } catch (IOException ignored) {
            // The file is being discarded.
        }
    }
}
