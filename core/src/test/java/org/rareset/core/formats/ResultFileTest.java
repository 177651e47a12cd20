package org.rareset.core.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.core.InputException;
import org.rareset.core.table.Column;
import org.rareset.core.table.TableSchema;
import org.rareset.core.table.TableWriters;

class ResultFileTest {
    @TempDir Path dir;

    /** A binary-trait burden row with every column known, a quantitative row, a failed test, a p below the double range. */
    static List<ResultRow> rows() {
        return List.of(
                new ResultRow("BT", "G1", "plof", "burden", 3, 7, 6, new CaseControlCounts(5, 2, 4, 2), 0.25, 0.125, 0.5,
                        Math.log10(0.0123)),
                new ResultRow("QT", "G2", "missense", "skat", 12, 30.5, 28, Double.NaN, Double.NaN, -450 + Math.log10(1.23)),
                new ResultRow("QT", "G3", "missense", "skat", 1, 1, 1, Double.NaN, Double.NaN, Double.NaN));
    }

    static final GeneInfo.Lookup GENES = g -> g.equals("G1") ? new GeneInfo("ABC1", "2", 1000, 2000) : GeneInfo.UNKNOWN;

    @Test
    void tsvIsTheDocumentedText() throws Exception {
        Path f = dir.resolve("r.tsv");
        ResultFile.write(f, rows(), GENES);
        // expected text written out by hand from docs/association.md ("Outputs")
        assertEquals(List.of(
                "phenotype\tgene\tgene_name\tchrom\tstart\tend\tmask\ttest\tn_variants\tmac\tn_carriers\tmac_case\tmac_control"
                        + "\tn_carriers_case\tn_carriers_control\tbeta\tse\tbeta_per_allele\tpval\tneg_log10p",
                "BT\tG1\tABC1\t2\t1000\t2000\tplof\tburden\t3\t7\t6\t5\t2\t4\t2\t0.25\t0.125\t0.5\t0.0123\t" + (0.0 - Math.log10(0.0123)),
                "QT\tG2\tNA\tNA\tNA\tNA\tmissense\tskat\t12\t30.5\t28\tNA\tNA\tNA\tNA\tNA\tNA\tNA\t1.23e-450\t"
                        + (0.0 - (-450 + Math.log10(1.23))),
                "QT\tG3\tNA\tNA\tNA\tNA\tmissense\tskat\t1\t1\t1\tNA\tNA\tNA\tNA\tNA\tNA\tNA\tNA\tNA"), Files.readAllLines(f));
        assertEquals(String.join(" ", ResultFile.COLUMNS), Files.readAllLines(f).get(0).replace('\t', ' '));
    }

    @Test
    void tsvAndParquetReadBackTheRowsAndGenes() throws Exception {
        for (String name : List.of("r.tsv", "r.tsv.gz", "r.parquet")) {
            Path f = dir.resolve(name);
            ResultFile.write(f, rows(), GENES);
            ResultFile.Table t = ResultFile.read(f);
            assertEquals(1, t.skipped(), name + ": the failed test is counted, not read");
            assertEquals(2, t.rows().size(), name);
            ResultRow bt = t.rows().get(0);
            assertEquals(rows().get(0).caseControl(), bt.caseControl(), name);
            assertEquals(0.5, bt.betaPerAllele(), name);
            assertEquals(Math.log10(0.0123), bt.log10P(), 1e-15, name);
            assertEquals(-450 + Math.log10(1.23), t.rows().get(1).log10P(), 1e-12, name + ": exact below the double range");
            assertEquals(CaseControlCounts.NONE, t.rows().get(1).caseControl(), name);
            assertEquals(new GeneInfo("ABC1", "2", 1000, 2000), t.genes().of("G1"), name);
            assertEquals(GeneInfo.UNKNOWN, t.genes().of("G2"), name);
        }
    }

    @Test
    void writtenFileReadsBackToTheSameBytes() throws Exception {
        Path a = dir.resolve("a.tsv"), b = dir.resolve("b.tsv");
        List<ResultRow> known = rows().subList(0, 2);
        ResultFile.write(a, known, GENES);
        ResultFile.Table t = ResultFile.read(a);
        ResultFile.write(b, t.rows(), t.genes());
        assertEquals(Files.readString(a), Files.readString(b));
    }

    @Test
    void minimalAndOldFilesAreRead() throws Exception {
        Path minimal = Files.writeString(dir.resolve("m.tsv"), "phenotype\tgene\ttest\tpval\nQT\tG\tskat\t0.01\n");
        ResultRow r = ResultFile.read(minimal).rows().get(0);
        assertEquals(ResultFile.NO_MASK, r.mask());
        assertEquals(-2, r.log10P(), 1e-15);
        assertTrue(Double.isNaN(r.beta()));
        Path old = Files.writeString(dir.resolve("o.tsv"), "phenotype\tgene\tmask\ttest\tpval\tlog10p\nQT\tG\tall\tskat\t0.01\t-2\n");
        assertEquals(-2, ResultFile.read(old).rows().get(0).log10P());
        Path oldPositive = Files.writeString(dir.resolve("op.tsv"), "phenotype\tgene\ttest\tlog10p\nQT\tG\tskat\t3\nQT\tH\tskat\t0\n");
        assertEquals(-3, ResultFile.read(oldPositive).rows().get(0).log10P(), 0, "an all non-negative log10p column is -log10 p");
        Path parquet = dir.resolve("p.parquet");
        TableWriters.write(parquet, TableSchema.of(Column.string("phenotype"), Column.string("gene"), Column.string("test"),
                        Column.float64("neg_log10p")),
                w -> w.writeRow("QT", "G", "skat", 400.0));
        assertEquals(-400, ResultFile.read(parquet).rows().get(0).log10P(), 0);
    }

    @Test
    void badFilesAreOneLine() throws Exception {
        Path noP = Files.writeString(dir.resolve("n.tsv"), "phenotype\tgene\ttest\nQT\tG\tskat\n");
        InputException e = assertThrows(InputException.class, () -> ResultFile.read(noP));
        assertTrue(e.getMessage().contains("column 'pval' is missing (header: phenotype gene test)"), e.getMessage());
        Path bad = Files.writeString(dir.resolve("b.tsv"), "phenotype\tgene\ttest\tpval\nQT\tG\tskat\t0.5\nQT\tH\tskat\tx\n");
        e = assertThrows(InputException.class, () -> ResultFile.read(bad));
        assertTrue(e.getMessage().contains("b.tsv: line 3: 'x' is not a number in column pval"), e.getMessage());
        Path negative = Files.writeString(dir.resolve("neg.tsv"), "phenotype\tgene\ttest\tneg_log10p\nQT\tG\tskat\t-1\n");
        e = assertThrows(InputException.class, () -> ResultFile.read(negative));
        assertTrue(e.getMessage().contains("column neg_log10p has negative values"), e.getMessage());
        assertFalse(Files.list(dir).anyMatch(p -> p.getFileName().toString().endsWith(".tmp")));
    }
}
