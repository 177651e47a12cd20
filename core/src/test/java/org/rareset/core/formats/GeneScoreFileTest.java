package org.rareset.core.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.core.InputException;
import org.rareset.core.table.TableWriters;

class GeneScoreFileTest {
    @TempDir Path dir;

    private Path write(String name, String... lines) throws Exception {
        return Files.write(dir.resolve(name), List.of(lines));
    }

    @Test
    void readsTheSparseLayout() throws Exception {
        Path f = write("s.tsv", "kind\tgene\tsample\tscore", "sample\tNA\tA\tNA", "sample\tNA\tB\tNA", "sample\tNA\tC\tNA",
                "gene\tG1\tNA\t0.1", "carrier\tG1\tC\t0.9", "carrier\tG1\tA\t0.5", "gene\tG2\t\t0.2");
        SparseGeneScores s = GeneScoreFile.read(f);
        assertEquals(List.of("A", "B", "C"), s.samples());
        assertEquals(2, s.genes().size());
        SparseGeneScores.Gene g1 = s.genes().get(0);
        assertArrayEquals(new int[] {0, 2}, g1.carriers(), "carriers sorted by sample");
        assertEquals(0.5, g1.score(0));
        assertEquals(0.1, g1.score(1));
        assertEquals(0.9, g1.score(2));
        assertEquals((0.5 + 0.1 + 0.9) / 3, g1.mean(3), 1e-15);
        assertEquals(0, s.genes().get(1).carriers().length);
        assertEquals(0.2, s.genes().get(1).score(1));
    }

    @Test
    void readsTheDenseLongLayoutWithTheModeAsEmptyScore() throws Exception {
        Path f = write("d.tsv", "sample\tgene\tscore", "A\tG1\t0.1", "B\tG1\t0.7", "C\tG1\t0.1", "A\tG2\t0.3", "B\tG2\t0.3", "C\tG2\t0.3");
        SparseGeneScores s = GeneScoreFile.read(f);
        assertEquals(0.1, s.genes().get(0).emptyScore());
        assertArrayEquals(new int[] {1}, s.genes().get(0).carriers());
        assertEquals(0.7, s.genes().get(0).score(1));
        assertEquals(0, s.genes().get(1).carriers().length);
    }

    @Test
    void sparseWrittenAsParquetReadsBack() {
        Path f = dir.resolve("s.parquet");
        TableWriters.write(f, GeneScoreFile.SPARSE, w -> {
            w.writeRow("sample", null, "A", null);
            w.writeRow("sample", null, "B", null);
            w.writeRow("gene", "G", null, -1.5);
            w.writeRow("carrier", "G", "B", 2.25);
        });
        SparseGeneScores s = GeneScoreFile.read(f);
        assertEquals(-1.5, s.genes().get(0).score(0));
        assertEquals(2.25, s.genes().get(0).score(1));
    }

    @Test
    void namesTheLineOfEachBrokenContract() throws Exception {
        String head = "kind\tgene\tsample\tscore";
        String roster = "sample\tNA\tA\tNA";
        assertError(write("1.tsv", head, roster, "carrier\tG\tA\t1"), "line 3: carrier row before any gene row");
        assertError(write("2.tsv", head, roster, "gene\tG\tNA\t0", "carrier\tG\tZ\t1"), "line 4: sample 'Z' is not in the sample roster");
        assertError(write("3.tsv", head, roster, "gene\tG\tNA\t0", "carrier\tG\tA\t1", "carrier\tG\tA\t2"), "line 5: sample 'A' has two scores for gene 'G'");
        assertError(write("4.tsv", head, roster, "gene\tG\tNA\tNA"), "line 3: empty-gene score of gene 'G' is missing");
        assertError(write("5.tsv", head, roster, "gene\tG\tNA\t0", "gene\tG\tNA\t0"), "line 4: gene 'G' appears twice");
        assertError(write("6.tsv", head, roster, "gene\tG\tNA\t0", "carrier\tH\tA\t1"), "line 4: carrier of gene 'H' under gene 'G'");
        assertError(write("7.tsv", head, roster, "variant\tG\tNA\t0"), "line 3: kind 'variant' is not sample, gene or carrier");
        assertError(write("8.tsv", head, roster), "no gene scores");
        assertError(write("9.tsv", "sample\tgene\tscore", "A\tG\t1", "B\tG\t2", "A\tH\t1"), "gene 'H' has scores for 1 of the 2 samples");
    }

    private static void assertError(Path f, String message) {
        InputException e = assertThrows(InputException.class, () -> GeneScoreFile.read(f));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(e.getMessage().contains(f.getFileName().toString()), e.getMessage());
    }

    @Test
    void writersWriteTheLayoutsTheReaderTakes() throws Exception {
        List<String> samples = List.of("A", "B", "C");
        Path sparse = dir.resolve("w.tsv"), dense = dir.resolve("w.long.tsv");
        try (GeneScoreFile.Writer s = GeneScoreFile.openSparse(sparse, samples);
             GeneScoreFile.Writer d = GeneScoreFile.openDenseLong(dense, samples)) {
            for (GeneScoreFile.Writer w : List.of(s, d)) {
                w.gene("G1", 0.1, new int[] {0, 2}, new double[] {0.5, 0.9});
                w.gene("G2", 0.2, new int[0], new double[0]);
            }
            s.commit();
            d.commit();
        }
        // the sparse layout as the class comment and docs/scoring.md describe it (missing cells NA), written out by hand
        assertEquals(List.of("kind\tgene\tsample\tscore", "sample\tNA\tA\tNA", "sample\tNA\tB\tNA", "sample\tNA\tC\tNA",
                "gene\tG1\tNA\t0.1", "carrier\tG1\tA\t0.5", "carrier\tG1\tC\t0.9", "gene\tG2\tNA\t0.2"), Files.readAllLines(sparse));
        assertEquals(List.of("sample\tgene\tscore", "A\tG1\t0.5", "B\tG1\t0.1", "C\tG1\t0.9", "A\tG2\t0.2", "B\tG2\t0.2",
                "C\tG2\t0.2"), Files.readAllLines(dense));
        SparseGeneScores fromSparse = GeneScoreFile.read(sparse), fromDense = GeneScoreFile.read(dense);
        for (int sample = 0; sample < 3; sample++) {
            for (int g = 0; g < 2; g++) {
                assertEquals(fromSparse.genes().get(g).score(sample), fromDense.genes().get(g).score(sample));
            }
        }
        assertEquals(0.2, fromSparse.meanByGene().get("G2"), 1e-15);
        assertEquals((0.5 + 0.1 + 0.9) / 3, fromDense.meanByGene().get("G1"), 1e-15);
    }
}
