package org.rareset.core.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.core.InputNotes;

/** Every table reader goes through {@link TextInput}: a byte-order mark is skipped and reported; quoted CSV is read. */
class TextInputTest {
    @TempDir Path dir;

    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Test
    void byteOrderMarkIsSkippedAndReportedOncePerFile() throws IOException {
        InputNotes.clear();
        Path plain = dir.resolve("pheno.tsv");
        Files.write(plain, concat(BOM, "sample\tQT\nS1\t1.5\n".getBytes(StandardCharsets.UTF_8)));
        Path gz = dir.resolve("pheno.tsv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(concat(BOM, "sample\tQT\nS1\t1.5\n".getBytes(StandardCharsets.UTF_8)));
        }
        for (Path p : List.of(plain, gz)) {
            TextTable t = TableFiles.read(p);
            assertEquals(List.of("sample", "QT"), t.columns(), p.toString());
            assertEquals("S1", t.cell(0, 0));
        }
        TableFiles.read(plain);
        assertEquals(List.of(plain + " starts with a UTF-8 byte-order mark; it was skipped",
                gz + " starts with a UTF-8 byte-order mark; it was skipped"), InputNotes.reported());
        assertEquals("sample\tQT", TextInput.readLines(plain).get(0));
    }

    @Test
    void quotedCsvHeaderAndFields() throws IOException {
        Path csv = dir.resolve("t.csv");
        Files.writeString(csv, "\"sample\",\"note, free text\",\"QT\"\nS1,\"a \"\"quoted\"\" word, and a comma\",2.5\n");
        TextTable t = TableFiles.read(csv);
        assertEquals(List.of("sample", "note, free text", "QT"), t.columns());
        assertEquals("a \"quoted\" word, and a comma", t.cell(0, 1));
        assertEquals("2.5", t.cell(0, 2));
        assertTrue(InputNotes.reported().stream().noneMatch(n -> n.contains("t.csv")));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
