package org.rareset.core.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.HadoopFreeReadOptions;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rareset.core.InputException;

public class ParquetRoundTripTest {
    @TempDir Path dir;

    static final TableSchema SCHEMA = TableSchema.of(Column.string("chrom"), Column.integer("pos"),
            Column.int64("big"), Column.float64("score"), Column.bool("flag"));

    static final Object[][] ROWS = {
            {"chr1", 12345, 1L << 40, 0.5, true},
            {"1", null, -7L, null, false},
            {null, -1, null, 1e-300, null},
            {"ünïcode, \"quoted\"", Integer.MAX_VALUE, Long.MIN_VALUE, -Double.MAX_VALUE, true},
    };

    private Path writeSample(String name, CompressionCodecName codec) throws IOException {
        Path p = dir.resolve(name);
        ParquetTableWriter w = new ParquetTableWriter(p, SCHEMA, codec, Map.of("source", "test"));
        for (Object[] row : ROWS) w.writeRow(row);
        w.close();
        return p;
    }

    @ParameterizedTest
    @EnumSource(value = CompressionCodecName.class, names = {"SNAPPY", "ZSTD", "GZIP", "UNCOMPRESSED"})
    void independentColumnReaderSeesWhatWasWritten(CompressionCodecName codec) throws IOException {
        Path p = writeSample("t.parquet", codec);
        List<Object[]> rows = readWithColumnReaders(p, codec);
        assertEquals(ROWS.length, rows.size());
        for (int i = 0; i < ROWS.length; i++) assertArrayEquals(ROWS[i], rows.get(i), "row " + i);
    }

