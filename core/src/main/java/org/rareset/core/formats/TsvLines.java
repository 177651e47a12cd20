package org.rareset.core.formats;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.zip.GZIPOutputStream;
import org.rareset.core.output.OutputFiles;
import org.rareset.core.table.EmptyTable;

/**
 * Writes rows as tab-separated text (gzipped when the name ends in {@code .gz}), atomically: the
 * shared skeleton of the gene-result ({@link ResultFile}) and single-variant text writers, which
 * differ only in columns.
 * A table with no rows ends with {@link EmptyTable#MARKER}.
 */
public final class TsvLines {
    private TsvLines() {}

    /** Writes the header, then each row as formatted by {@code formatRow} (which appends the line, newline included). */
    public static <T> void write(Path out, String[] header, List<T> rows, BiConsumer<T, StringBuilder> formatRow)
            throws IOException {
        OutputFiles.write(out, tmp -> {
            try (OutputStream raw = Files.newOutputStream(tmp);
                 OutputStream os = out.toString().endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : raw;
                 BufferedWriter w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16)) {
                w.write(String.join("\t", header));
                w.write('\n');
                StringBuilder sb = new StringBuilder(160);
                for (T row : rows) {
                    sb.setLength(0);
                    formatRow.accept(row, sb);
                    w.append(sb);
                }
                if (rows.isEmpty()) w.write(EmptyTable.MARKER + "\n");
            }
        });
    }
}
