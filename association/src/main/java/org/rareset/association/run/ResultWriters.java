package org.rareset.association.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Picks the results format from the file name: {@code .parquet} or tab-separated text (gzipped for {@code .gz}). */
public final class ResultWriters {
    private ResultWriters() {}

    public static void write(Path out, List<ResultRow> rows) throws IOException {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".parquet") || name.endsWith(".pq")) {
            ResultParquetWriter.write(out, rows);
        } else {
            ResultTsvWriter.write(out, rows);
        }
    }
}
