package org.rareset.core.table;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Writes a flat Parquet file (one optional column per schema column, strings as UTF-8 binary)
 * that pandas/pyarrow, polars and DuckDB read directly. Runs without Hadoop on the class path:
 * a local output file and {@link ParquetCodecs} for compression
 * (see docs/parquet.md).
 *
 * <p>Rows go straight to one {@link ParquetColumnEncoder} per column, which builds the data
 * pages; Parquet's own {@link ColumnChunkPageWriteStore} compresses them and keeps the page
 * index, and {@link ParquetFileWriter} lays out row groups and the footer. This skips Parquet's
 * record-assembly layer ({@code RecordConsumer}, {@code ColumnWriter}), which made several
 * virtual calls and a {@code Binary} per value: for a table this is what the output cost.
 */
public final class ParquetTableWriter extends AbstractTableWriter {
    public static final CompressionCodecName DEFAULT_CODEC = CompressionCodecName.SNAPPY;
    static final long ROW_GROUP_BYTES = 64 << 20;
    /** Rows between checks of the buffered row-group size (summing it costs a pass over the columns). */
    private static final int SIZE_CHECK_ROWS = 1024;

    private final MessageType type;
    private final Map<String, String> metadata;
    private final ParquetFileWriter out;
    private final BytesInputCompressor compressor;
    private final ParquetColumnEncoder[] columns;
    private ColumnChunkPageWriteStore pages;
    private long rowsInGroup;
    private int sinceCheck;
    private final long rowGroupBytes;

    public ParquetTableWriter(Path path, TableSchema schema) throws IOException {
        this(path, schema, DEFAULT_CODEC, Map.of());
    }

    public ParquetTableWriter(Path path, TableSchema schema, CompressionCodecName codec,
                              Map<String, String> keyValueMetadata) throws IOException {
        this(path, schema, codec, keyValueMetadata, ROW_GROUP_BYTES);
    }

    ParquetTableWriter(Path path, TableSchema schema, CompressionCodecName codec,
                       Map<String, String> keyValueMetadata, long rowGroupBytes) throws IOException {
        super(path, schema);
        this.type = messageType(schema);
        this.metadata = new HashMap<>(keyValueMetadata);
        this.rowGroupBytes = rowGroupBytes;
        this.compressor = ParquetCodecs.INSTANCE.getCompressor(codec);
        this.out = new ParquetFileWriter(new LocalOutputFile(file.temp()), type, ParquetFileWriter.Mode.OVERWRITE,
                rowGroupBytes, 0, null, ParquetProperties.builder().build());
        this.columns = new ParquetColumnEncoder[schema.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = ParquetColumnEncoder.of(type.getColumns().get(i), schema.column(i).type());
        }
        out.start();
        startRowGroup();
    }

    /** The Parquet message type for a table schema. */
    public static MessageType messageType(TableSchema schema) {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (Column c : schema.columns()) b.addField(fieldType(c));
        return b.named("schema");
    }

    private static Type fieldType(Column c) {
        switch (c.type()) {
            case STRING:
                return Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(c.name());
            case INT:
                return Types.optional(PrimitiveTypeName.INT32).named(c.name());
            case LONG:
                return Types.optional(PrimitiveTypeName.INT64).named(c.name());
            case DOUBLE:
                return Types.optional(PrimitiveTypeName.DOUBLE).named(c.name());
            case BOOLEAN:
                return Types.optional(PrimitiveTypeName.BOOLEAN).named(c.name());
            default:
                throw new IllegalArgumentException(c.toString());
        }
    }

    private void startRowGroup() {
        pages = new ColumnChunkPageWriteStore(compressor, type, HeapByteBufferAllocator.getInstance(),
                ParquetProperties.DEFAULT_COLUMN_INDEX_TRUNCATE_LENGTH, ParquetProperties.DEFAULT_PAGE_WRITE_CHECKSUM_ENABLED);
        for (int i = 0; i < columns.length; i++) columns[i].startChunk(pages.getPageWriter(type.getColumns().get(i)));
    }

    @Override
    protected void write(Object[] values) throws IOException {
        for (int i = 0; i < values.length; i++) columns[i].add(values[i]);
        rowEnded();
    }

    /** Takes the batch's primitive arrays as they are: no boxing on either thread. */
    @Override
    void writeBatch(RowBatch batch) {
        checkOpen();
        try {
            for (int r = 0; r < batch.size; r++) {
                for (int c = 0; c < columns.length; c++) columns[c].add(batch, c, r);
                rowEnded();
            }
        } catch (IOException e) {
            throw TableWriter.unchecked(path(), e);
        }
        countRows(batch.size);
    }

    private void rowEnded() throws IOException {
        rowsInGroup++;
        if (++sinceCheck == SIZE_CHECK_ROWS) {
            sinceCheck = 0;
            long buffered = 0;
            for (ParquetColumnEncoder c : columns) buffered += c.bufferedBytes();
            if (buffered >= rowGroupBytes) {
                flushRowGroup();
                startRowGroup();
            }
        }
    }

    private void flushRowGroup() throws IOException {
        if (rowsInGroup == 0) return;
        for (ParquetColumnEncoder c : columns) c.finishChunk();
        out.startBlock(rowsInGroup);
        pages.flushToFileWriter(out);
        out.endBlock();
        pages.close();
        rowsInGroup = 0;
    }

    @Override
    protected void finish() throws IOException {
        flushRowGroup();
        out.end(metadata);
    }

    @Override
    protected void closeQuietly() {
        try {
            out.close();
        } catch (IOException | RuntimeException ignored) {
            // The file is being discarded.
        }
    }
}