    @Test
    void schemaHasParquetTypesThatPandasUnderstands() throws IOException {
        Path p = writeSample("t.parquet", CompressionCodecName.SNAPPY);
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(p), options())) {
            MessageType t = r.getFooter().getFileMetaData().getSchema();
            assertEquals(PrimitiveTypeName.BINARY, t.getType("chrom").asPrimitiveType().getPrimitiveTypeName());
            assertEquals(LogicalTypeAnnotation.stringType(), t.getType("chrom").getLogicalTypeAnnotation());
            assertEquals(PrimitiveTypeName.INT32, t.getType("pos").asPrimitiveType().getPrimitiveTypeName());
            assertEquals(PrimitiveTypeName.INT64, t.getType("big").asPrimitiveType().getPrimitiveTypeName());
            assertEquals(PrimitiveTypeName.DOUBLE, t.getType("score").asPrimitiveType().getPrimitiveTypeName());
            assertEquals(PrimitiveTypeName.BOOLEAN, t.getType("flag").asPrimitiveType().getPrimitiveTypeName());
            assertEquals("test", r.getFooter().getFileMetaData().getKeyValueMetaData().get("source"));
            assertEquals(ROWS.length, r.getRecordCount());
        }
    }

    @Test
    void tableReaderReadsTypedValuesBack() throws IOException {
        Path p = writeSample("t.parquet", CompressionCodecName.SNAPPY);
        try (TableReader r = TableReaders.open(p)) {
            assertEquals(SCHEMA, ((ParquetTableReader) r).schema());
            List<Row> rows = new ArrayList<>();
            r.forEach(rows::add);
            assertEquals(4, rows.size());
            Row a = rows.get(0);
            assertEquals("chr1", a.getString(0));
            assertEquals(12345, a.getInt(1));
            assertEquals(1L << 40, a.getLong(2));
            assertEquals(0.5, a.getDouble(3));
            assertEquals(1.0, a.getDouble(4));
            Row b = rows.get(1);
            assertTrue(b.isMissing(1));
            assertTrue(Double.isNaN(b.getDouble(3)));
            assertNull(rows.get(2).getString(0));
            assertEquals(1e-300, rows.get(2).getDouble(3));
            assertEquals(3, rows.get(2).lineNumber());
            InputException e = assertThrows(InputException.class, () -> b.getInt(1));
            assertTrue(e.getMessage().contains("row 2"), e.getMessage());
            assertEquals(Integer.MAX_VALUE, rows.get(3).getInt(1));
        }
    }

    @Test
    void writesManyRowsAcrossPagesWithDictionaryStrings() throws IOException {
        Path p = dir.resolve("big.parquet");
        int n = 60_000; // several pages (20,000-row page limit) per column
        TableSchema s = TableSchema.of(Column.string("gene"), Column.integer("i"), Column.float64("x"));
        TableWriters.write(p, s, w -> {
            for (int i = 0; i < n; i++) {
                w.setString(0, "GENE" + (i % 100));
                w.setInt(1, i);
                if (i % 7 != 0) w.setDouble(2, i * 0.25);
                w.endRow();
            }
        });
        List<Object[]> rows = readWithColumnReaders(p, CompressionCodecName.SNAPPY);
        assertEquals(n, rows.size());
        for (int i = 0; i < n; i += 97) {
            assertEquals("GENE" + (i % 100), rows.get(i)[0]);
            assertEquals(i, rows.get(i)[1]);
            assertEquals(i % 7 == 0 ? null : i * 0.25, rows.get(i)[2]);
        }
        long count = 0;
        try (TableReader r = TableReaders.open(p)) {
            for (Row row : r) {
                assertEquals(count, row.getLong(1));
                count++;
            }
        }
        assertEquals(n, count);
    }

    @Test
    void abortedOrFailedWriteLeavesNoFile() throws IOException {
        Path p = dir.resolve("half.parquet");
        assertThrows(IllegalStateException.class, () -> TableWriters.write(p, SCHEMA, w -> {
            w.writeRow(ROWS[0]);
            throw new IllegalStateException("boom");
        }));
        assertFalse(Files.exists(p));
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void rejectsValueOfWrongType() throws IOException {
        TableWriter w = TableWriters.open(dir.resolve("x.parquet"), SCHEMA);
        assertThrows(IllegalArgumentException.class, () -> w.writeRow("a", "notAnInt", 1L, 1.0, true));
        w.abort();
    }

    @Test
    void notParquetIsAnInputError() throws IOException {
        Path p = dir.resolve("fake.parquet");
        Files.writeString(p, "chrom\tpos\n1\t2\n");
        InputException e = assertThrows(InputException.class, () -> TableReaders.open(p));
        assertTrue(e.getMessage().contains("fake.parquet"), e.getMessage());
    }

    private static ParquetReadOptions options() {
        return HadoopFreeReadOptions.create(ParquetCodecs.INSTANCE);
    }

    /**
     * Reads the file with Parquet's low-level column readers (no record assembly, no RareSet
     * reader code), checking definition levels for nulls. An independent path to the values.
     */
    public static List<Object[]> readWithColumnReaders(Path p, CompressionCodecName expectedCodec) throws IOException {
        List<Object[]> out = new ArrayList<>();
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(p), options())) {
            MessageType schema = r.getFooter().getFileMetaData().getSchema();
            for (var block : r.getFooter().getBlocks()) {
                for (ColumnChunkMetaData c : block.getColumns()) assertEquals(expectedCodec, c.getCodec());
            }
            PageReadStore pages;
            while ((pages = r.readNextRowGroup()) != null) {
                int n = (int) pages.getRowCount();
                Object[][] rows = new Object[n][schema.getFieldCount()];
                ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages, new NoopGroup(schema.getFieldCount()), schema,
                        r.getFooter().getFileMetaData().getCreatedBy());
                for (int c = 0; c < schema.getFieldCount(); c++) {
                    ColumnDescriptor d = schema.getColumns().get(c);
                    ColumnReader cr = store.getColumnReader(d);
                    for (int i = 0; i < n; i++) {
                        if (cr.getCurrentDefinitionLevel() == d.getMaxDefinitionLevel()) {
                            rows[i][c] = switch (d.getPrimitiveType().getPrimitiveTypeName()) {
                                case BINARY -> cr.getBinary().toStringUsingUTF8();
                                case INT32 -> cr.getInteger();
                                case INT64 -> cr.getLong();
                                case DOUBLE -> cr.getDouble();
                                case BOOLEAN -> cr.getBoolean();
                                default -> throw new AssertionError(d);
                            };
                        }
                        cr.consume();
                    }
                }
                out.addAll(List.of(rows));
            }
        }
        return out;
    }

    /** ColumnReadStoreImpl wants a converter tree; the column readers are used directly instead. */
    private static final class NoopGroup extends GroupConverter {
        private final int n;

        NoopGroup(int n) { this.n = n; }

        @Override
        public Converter getConverter(int i) {
            return new PrimitiveConverter() {
                @Override public void addBinary(Binary value) {}
            };
        }

        @Override public void start() {}
        @Override public void end() {}
    }
}
