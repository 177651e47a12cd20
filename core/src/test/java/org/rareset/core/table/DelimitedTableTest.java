package org.rareset.core.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.core.InputException;

class DelimitedTableTest {
    @TempDir Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private Path writeGz(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return p;
    }

    private static List<Row> rows(TableReader r) {
        List<Row> out = new ArrayList<>();
        r.forEach(out::add);
        return out;
    }

    @Test
    void caddStyleHeaderMetadataAndHashAreHandled() throws IOException {
        Path p = writeGz("cadd.tsv.gz", "## CADD GRCh38-v1.7 (c) University of Washington\n"
                + "#Chrom\tPos\tRef\tAlt\tRawScore\tPHRED\n"
                + "1\t100\tA\tG\t0.5\t12.3\n"
                + "\n"
                + "1\t101\tC\tT\tNA\t\n");
        try (TableReader r = TableReaders.open(p)) {
            assertEquals(List.of("Chrom", "Pos", "Ref", "Alt", "RawScore", "PHRED"), r.columns());
            List<Row> rows = rows(r);
            assertEquals(2, rows.size());
            assertEquals(3, rows.get(0).lineNumber());
            assertEquals(5, rows.get(1).lineNumber(), "blank line 4 still counts");
            assertEquals(100, rows.get(0).getInt(r.requireColumn("Pos")));
            assertEquals(12.3, rows.get(0).getDouble(5));
            assertTrue(rows.get(1).isMissing(4));
            assertTrue(Double.isNaN(rows.get(1).getDouble(5)));
            assertNull(rows.get(1).getString(5));
        }
    }

    @Test
    void missingColumnErrorListsWhatIsThere() throws IOException {
        Path p = write("s.tsv", "chrom\tpos\tscore\n1\t5\t0.1\n");
        try (TableReader r = TableReaders.open(p)) {
            InputException e = assertThrows(InputException.class, () -> r.requireColumn("PHRED"));
            assertTrue(e.getMessage().startsWith(p + ": no column 'PHRED'"), e.getMessage());
            assertTrue(e.getMessage().contains("chrom, pos, score"), e.getMessage());
        }
    }

    @Test
    void badNumberNamesFileLineAndColumn() throws IOException {
        Path p = write("s.tsv", "chrom\tpos\tscore\n1\t5\t0.1\n1\t6\tabc\n");
        try (TableReader r = TableReaders.open(p)) {
            List<Row> rows = rows(r);
            InputException e = assertThrows(InputException.class, () -> rows.get(1).getDouble(2));
            assertEquals(p + ": line 3: column score: 'abc' is not a number (fix the value or declare it missing)",
                    e.getMessage());
        }
    }

    @Test
    void wrongFieldCountIsAnErrorWithLine() throws IOException {
        Path p = write("s.tsv", "a\tb\n1\t2\n3\n");
        try (TableReader r = TableReaders.open(p)) {
            InputException e = assertThrows(InputException.class, () -> rows(r));
            assertTrue(e.getMessage().contains("line 3: has 1 fields but the header has 2"), e.getMessage());
        }
    }

    @Test
    void configurableMissingValues() throws IOException {
        Path p = write("pheno.txt", "id\tvalue\na\t-9\nb\tNA\nc\t3\n");
        try (TableReader r = TableReaders.open(p, ReadOptions.defaults().plusMissing("-9"))) {
            List<Row> rows = rows(r);
            assertTrue(rows.get(0).isMissing(1));
            assertTrue(rows.get(1).isMissing(1));
            assertEquals(3.0, rows.get(2).getDouble(1));
        }
        try (TableReader r = TableReaders.open(p, ReadOptions.defaults().withMissing(java.util.Set.of("-9")))) {
            List<Row> rows = rows(r);
            assertTrue(rows.get(0).isMissing(1));
            assertFalse(rows.get(1).isMissing(1), "NA is data once the missing set is replaced");
        }
    }

    @Test
    void csvQuotingWithSeparatorsQuotesAndLineBreaks() throws IOException {
        Path p = write("t.csv", "name,note,x\r\n\"a,b\",\"say \"\"hi\"\"\",1\n\"multi\nline\",plain,2\nlast,,3\n");
        try (TableReader r = TableReaders.open(p)) {
            List<Row> rows = rows(r);
            assertEquals(3, rows.size());
            assertEquals("a,b", rows.get(0).getString(0));
            assertEquals("say \"hi\"", rows.get(0).getString(1));
            assertEquals("multi\nline", rows.get(1).getString(0));
            assertEquals(3, rows.get(1).lineNumber(), "a record's line is where it starts");
            assertEquals(5, rows.get(2).lineNumber());
            assertTrue(rows.get(2).isMissing(1));
        }
    }

    /** R's write.csv quotes the header as well as the text fields. */
    @Test
    void quotedCsvHeaderAsRWritesIt() throws IOException {
        Path p = write("t.csv", "\"sample\",\"age\",\"note, free text\"\n\"S1\",41,\"x\"\n");
        try (TableReader r = TableReaders.open(p)) {
            assertEquals(List.of("sample", "age", "note, free text"), r.columns());
            List<Row> rows = rows(r);
            assertEquals("S1", rows.get(0).getString(0));
            assertEquals(41, rows.get(0).getInt(1));
        }
    }

