package org.rareset.association.input;

import java.nio.file.Path;
import org.rareset.annotate.InputException;

/** Parquet tables, read through the annotate module's table readers. */
final class ParquetTables {
    private ParquetTables() {}

    static TextTable read(Path file) {
        throw InputException.of(file, "Parquet input is not available in this build", "convert the table to TSV");
    }
}
