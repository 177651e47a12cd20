package org.rareset.core.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.core.InputException;
import org.rareset.core.table.Column;
import org.rareset.core.table.MissingValues;
import org.rareset.core.table.TableSchema;
import org.rareset.core.table.TableWriters;

/** The phenotype/covariate reader: each identifier rule, missing-value rule and error, on files written here. */
class SampleTableFileTest {
    @TempDir Path dir;

    @Test
    void parquetPhenotypesWithNulls() {
        Path p = dir.resolve("pheno.parquet");
        TableWriters.write(p, TableSchema.of(Column.string("sample"), Column.float64("QT"), Column.integer("BT")), w -> {
            w.writeRow("A", 1.5, 1);
            w.writeRow("B", null, 0);
            w.writeRow("C", -9.0, 1);
        });
        SampleTable t = SampleTableFile.read(p, MissingValues.defaults(), null);
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
            SampleTable t = SampleTableFile.read(p, MissingValues.defaults(), null);
            assertEquals(List.of("A"), t.samples(), p.toString());
            assertEquals(3.0, t.value(t.columnIndex("age"), 0), p.toString());
        }
    }

    private SampleTable read(String name, String text) throws Exception {
        return SampleTableFile.read(Files.writeString(dir.resolve(name), text), MissingValues.defaults(), null);
    }

    private InputException error(String name, String text) {
        return assertThrows(InputException.class, () -> read(name, text));
    }

    /** Quoted CSV as R's write.csv and pandas' QUOTE_ALL write it: a comma and a doubled quote inside fields. */
    @Test
    void quotedCsvFields() throws Exception {
        SampleTable t = read("q.csv", "\"sample\",\"height, cm\",\"BMI\"\n\"S,1\",\"170.5\",\"22\"\n\"S\"\"2\",\"NA\",\"-9\"\n");
        assertEquals(List.of("S,1", "S\"2"), t.samples());
        assertEquals(List.of("height, cm", "BMI"), t.columns());
        assertEquals(170.5, t.value(0, 0));
        assertEquals(22.0, t.value(1, 0));
        assertTrue(Double.isNaN(t.value(0, 1)));
        assertTrue(Double.isNaN(t.value(1, 1)));
    }

    @Test
    void byteOrderMarkIsIgnored() throws Exception {
        SampleTable t = read("bom.tsv", "\uFEFFsample\tage\nA\t3\n");
        assertEquals(List.of("A"), t.samples());
        assertEquals(List.of("age"), t.columns());
    }

    @Test
    void plinkIdsUseIidAndKeepFidIid() throws Exception {
        SampleTable t = read("p.tsv", "FID\tIID\tY\nf1\tA\t1\nf2\tB\t0\n");
        assertEquals(List.of("A", "B"), t.samples());
        assertEquals(List.of("f1_A", "f2_B"), t.fidIid());
        assertEquals(List.of("Y"), t.columns());
    }

    @Test
    void sampleIdAndCaseInsensitiveNames() throws Exception {
        assertEquals(List.of("A"), read("a.tsv", "sample_id\tY\nA\t1\n").samples());
        assertEquals(List.of("A"), read("b.tsv", "Sample\tY\nA\t1\n").samples());
    }

    @Test
    void missingValuesAndChosenColumns() throws Exception {
        Path p = Files.writeString(dir.resolve("m.tsv"), "sample\tY\tZ\nA\t-9.0\t.\nB\t\t2\n");
        SampleTable t = SampleTableFile.read(p, new MissingValues(List.of(".")), List.of("Z", "Y"));
        assertEquals(List.of("Z", "Y"), t.columns());
        assertTrue(Double.isNaN(t.value(0, 0)), "'.' is missing when listed");
        assertEquals(-9.0, t.value(1, 0), "-9 is a value when not listed");
        assertTrue(Double.isNaN(t.value(1, 1)), "empty is always missing");
        assertTrue(Double.isNaN(SampleTableFile.read(p, MissingValues.defaults(), List.of("Y")).value(0, 0)), "-9.0 is -9");
    }

    @Test
    void errorsNameFileAndLine() {
        assertEquals("line 3", error("d.tsv", "sample\tY\nA\t1\nA\t2\n").location());
        assertTrue(error("d2.tsv", "sample\tY\nA\t1\nA\t2\n").getMessage().contains("'A' appears twice (also line 2)"));
        assertTrue(error("e.tsv", "sample\tY\n\t1\n").getMessage().contains("empty sample identifier"));
        assertTrue(error("n.tsv", "name\tY\nA\t1\n").getMessage().contains("no sample column"));
        InputException notNumber = error("x.csv", "sample,Y\nA,1\nB,abc\n");
        assertTrue(notNumber.getMessage().contains("x.csv"), notNumber.getMessage());
        assertEquals("line 3", notNumber.location());
        assertTrue(notNumber.getMessage().contains("'abc' is not a number"));
        assertTrue(error("nan.tsv", "sample\tY\nA\tNaN\n").getMessage().contains("not finite"));
        assertTrue(error("inf.tsv", "sample\tY\nA\t-Inf\n").getMessage().contains("not finite"));
        InputException absent = assertThrows(InputException.class, () -> SampleTableFile.read(
                Files.writeString(dir.resolve("w.tsv"), "sample\tY\nA\t1\n"), MissingValues.defaults(), List.of("Q")));
        assertTrue(absent.getMessage().contains("no column 'Q'"));
    }

    @Test
    void schemaIsWhatTheReaderReads() throws Exception {
        Path p = dir.resolve("w.parquet");
        TableWriters.write(p, SampleTableFile.schema(List.of("Y")), w -> w.writeRow("A", 2.5));
        SampleTable t = SampleTableFile.read(p, MissingValues.defaults(), null);
        assertEquals(List.of("A"), t.samples());
        assertEquals(2.5, t.value(0, 0));
    }
}