    @Test
    void unterminatedQuoteIsAnError() throws IOException {
        Path p = write("t.csv", "a,b\n\"open,1\n");
        try (TableReader r = TableReaders.open(p)) {
            InputException e = assertThrows(InputException.class, () -> rows(r));
            assertTrue(e.getMessage().contains("line 2: quoted field is never closed"), e.getMessage());
        }
    }

    @Test
    void emptyFileAndDuplicateColumnsAreErrors() throws IOException {
        InputException e = assertThrows(InputException.class, () -> TableReaders.open(write("e.tsv", "")));
        assertTrue(e.getMessage().contains("empty file"), e.getMessage());
        e = assertThrows(InputException.class, () -> TableReaders.open(write("d.tsv", "a\tb\ta\n")));
        assertTrue(e.getMessage().contains("line 1: column 'a' appears twice"), e.getMessage());
        e = assertThrows(InputException.class, () -> TableReaders.open(dir.resolve("absent.tsv")));
        assertTrue(e.getMessage().contains("absent.tsv: file not found"), e.getMessage());
    }

    @Test
    void gzipIsRecognisedByContentNotName() throws IOException {
        Path p = writeGz("looks-plain.tsv", "a\tb\n1\t2\n");
        try (TableReader r = TableReaders.open(p)) {
            assertEquals(2, rows(r).get(0).getInt(1));
        }
    }

    @Test
    void writersRoundTripThroughReaderForEveryTextFormat() throws IOException {
        TableSchema schema = TableSchema.of(Column.string("chrom"), Column.integer("pos"), Column.float64("score"),
                Column.bool("flag"), Column.int64("n"));
        for (String name : List.of("o.tsv", "o.txt", "o.tsv.gz", "o.csv")) {
            Path p = dir.resolve(name);
            TableWriters.write(p, schema, w -> {
                w.writeRow("chr1", 10, 0.25, true, 5L);
                w.writeRow("a,\"b\"", null, null, null, null);
                w.writeRow("x", -3, 3.0, false, 1L << 40);
                w.writeRow("y", 0, 1e-300, true, 0L);
            });
            try (TableReader r = TableReaders.open(p)) {
                assertEquals(schema.names(), r.columns(), name);
                List<Row> rows = rows(r);
                assertEquals(4, rows.size(), name);
                assertEquals(0.25, rows.get(0).getDouble(2), name);
                assertTrue(rows.get(1).isMissing(1), name);
                assertEquals("false", rows.get(2).getString(3), name);
                assertEquals(1L << 40, rows.get(2).getLong(4), name);
                assertEquals("3", rows.get(2).getString(2), "integral doubles print without .0");
                assertEquals(1e-300, rows.get(3).getDouble(2), name);
                if (name.endsWith(".csv")) assertEquals("a,\"b\"", rows.get(1).getString(0));
            }
        }
        try (var in = new GZIPInputStream(Files.newInputStream(dir.resolve("o.tsv.gz")))) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(text.startsWith("chrom\tpos\tscore\tflag\tn\nchr1\t10\t0.25\ttrue\t5\n"), text);
        }
        assertArrayEquals(new String[] {"chrom,pos,score,flag,n", "chr1,10,0.25,true,5", "\"a,\"\"b\"\"\",NA,NA,NA,NA"},
                Files.readAllLines(dir.resolve("o.csv")).subList(0, 3).toArray(new String[0]));
    }

    @Test
    void tsvValueWithTabIsRejectedAndFormatComesFromName() {
        assertEquals(TableWriters.Format.PARQUET, TableWriters.formatOf(Path.of("a.parquet")));
        assertEquals(TableWriters.Format.TSV_GZ, TableWriters.formatOf(Path.of("a.tsv.gz")));
        assertEquals(TableWriters.Format.CSV, TableWriters.formatOf(Path.of("a.csv")));
        assertThrows(InputException.class, () -> TableWriters.formatOf(Path.of("a.xlsx")));
        TableSchema s = TableSchema.of(Column.string("a"));
        assertThrows(IllegalArgumentException.class, () -> TableWriters.write(dir.resolve("t.tsv"), s,
                w -> w.writeRow("x\ty")));
        assertFalse(Files.exists(dir.resolve("t.tsv")));
    }

    @Test
    void closeCommitsWithOrdinaryPermissions() throws IOException {
        Path p = dir.resolve("perm.tsv");
        TableWriter w = TableWriters.open(p, TableSchema.of(Column.string("a")));
        w.writeRow("x");
        assertFalse(Files.exists(p), "nothing under the real name before close");
        w.close();
        assertTrue(Files.exists(p));
        assertTrue(Files.isReadable(p));
        if (p.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            var perms = Files.getPosixFilePermissions(p);
            assertTrue(perms.contains(java.nio.file.attribute.PosixFilePermission.OWNER_READ));
            assertTrue(perms.size() > 2, "not owner-only like a temp file: " + perms);
        }
    }
}
