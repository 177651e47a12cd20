package org.rareset.core.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.parquet.HadoopFreeReadOptions;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.internal.column.columnindex.ColumnIndex;
import org.apache.parquet.internal.column.columnindex.OffsetIndex;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;

/**
 * The page encodings {@link ParquetColumnEncoder} chooses, each read back through Parquet's own
 * low-level column readers ({@link ParquetRoundTripTest#readWithColumnReaders}), with the file
 * metadata checked to show the path was taken: pages with and without missing values, numbers
 * and booleans across pages, text with a dictionary, text falling back to PLAIN within a chunk
 * (mixed pages), text that stays PLAIN in later row groups, and statistics and page indexes.
 */
@Tag("slow")
class ParquetColumnEncoderTest {
    @TempDir Path dir;

    static final TableSchema SCHEMA = TableSchema.of(Column.string("gene"), Column.string("id"), Column.integer("i"),
            Column.int64("l"), Column.float64("x"), Column.bool("b"), Column.string("sparse"));

    /** Row {@code i}: repetitive text, distinct text, numbers, a boolean; some columns with missing runs. */
    static Object[] row(int i) {
        return new Object[] {
                "GENE" + (i / 1000),                            // long runs, few values: dictionary
                "chr1:" + i + ":A:ü" + (i * 7919L),             // all distinct, non-ASCII: PLAIN
                i % 13 == 0 ? null : i - 30_000,                // scattered nulls, negatives
                (long) i * 1_000_003L - (1L << 40),
                i % 5 == 0 ? null : Math.sin(i) * 1e3,
                i % 3 == 1 ? null : (Boolean) (i % 7 < 3),
                i < 25_000 || i % 2 == 0 ? null : "s" + (i % 3), // a page that is all null, then half
        };
    }

    private Path write(String name, int n, long rowGroupBytes) throws IOException {
        Path p = dir.resolve(name);
        ParquetTableWriter w = new ParquetTableWriter(p, SCHEMA, CompressionCodecName.SNAPPY, Map.of(), rowGroupBytes);
        for (int i = 0; i < n; i++) w.writeRow(row(i));
        w.close();
        return p;
    }

