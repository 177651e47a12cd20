package org.rareset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.core.table.Column;
import org.rareset.core.table.Row;
import org.rareset.core.table.TableReader;
import org.rareset.core.table.TableReaders;
import org.rareset.core.table.TableSchema;
import org.rareset.core.table.TableWriters;

/**
 * The application's class path (this module's, like the shaded jar's) has no Hadoop: Parquet
 * must still write and read. Guards against a Hadoop class creeping into the Parquet code path.
 */
class ParquetWithoutHadoopTest {
    @TempDir Path dir;

    @Test
    void parquetWritesAndReadsWithNoHadoopOnTheClassPath() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.apache.hadoop.conf.Configuration"));
        Path p = dir.resolve("t.parquet");
        TableSchema s = TableSchema.of(Column.string("chrom"), Column.integer("pos"), Column.float64("x"));
        TableWriters.write(p, s, w -> {
            for (int i = 0; i < 1000; i++) w.writeRow("chr1", i, i % 3 == 0 ? null : i * 0.5);
        });
        double sum = 0;
        int n = 0;
        try (TableReader r = TableReaders.open(p)) {
            for (Row row : r) {
                n++;
                if (!row.isMissing(2)) sum += row.getDouble(2);
            }
        }
        assertEquals(1000, n);
        // sum over i in [0,1000) not divisible by 3 of i/2 = (499500 - 166833) / 2
        assertEquals(166333.5, sum, 0.0);
    }
}
