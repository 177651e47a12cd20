package org.rareset.association.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Picks the results format from the file name: {@code .parquet} or tab-separated text (gzipped for {@code .gz}). */
public final class ResultWriters {
    private ResultWriters() {}

    public static void write(Path out, List<ResultRow> rows) throws IOException {
        write(out, rows, GeneInfo.Lookup.NONE);
    }

    /** @param genes fills {@code gene_name chrom start end} (NA where it knows nothing) */
    public static void write(Path out, List<ResultRow> rows, GeneInfo.Lookup genes) throws IOException {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".parquet") || name.endsWith(".pq")) {
            ResultParquetWriter.write(out, rows, genes);
        } else {
            ResultTsvWriter.write(out, rows, genes);
        }
    }
}