    private static ParquetMetadata footer(Path p) throws IOException {
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(p), HadoopFreeReadOptions.create(ParquetCodecs.INSTANCE))) {
            return r.getFooter();
        }
    }

    private static void assertRowsReadBack(Path p, int n) throws IOException {
        List<Object[]> rows = ParquetRoundTripTest.readWithColumnReaders(p, CompressionCodecName.SNAPPY);
        assertEquals(n, rows.size());
        for (int i = 0; i < n; i++) assertArrayEquals(row(i), rows.get(i), "row " + i);
    }

    @Test
    void oneRowGroupManyPagesReadsBackExactly() throws IOException {
        int n = 50_123; // 3 pages per column (20,000-row pages), the last one partial
        Path p = write("one.parquet", n, ParquetTableWriter.ROW_GROUP_BYTES);
        assertRowsReadBack(p, n);
        ParquetMetadata f = footer(p);
        assertEquals(1, f.getBlocks().size());
        Map<String, ColumnChunkMetaData> c = columns(f.getBlocks().get(0));
        assertTrue(c.get("gene").hasDictionaryPage(), "repetitive text is dictionary-encoded");
        assertTrue(c.get("gene").getEncodings().contains(Encoding.PLAIN_DICTIONARY));
        assertFalse(c.get("id").hasDictionaryPage(), "distinct text falls back to PLAIN");
        assertEquals(Set.of(Encoding.PLAIN, Encoding.RLE, Encoding.BIT_PACKED), c.get("id").getEncodings());
        assertTrue(c.get("sparse").hasDictionaryPage());
    }

    @Test
    void rowsHandedOverInBatchesReadBackExactly() throws IOException {
        // The background writer passes primitive column arrays (RowBatch) straight to the
        // encoders; rows given whole and rows given with the typed setters (including ones that
        // widen: an int into a LONG column) must come out the same.
        int n = AsyncTableWriter.BATCH * 12 + 5;
        Path whole = dir.resolve("whole.parquet");
        Path setters = dir.resolve("setters.parquet");
        TableWriter a = new AsyncTableWriter(new ParquetTableWriter(whole, SCHEMA));
        TableWriter b = new AsyncTableWriter(new ParquetTableWriter(setters, SCHEMA));
        for (int i = 0; i < n; i++) {
            Object[] r = row(i);
            a.writeRow(r);
            if (r[0] != null) b.setString(0, (String) r[0]);
            b.setString(1, (String) r[1]);
            if (r[2] != null) b.setInt(2, (Integer) r[2]);
            if (i % 2 == 0) b.setInt(3, 0); // overwritten below: the last value set counts
            b.setLong(3, (Long) r[3]);
            b.setDouble(4, r[4] == null ? Double.NaN : (Double) r[4]);
            if (r[5] != null) b.setBoolean(5, (Boolean) r[5]);
            b.setString(6, "set then cleared");
            if (r[6] == null) b.setNull(6); else b.setString(6, (String) r[6]);
            b.endRow();
        }
        a.close();
        b.close();
        assertEquals(n, a.rowsWritten());
        assertRowsReadBack(whole, n);
        assertRowsReadBack(setters, n);
    }

    @Test
    void numericStatisticsAndPageIndexMatchTheValues() throws IOException {
        int n = 50_123;
        Path p = write("stats.parquet", n, ParquetTableWriter.ROW_GROUP_BYTES);
        ParquetMetadata f = footer(p);
        Map<String, ColumnChunkMetaData> c = columns(f.getBlocks().get(0));
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        long nullX = 0;
        long nullI = 0;
        for (int i = 0; i < n; i++) {
            Object[] r = row(i);
            if (r[4] == null) {
                nullX++;
            } else {
                minX = Math.min(minX, (Double) r[4]);
                maxX = Math.max(maxX, (Double) r[4]);
            }
            if (r[2] == null) nullI++;
        }
        Statistics<?> x = c.get("x").getStatistics();
        assertEquals(minX, (Double) x.genericGetMin());
        assertEquals(maxX, (Double) x.genericGetMax());
        assertEquals(nullX, x.getNumNulls());
        Statistics<?> i = c.get("i").getStatistics();
        assertEquals(-30_000 + 1, (Integer) i.genericGetMin()); // row 0 is missing (0 % 13 == 0)
        assertEquals(n - 1 - 30_000, (Integer) i.genericGetMax());
        assertEquals(nullI, i.getNumNulls());
        Statistics<?> b = c.get("b").getStatistics();
        assertEquals(false, b.genericGetMin());
        assertEquals(true, b.genericGetMax());
        assertTrue(c.get("gene").getStatistics().isEmpty(), "no statistics for text, as before");

        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(p), HadoopFreeReadOptions.create(ParquetCodecs.INSTANCE))) {
            OffsetIndex offsets = r.readOffsetIndex(c.get("l"));
            assertEquals(3, offsets.getPageCount());
            assertEquals(0, offsets.getFirstRowIndex(0));
            assertEquals(ParquetColumnEncoder.PAGE_ROWS, offsets.getFirstRowIndex(1));
            assertEquals(2L * ParquetColumnEncoder.PAGE_ROWS, offsets.getFirstRowIndex(2));
            ColumnIndex sparse = r.readColumnIndex(c.get("l"));
            assertEquals(List.of(false, false, false), sparse.getNullPages());
        }
    }

    @Test
    void severalRowGroupsReadBackAndDistinctTextStaysPlain() throws IOException {
        int n = 90_000;
        Path p = write("groups.parquet", n, 1 << 20); // ~1 MiB row groups: several of them
        assertRowsReadBack(p, n);
        ParquetMetadata f = footer(p);
        assertTrue(f.getBlocks().size() >= 3, "row groups: " + f.getBlocks().size());
        long rows = 0;
        for (BlockMetaData b : f.getBlocks()) {
            rows += b.getRowCount();
            Map<String, ColumnChunkMetaData> c = columns(b);
            assertFalse(c.get("id").hasDictionaryPage());
            assertTrue(c.get("gene").hasDictionaryPage());
        }
        assertEquals(n, rows);
    }

    @Test
    void dictionaryOutgrowingItsLimitMidChunkLeavesMixedPagesThatReadBack() throws IOException {
        // Each page has 1,000 distinct values of its own, so the first page keeps the dictionary;
        // later pages add theirs until the dictionary passes 1 MiB and the chunk goes PLAIN.
        TableSchema s = TableSchema.of(Column.string("t"));
        Path p = dir.resolve("mixed.parquet");
        int n = 12 * ParquetColumnEncoder.PAGE_ROWS;
        ParquetTableWriter w = new ParquetTableWriter(p, s, CompressionCodecName.SNAPPY, Map.of(), ParquetTableWriter.ROW_GROUP_BYTES);
        for (int i = 0; i < n; i++) w.writeRow(mixedValue(i));
        w.close();
        List<Object[]> rows = ParquetRoundTripTest.readWithColumnReaders(p, CompressionCodecName.SNAPPY);
        assertEquals(n, rows.size());
        for (int i = 0; i < n; i++) assertEquals(mixedValue(i), rows.get(i)[0], "row " + i);
        ColumnChunkMetaData c = footer(p).getBlocks().get(0).getColumns().get(0);
        assertTrue(c.hasDictionaryPage());
        assertTrue(c.getEncodings().containsAll(Set.of(Encoding.PLAIN_DICTIONARY, Encoding.PLAIN)), c.getEncodings().toString());
    }

    private static String mixedValue(int i) {
        return (i / ParquetColumnEncoder.PAGE_ROWS) + "-" + (i * 7919 % 1000) + "-" + "x".repeat(100);
    }

    @Test
    void allMissingAndSingleValueColumnsReadBack() throws IOException {
        TableSchema s = TableSchema.of(Column.string("none"), Column.string("one"), Column.float64("nx"), Column.bool("nb"));
        Path p = dir.resolve("edge.parquet");
        int n = 21_000;
        ParquetTableWriter w = new ParquetTableWriter(p, s, CompressionCodecName.SNAPPY, Map.of(), ParquetTableWriter.ROW_GROUP_BYTES);
        for (int i = 0; i < n; i++) w.writeRow(null, "same", null, i == n - 1 ? Boolean.TRUE : null);
        w.close();
        List<Object[]> rows = ParquetRoundTripTest.readWithColumnReaders(p, CompressionCodecName.SNAPPY);
        assertEquals(n, rows.size());
        for (int i = 0; i < n; i++) {
            assertArrayEquals(new Object[] {null, "same", null, i == n - 1 ? Boolean.TRUE : null}, rows.get(i), "row " + i);
        }
        Statistics<?> nx = columns(footer(p).getBlocks().get(0)).get("nx").getStatistics();
        assertEquals(n, nx.getNumNulls());
        assertFalse(nx.hasNonNullValue());
    }

    @Test
    void emptyTableIsAValidFileWithNoRows() throws IOException {
        Path p = dir.resolve("empty.parquet");
        new ParquetTableWriter(p, SCHEMA).close();
        assertEquals(0, ParquetRoundTripTest.readWithColumnReaders(p, CompressionCodecName.SNAPPY).size());
        assertEquals(new TreeSet<>(SCHEMA.names()), new TreeSet<>(footer(p).getFileMetaData().getSchema().getFields().stream()
                .map(t -> t.getName()).toList()));
    }

    private static Map<String, ColumnChunkMetaData> columns(BlockMetaData b) {
        Map<String, ColumnChunkMetaData> m = new HashMap<>();
        for (ColumnChunkMetaData c : b.getColumns()) m.put(c.getPath().toDotString(), c);
        return m;
    }
}
