package org.rareset.annotate.table;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Writes a flat Parquet file (one optional column per schema column, strings as UTF-8 binary)
 * that pandas/pyarrow, polars and DuckDB read directly. Runs without Hadoop on the class path:
 * a local output file, a plain configuration and {@link ParquetCodecs} for compression
 * (see docs/parquet.md).
 */
public final class ParquetTableWriter extends AbstractTableWriter {
    public static final CompressionCodecName DEFAULT_CODEC = CompressionCodecName.SNAPPY;
    private static final int ROW_GROUP_BYTES = 64 << 20;

    private final ParquetWriter<Object[]> writer;

    public ParquetTableWriter(Path path, TableSchema schema) throws IOException {
        this(path, schema, DEFAULT_CODEC, Map.of());
    }

    public ParquetTableWriter(Path path, TableSchema schema, CompressionCodecName codec,
                              Map<String, String> keyValueMetadata) throws IOException {
        super(path, schema);
        Builder b = new Builder(new LocalOutputFile(file.temp()), schema, keyValueMetadata)
                .withConf(new PlainParquetConfiguration())
                .withCodecFactory(ParquetCodecs.INSTANCE)
                .withCompressionCodec(codec)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withRowGroupSize(ROW_GROUP_BYTES)
                .withDictionaryEncoding(false)
                .withSizeStatisticsEnabled(false);
        // Dictionaries pay off for repetitive text (chrom, gene); for scores they cost time for
        // nothing. Min/max statistics are kept for numbers (readers prune row groups with them)
        // and left out for text, where comparing every value costs more than it saves.
        for (Column c : schema.columns()) {
            if (c.type() == ColumnType.STRING) {
                b = b.withDictionaryEncoding(c.name(), true).withStatisticsEnabled(c.name(), false);
            }
        }
        this.writer = b.build();
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

    @Override
    protected void write(Object[] values) throws IOException {
        writer.write(values);
    }

    @Override
    protected void finish() throws IOException {
        writer.close();
    }

    @Override
    protected void closeQuietly() {
        try {
            writer.close();
        } catch (IOException | RuntimeException ignored) {
            // The file is being discarded.
        }
    }

    private static final class Builder extends ParquetWriter.Builder<Object[], Builder> {
        private final TableSchema schema;
        private final Map<String, String> metadata;

        Builder(LocalOutputFile file, TableSchema schema, Map<String, String> metadata) {
            super(file);
            this.schema = schema;
            this.metadata = metadata;
        }

        @Override
        protected Builder self() { return this; }

        @Override
        protected WriteSupport<Object[]> getWriteSupport(ParquetConfiguration conf) {
            return new RowWriteSupport(schema, metadata);
        }

        /** Never called: {@link #withConf(ParquetConfiguration)} keeps Hadoop's Configuration out. */
        @Override
        protected WriteSupport<Object[]> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
            return new RowWriteSupport(schema, metadata);
        }
    }

    /** Sends one Object[] row to Parquet's record consumer; nulls are simply not written. */
    private static final class RowWriteSupport extends WriteSupport<Object[]> {
        private final TableSchema schema;
        private final MessageType type;
        private final Map<String, String> metadata;
        private RecordConsumer consumer;

        RowWriteSupport(TableSchema schema, Map<String, String> metadata) {
            this.schema = schema;
            this.type = messageType(schema);
            this.metadata = metadata;
        }

        @Override
        public WriteContext init(ParquetConfiguration configuration) {
            return new WriteContext(type, new HashMap<>(metadata));
        }

        @Override
        public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
            return new WriteContext(type, new HashMap<>(metadata));
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.consumer = recordConsumer;
        }

        @Override
        public void write(Object[] row) {
            consumer.startMessage();
            for (int i = 0; i < row.length; i++) {
                Object v = row[i];
                if (v == null) continue;
                String name = schema.column(i).name();
                consumer.startField(name, i);
                switch (schema.column(i).type()) {
                    case STRING -> consumer.addBinary(Binary.fromString((String) v));
                    case INT -> consumer.addInteger((Integer) v);
                    case LONG -> consumer.addLong((Long) v);
                    case DOUBLE -> consumer.addDouble((Double) v);
                    case BOOLEAN -> consumer.addBoolean((Boolean) v);
                    default -> throw new IllegalStateException();
                }
                consumer.endField(name, i);
            }
            consumer.endMessage();
        }
    }
}
