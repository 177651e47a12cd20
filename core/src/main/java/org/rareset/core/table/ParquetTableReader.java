package org.rareset.core.table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.parquet.HadoopFreeReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.rareset.core.InputException;

/**
 * Streams the rows of a flat Parquet file (pandas/pyarrow, polars, DuckDB or our own writer)
 * as {@link Row}s, without Hadoop at run time: Parquet's file reader and record assembly
 * ({@code MessageColumnIO}) driven directly rather than through the Hadoop-bound
 * {@code ParquetReader} (see docs/parquet.md). INT32 columns read as INT, INT64 as LONG,
 * FLOAT/DOUBLE as DOUBLE, BOOLEAN as BOOLEAN and BINARY as STRING; nested columns are refused.
 */
public final class ParquetTableReader implements TableReader {
    private final Path path;
    private final TableSchema schema;
    private final ParquetFileReader reader;
    private final MessageType fileSchema;
    private final MessageColumnIO columnIO;
    private final RowMaterializer materializer;
    private RecordReader<Object[]> records;
    private long rowsLeftInGroup;
    private long rowNumber;
    private Object[] next;
    private boolean done;

    public ParquetTableReader(Path path) {
        this.path = path;
        if (!Files.isRegularFile(path)) throw InputException.of(path, "file not found", "check the path");
        try {
            this.reader = new ParquetFileReader(new LocalInputFile(path),
                    HadoopFreeReadOptions.create(ParquetCodecs.INSTANCE));
        } catch (IOException | RuntimeException e) {
            throw new InputException(path.toString(), null, "cannot read as Parquet: " + e.getMessage(),
                    "is it a Parquet file?", e);
        }
        FileMetaData meta = reader.getFooter().getFileMetaData();
        try {
            this.fileSchema = meta.getSchema();
            this.schema = tableSchema(path, fileSchema);
        } catch (InputException e) {
            closeQuietly();
            throw e;
        }
        this.columnIO = new ColumnIOFactory(meta.getCreatedBy()).getColumnIO(fileSchema);
        this.materializer = new RowMaterializer(schema, fileSchema);
    }

    /** The columns and their types as this reader returns them. */
    public TableSchema schema() { return schema; }

    @Override public Path path() { return path; }
    @Override public List<String> columns() { return schema.names(); }

    static TableSchema tableSchema(Path path, MessageType type) {
        List<Column> columns = new ArrayList<>();
        for (Type field : type.getFields()) {
            if (!field.isPrimitive() || field.isRepetition(Type.Repetition.REPEATED)) {
                throw InputException.of(path, "column '" + field.getName() + "' is nested or repeated",
                        "only flat tables are supported; flatten it first");
            }
            PrimitiveType p = field.asPrimitiveType();
            ColumnType t = switch (p.getPrimitiveTypeName()) {
                case INT32 -> ColumnType.INT;
                case INT64 -> ColumnType.LONG;
                case FLOAT, DOUBLE -> ColumnType.DOUBLE;
                case BOOLEAN -> ColumnType.BOOLEAN;
                case BINARY, FIXED_LEN_BYTE_ARRAY -> ColumnType.STRING;
                case INT96 -> throw InputException.of(path, "column '" + field.getName() + "' is an INT96 timestamp",
                        "not supported; store it as INT64 or a string");
            };
            if (p.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation) {
                throw InputException.of(path, "column '" + field.getName() + "' is a DECIMAL", "store it as DOUBLE");
            }
            columns.add(new Column(field.getName(), t));
        }
        return new TableSchema(columns);
    }

    @Override
    public Iterator<Row> iterator() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                if (next == null && !done) next = readNext();
                return next != null;
            }

            @Override
            public Row next() {
                if (!hasNext()) throw new NoSuchElementException();
                Object[] v = next;
                next = null;
                return new ValueRow(path, ++rowNumber, v, schema);
            }
        };
    }

    /** The next record, moving to the next row group when this one is used up; null at the end. */
    private Object[] readNext() {
        try {
            while (rowsLeftInGroup == 0) {
                PageReadStore pages = reader.readNextRowGroup();
                if (pages == null) {
                    done = true;
                    return null;
                }
                rowsLeftInGroup = pages.getRowCount();
                records = columnIO.getRecordReader(pages, materializer);
            }
            rowsLeftInGroup--;
            return records.read();
        } catch (IOException | RuntimeException e) {
            throw new InputException(path.toString(), "row " + (rowNumber + 1),
                    "cannot read: " + e.getMessage(), "is the file truncated?", e);
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void closeQuietly() {
        try {
            reader.close();
        } catch (IOException ignored) {
            // Already failing.
        }
    }

    /** Assembles one Object[] per record from the column converters. */
    private static final class RowMaterializer extends RecordMaterializer<Object[]> {
        private final Object[][] current = new Object[1][];
        private final GroupConverter root;

        RowMaterializer(TableSchema schema, MessageType fileSchema) {
            int n = schema.size();
            Converter[] converters = new Converter[n];
            for (int i = 0; i < n; i++) {
                final int col = i;
                final boolean isFloat = fileSchema.getType(i).asPrimitiveType().getPrimitiveTypeName()
                        == PrimitiveType.PrimitiveTypeName.FLOAT;
                converters[i] = new PrimitiveConverter() {
                    @Override public void addBinary(Binary value) { current[0][col] = value.toStringUsingUTF8(); }
                    @Override public void addBoolean(boolean value) { current[0][col] = value; }
                    @Override public void addDouble(double value) { current[0][col] = value; }
                    @Override public void addFloat(float value) {
                        // Decimal text of the float, so 0.1f reads as 0.1 rather than 0.10000000149.
                        current[0][col] = isFloat ? Double.parseDouble(Float.toString(value)) : (double) value;
                    }
                    @Override public void addInt(int value) { current[0][col] = value; }
                    @Override public void addLong(long value) { current[0][col] = value; }
                };
            }
            root = new GroupConverter() {
                @Override public Converter getConverter(int fieldIndex) { return converters[fieldIndex]; }
                @Override public void start() { current[0] = new Object[n]; }
                @Override public void end() {}
            };
        }

        @Override public Object[] getCurrentRecord() { return current[0]; }
        @Override public GroupConverter getRootConverter() { return root; }
    }
}
