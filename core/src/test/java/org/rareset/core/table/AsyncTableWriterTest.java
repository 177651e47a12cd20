package org.rareset.core.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsyncTableWriterTest {
    @TempDir Path dir;

    static final TableSchema SCHEMA = TableSchema.of(Column.string("k"), Column.integer("i"), Column.float64("x"));

    @Test
    void rowsArriveInOrderAcrossBatches() {
        for (String name : new String[] {"a.parquet", "a.tsv"}) {
            Path p = dir.resolve(name);
            int n = AsyncTableWriter.BATCH * 3 + 17;
            TableWriter w = new AsyncTableWriter(TableWriters.open(p, SCHEMA));
            for (int i = 0; i < n; i++) {
                w.setString(0, "k" + i);
                w.setInt(1, i);
                w.setDouble(2, i % 5 == 0 ? Double.NaN : i / 4.0);
                w.endRow();
            }
            w.close();
            int i = 0;
            try (TableReader r = TableReaders.open(p)) {
                for (Row row : r) {
                    assertEquals("k" + i, row.getString(0));
                    assertEquals(i, row.getInt(1));
                    assertEquals(i % 5 == 0, row.isMissing(2), name + " row " + i);
                    if (i % 5 != 0) assertEquals(i / 4.0, row.getDouble(2));
                    i++;
                }
            }
            assertEquals(n, i);
        }
    }

    @Test
    void batchedTextIsByteForByteWhatTheDirectWriterWrites() throws IOException {
        // The background thread formats the batch's primitive arrays itself; the text must not
        // differ from rows written one by one (integral doubles, -0.0, booleans, longs, NA, quoting).
        TableSchema s = TableSchema.of(Column.string("k"), Column.integer("i"), Column.int64("l"), Column.float64("x"),
                Column.bool("b"));
        Object[][] rows = {
                {"a", 1, 1L << 40, 3.0, true}, {"b,\"q\"", -2, -5L, -0.0, false}, {null, null, null, null, null},
                {"c", Integer.MIN_VALUE, Long.MAX_VALUE, 1e-300, true}, {"d", 0, 0L, Double.POSITIVE_INFINITY, null},
                {"e", 7, 7L, 0.1 + 0.2, false}};
        for (String name : new String[] {"t.tsv", "t.csv"}) {
            Path direct = dir.resolve("direct-" + name);
            Path batched = dir.resolve("batched-" + name);
            TableWriter d = TableWriters.open(direct, s);
            TableWriter b = new AsyncTableWriter(TableWriters.open(batched, s));
            for (int k = 0; k < AsyncTableWriter.BATCH + 3; k++) {
                for (Object[] r : rows) {
                    d.writeRow(r);
                    b.writeRow(r);
                }
            }
            d.close();
            b.close();
            assertEquals(Files.readString(direct), Files.readString(batched), name);
        }
    }

    @Test
    void wrongTypeFailsOnTheCallersThread() throws IOException {
        Path p = dir.resolve("bad.parquet");
        TableWriter w = new AsyncTableWriter(TableWriters.open(p, SCHEMA));
        w.setString(0, "ok");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.setString(1, "not an int"));
        assertTrue(e.getMessage().contains("column i is INT"), e.getMessage());
        w.abort();
        assertFalse(Files.exists(p));
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void failureOnTheWritingThreadSurfacesAtCloseAndLeavesNoFile() throws IOException {
        Path p = dir.resolve("bad.tsv");
        TableWriter w = new AsyncTableWriter(TableWriters.open(p, SCHEMA));
        w.setString(0, "tab\tinside"); // TSV cannot hold it: the writing thread fails
        w.endRow();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, w::close);
        assertTrue(e.getMessage().contains("tab or line break"), e.getMessage());
        assertFalse(Files.exists(p));
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }
}
