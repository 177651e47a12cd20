package org.rareset.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.core.InputException;
import org.rareset.core.table.NonFinite;
import org.rareset.genotypes.vcf.Variant;

/**
 * Strict cells on the fast path of score tables (bgzipped + tabix, read in place by
 * {@link DecimalText}): NaN/Inf and text are caught there as in plain tables.
 */
class ScoreTableSourceTest {
    @TempDir Path dir;

    static Variant variant(int pos, String ref, String alt) {
        return new Variant("1", pos, ref, alt, ".", 0, 0, true, new int[0], new byte[0], new int[0]);
    }

    Path table(String... rows) throws IOException {
        List<String> lines = new java.util.ArrayList<>(List.of("#Chrom\tPos\tRef\tAlt\tRawScore\tPHRED"));
        lines.addAll(List.of(rows));
        return TestFiles.bgzipTabix(dir.resolve("cadd.tsv.gz"), TestFiles.CADD, lines);
    }

    @Test
    void nanOnTheIndexedPathIsAnErrorOrMissing() throws IOException {
        Path t = table("1\t100\tA\tG\t0.5\t12.5", "1\t200\tC\tT\tnan\t3", "1\t300\tG\tA\t1\t-inf");
        try (ScoreTableSource s = ScoreTableSource.cadd(t)) {
            // The cursor reads one record ahead, so the error may come with either lookup.
            InputException e = assertThrows(InputException.class, () -> {
                s.lookup(variant(100, "A", "G"), "1");
                s.lookup(variant(200, "C", "T"), "1");
            });
            assertTrue(e.getMessage().contains("column RawScore: 'nan' is not a finite number"), e.getMessage());
        }
        try (ScoreTableSource s = ScoreTableSource.cadd(t, NonFinite.MISSING)) {
            double[] out = new double[2];
            s.lookup(variant(200, "C", "T"), "1").values(null, out, 0);
            assertTrue(Double.isNaN(out[0]));
            assertEquals(3.0, out[1]);
            s.lookup(variant(300, "G", "A"), "1").values(null, out, 0);
            assertTrue(Double.isNaN(out[1]));
            assertEquals(List.of("CADD (cadd.tsv.gz): 2 NaN/Inf value(s) read as missing (--non-finite missing)"), s.notes());
        }
    }

    @Test
    void textOnTheIndexedPathIsAnError() throws IOException {
        Path t = table("1\t100\tA\tG\t0.5\tbenign");
        try (ScoreTableSource s = ScoreTableSource.open("CADD", t, Map.of("PHRED", "CADD_PHRED"))) {
            InputException e = assertThrows(InputException.class, () -> s.lookup(variant(100, "A", "G"), "1"));
            assertTrue(e.getMessage().contains("column PHRED: 'benign' is not a number"), e.getMessage());
        }
    }
}
