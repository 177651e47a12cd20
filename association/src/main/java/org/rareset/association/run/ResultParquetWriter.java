package org.rareset.association.run;

import java.nio.file.Path;
import java.util.List;
import org.rareset.annotate.InputException;

/** Results as Parquet, through the annotate module's table writers. */
final class ResultParquetWriter {
    private ResultParquetWriter() {}

    static void write(Path out, List<ResultRow> rows) {
        throw InputException.of(out, "Parquet output is not available in this build", "name the output .tsv or .tsv.gz");
    }
}
