package org.rareset.deepset.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.core.InputException;
import org.rareset.core.table.MissingValues;

class SampleColumnsTest {
    @TempDir Path dir;

    @Test
    void tsvWithChosenMissingValues() throws Exception {
        Path p = Files.writeString(dir.resolve("pheno.tsv"), "sample\tQT\tBT\nS1\t1.5\t1\nS2\tNA\t0\nS3\t.\t\nS4\tNaN\t-9\n");
        // The tokens training used before it shared assoc's defaults: --missing NA,.,NaN keeps -9 a value.
        SampleColumns c = SampleColumns.read(p, null, new MissingValues(List.of("NA", ".", "NaN")));
        assertEquals(List.of("QT", "BT"), c.columns());
        assertArrayEquals(new double[] {1.5, 1}, c.values("S1"));
        assertTrue(Double.isNaN(c.values("S2")[0]) && Double.isNaN(c.values("S3")[0]) && Double.isNaN(c.values("S4")[0]),
                "NA, '.' and NaN are missing");
        assertTrue(Double.isNaN(c.values("S3")[1]), "empty is missing");
        assertEquals(-9.0, c.values("S4")[1], "-9 is a value when not among the tokens");
        assertNull(c.values("S5"));
    }

    @Test
    void defaultsAreAssocs() throws Exception {
        Path p = Files.writeString(dir.resolve("pheno.tsv"), "sample\tQT\nS1\t-9\nS2\t-9.0\nS3\tNA\nS4\t\nS5\t2.5\n");
        SampleColumns c = SampleColumns.read(p, null, MissingValues.defaults());
        for (String s : List.of("S1", "S2", "S3", "S4")) assertTrue(Double.isNaN(c.values(s)[0]), s + " is missing");
        assertArrayEquals(new double[] {2.5}, c.values("S5"));
        Path dot = Files.writeString(dir.resolve("dot.tsv"), "sample\tQT\nS1\t.\n");
        InputException e = assertThrows(InputException.class, () -> SampleColumns.read(dot, null, MissingValues.defaults()));
        assertTrue(e.getMessage().contains("'.'") && e.getMessage().contains("--missing"), e.getMessage());
    }

    @Test
    void csvWithFidIidAndChosenColumns() throws Exception {
        Path p = Files.writeString(dir.resolve("covar.csv"), "FID,IID,age,sex,pc1\nF1,S1,40,1,0.1\nF2,S2,50,0,0.2\n");
        SampleColumns c = SampleColumns.read(p, List.of("pc1", "age"), MissingValues.defaults());
        assertEquals(List.of("pc1", "age"), c.columns());
        assertArrayEquals(new double[] {0.2, 50}, c.values("S2"));
    }

    @Test
    void badInputNamesFileAndLine() throws Exception {
        Path twice = Files.writeString(dir.resolve("twice.tsv"), "sample\tQT\nS1\t1\nS1\t2\n");
        InputException e = assertThrows(InputException.class, () -> SampleColumns.read(twice, null, MissingValues.defaults()));
        assertTrue(e.getMessage().contains("twice.tsv") && e.getMessage().contains("line 3") && e.getMessage().contains("S1"), e.getMessage());
        Path text = Files.writeString(dir.resolve("text.tsv"), "sample\tQT\nS1\thigh\n");
        e = assertThrows(InputException.class, () -> SampleColumns.read(text, null, MissingValues.defaults()));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("'high'"), e.getMessage());
        e = assertThrows(InputException.class, () -> SampleColumns.read(text, List.of("LDL"), MissingValues.defaults()));
        assertTrue(e.getMessage().contains("'LDL'") && e.getMessage().contains("QT"), e.getMessage());
    }
}
