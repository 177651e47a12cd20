package org.rareset.core.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableFilesTest {
    @TempDir Path dir;

    @Test
    void parquetPhenotypesWithNulls() {
        Path p = dir.resolve("pheno.parquet");
        TableWriters.write(p, TableSchema.of(Column.string("sample"), Column.float64("QT"), Column.integer("BT")), w -> {
            w.writeRow("A", 1.5, 1);
            w.writeRow("B", null, 0);
            w.writeRow("C", -9.0, 1);
        });
        SampleTable t = SampleTable.from(TableFiles.read(p), MissingValues.defaults(), null);
        assertEquals(List.of("A", "B", "C"), t.samples());
        assertEquals(List.of("QT", "BT"), t.columns());
        assertEquals(1.5, t.value(0, 0));
        assertTrue(Double.isNaN(t.value(0, 1)), "null is missing");
        assertTrue(Double.isNaN(t.value(0, 2)), "-9 is missing");
        assertEquals(0.0, t.value(1, 1));
    }

    @Test
    void delimitersFromHeader() throws Exception {
        Path csv = Files.writeString(dir.resolve("c.csv"), "sample,age\nA,3\n");
        Path plink = Files.writeString(dir.resolve("c.txt"), "#FID IID age\nf A 3\n");
        Path gz = dir.resolve("c.tsv.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("sample\tage\nA\t3\n".getBytes());
        }
        for (Path p : List.of(csv, plink, gz)) {
            SampleTable t = SampleTable.from(TableFiles.read(p), MissingValues.defaults(), null);
            assertEquals(List.of("A"), t.samples(), p.toString());
            assertEquals(3.0, t.value(t.columnIndex("age"), 0), p.toString());
        }
    }
}
