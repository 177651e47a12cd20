package org.rareset.core.table;

import java.nio.file.Path;
import java.util.Locale;

/** Opens a table for reading by its file name: {@code .parquet} as Parquet, anything else as text. */
public final class TableReaders {
    private TableReaders() {}

    public static TableReader open(Path path) {
        return open(path, ReadOptions.defaults());
    }

    public static TableReader open(Path path, ReadOptions options) {
        if (isParquet(path)) return new ParquetTableReader(path);
        return new DelimitedReader(path, options);
    }

    public static boolean isParquet(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".parquet") || name.endsWith(".pq");
    }
}
