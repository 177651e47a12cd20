package org.rareset.core.table;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import org.rareset.core.InputException;

/**
 * Opens a table writer chosen by the file name: {@code .parquet} Parquet (Snappy),
 * {@code .tsv}/{@code .txt} TSV, {@code .tsv.gz}/{@code .txt.gz} gzipped TSV, {@code .csv}
 * (or {@code .csv.gz}) CSV.
 */
public final class TableWriters {
    private TableWriters() {}

    public enum Format { PARQUET, TSV, TSV_GZ, CSV, CSV_GZ }

    public static Format formatOf(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".parquet") || name.endsWith(".pq")) return Format.PARQUET;
        if (name.endsWith(".tsv.gz") || name.endsWith(".txt.gz") || name.endsWith(".tsv.bgz")) return Format.TSV_GZ;
        if (name.endsWith(".tsv") || name.endsWith(".txt")) return Format.TSV;
        if (name.endsWith(".csv.gz")) return Format.CSV_GZ;
        if (name.endsWith(".csv")) return Format.CSV;
        throw InputException.of(path, "cannot tell the table format from the file name",
                "use .parquet, .tsv, .tsv.gz, .txt or .csv");
    }

    public static TableWriter open(Path path, TableSchema schema) {
        Format format = formatOf(path);
        try {
            return switch (format) {
                case PARQUET -> new ParquetTableWriter(path, schema);
                case TSV -> new DelimitedWriter(path, schema, '\t', false);
                case TSV_GZ -> new DelimitedWriter(path, schema, '\t', true);
                case CSV -> new DelimitedWriter(path, schema, ',', false);
                case CSV_GZ -> new DelimitedWriter(path, schema, ',', true);
            };
        } catch (IOException e) {
            InputException fixable = org.rareset.core.output.WriteFailure.of(path, e);
            if (fixable != null) throw fixable;
            throw InputException.of(path, "cannot create: " + e.getMessage(), "check the folder exists and is writable");
        }
    }

    /**
     * Writes a table with {@code body}; commits only if it returns normally, so an exception
     * leaves no file behind (try-with-resources would commit a partial table before the catch).
     */
    public static long write(Path path, TableSchema schema, Consumer<TableWriter> body) {
        TableWriter w = open(path, schema);
        try {
            body.accept(w);
        } catch (RuntimeException | Error e) {
            w.abort();
            throw e;
        }
        w.close();
        return w.rowsWritten();
    }
}
