package org.rareset.cli.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.rareset.annotate.InputException;

/**
 * A small table read whole from a TSV/CSV file (optionally gzipped) or a flat Parquet file: a header
 * and records of strings, each with the line (TSV) or row (Parquet) it came from, for error messages.
 * Missing Parquet values become empty strings.
 */
public record TabularFile(Path file, List<String> header, List<String[]> records, List<Long> lines) {

    /** Index of each column name, lower-cased. */
    public Map<String, Integer> columns() {
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < header.size(); i++) col.putIfAbsent(header.get(i).trim().toLowerCase(Locale.ROOT), i);
        return col;
    }

    /** The index of a required column, or a clear error naming the file and the columns it has. */
    public int require(String column, String hint) {
        Integer i = columns().get(column.toLowerCase(Locale.ROOT));
        if (i == null) {
            throw InputException.of(file, "column '" + column + "' is missing (header: " + String.join(" ", header) + ")", hint);
        }
        return i;
    }

    public static TabularFile read(Path file) {
        if (!Files.isRegularFile(file)) throw InputException.of(file, "file not found", "check the path");
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".parquet") ? readParquet(file) : readText(file, name.endsWith(".csv") || name.endsWith(".csv.gz") ? "," : "\t");
    }

    static BufferedReader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) in = new GZIPInputStream(in, 1 << 16);
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    private static TabularFile readText(Path file, String sep) {
        List<String> header = null;
        List<String[]> records = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        try (BufferedReader r = open(file)) {
            String line;
            long n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] fields = line.split(sep, -1);
                if (header == null) {
                    header = List.of(fields);
                    continue;
                }
                if (fields.length != header.size()) {
                    throw InputException.atLine(file, n, "expected " + header.size() + " fields, found " + fields.length,
                            "fields are " + (sep.equals("\t") ? "tab" : "comma") + "-separated, as in the header line");
                }
                records.add(fields);
                lines.add(n);
            }
        } catch (IOException e) {
            throw InputException.of(file, "cannot read: " + e.getMessage(), "check the file");
        }
        if (header == null) throw InputException.of(file, "empty file", "expected a header line");
        return new TabularFile(file, header, records, lines);
    }

    private static TabularFile readParquet(Path file) {
        List<String[]> records = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        List<String> header = new ArrayList<>();
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            for (Type t : schema.getFields()) {
                if (!t.isPrimitive()) throw InputException.of(file, "column '" + t.getName() + "' is nested", "expected a flat table");
                header.add(t.getName());
            }
            PageReadStore pages;
            long row = 0;
            while ((pages = reader.readNextRowGroup()) != null) {
                RecordReader<Group> rr = new ColumnIOFactory().getColumnIO(schema)
                        .getRecordReader(pages, new GroupRecordConverter(schema));
                for (long i = 0; i < pages.getRowCount(); i++) {
                    Group g = rr.read();
                    String[] f = new String[header.size()];
                    for (int c = 0; c < f.length; c++) f[c] = value(g, c, schema.getType(c).asPrimitiveType());
                    records.add(f);
                    lines.add(++row);
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InputException ie) throw ie;
            throw InputException.of(file, "cannot read Parquet: " + e.getMessage(), "check that the file is complete");
        }
        return new TabularFile(file, header, records, lines);
    }

    private static String value(Group g, int c, PrimitiveType type) {
        if (g.getFieldRepetitionCount(c) == 0) return "";
        return switch (type.getPrimitiveTypeName()) {
            case INT32 -> Integer.toString(g.getInteger(c, 0));
            case INT64 -> Long.toString(g.getLong(c, 0));
            case DOUBLE -> Double.toString(g.getDouble(c, 0));
            case FLOAT -> Float.toString(g.getFloat(c, 0));
            case BOOLEAN -> g.getBoolean(c, 0) ? "1" : "0";
            default -> g.getString(c, 0);
        };
    }
}
