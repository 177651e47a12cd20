package org.rareset.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Merging against indexed and plain files: jumps over gaps, contig order, absent contigs. */
class SortedCursorTest {
    @TempDir Path dir;

    private static final LineParser PARSER = (String line, String location, Consumer<KeyedRecord> out) -> {
        String[] f = line.split("\t");
        out.accept(new KeyedRecord(SortedCursor.canonical(f[0]), Integer.parseInt(f[1]), f[2], f[3], f[4]));
    };

    private List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("#chrom\tpos\tref\talt\tvalue");
        // Every 1000 bases over 5 Mb on two contigs: far more than one jump apart.
        for (String c : List.of("1", "2")) {
            for (int p = 1000; p <= 5_000_000; p += 1000) lines.add(c + "\t" + p + "\tA\tG\t" + c + ":" + p);
        }
        return lines;
    }

    private void check(SortedCursor cursor) {
        // contig 2 first (file order is 1 then 2), sparse positions, then back to contig 1.
        for (String c : List.of("2", "1")) {
            for (int p : new int[] {1000, 1500, 2000, 900_000, 900_000, 4_999_000, 5_000_000, 6_000_000}) {
                List<KeyedRecord> r = cursor.at(c, p);
                if (p % 1000 == 0 && p <= 5_000_000) {
                    assertEquals(1, r.size(), c + ":" + p);
                    assertEquals(c + ":" + p, r.get(0).payload());
                } else {
                    assertTrue(r.isEmpty(), c + ":" + p);
                }
            }
        }
        assertTrue(cursor.at("3", 1000).isEmpty(), "contig absent from the file");
        assertTrue(cursor.at("X", 1000).isEmpty());
    }

    @Test
    void indexedFileSeeksAndJumps() throws IOException {
        Path f = TestFiles.bgzipTabix(dir.resolve("t.tsv.gz"), TestFiles.CADD, lines());
        LineRecordStream s = LineRecordStream.open(f, PARSER);
        assertTrue(s.indexed());
        try (SortedCursor c = new SortedCursor(f, s)) {
            check(c);
        }
    }

    @Test
    void csiIndexedFileSeeksAndJumps() throws IOException {
        // Made by tabix -C from the same lines (testdata/annotate/README.md): no .tbi beside it.
        Path f = Path.of(System.getProperty("rareset.testdata", "../testdata"), "annotate", "sparse-csi.tsv.gz");
        assertTrue(java.nio.file.Files.isRegularFile(Path.of(f + ".csi")) && !java.nio.file.Files.exists(Path.of(f + ".tbi")));
        LineRecordStream s = LineRecordStream.open(f, PARSER);
        assertTrue(s.indexed(), "read by region through the CSI index");
        try (SortedCursor c = new SortedCursor(f, s)) {
            check(c);
        }
    }

    @Test
    void plainFileRereadsForContigOrder() throws IOException {
        Path f = TestFiles.text(dir.resolve("t.tsv"), lines().toArray(new String[0]));
        LineRecordStream s = LineRecordStream.open(f, PARSER);
        try (SortedCursor c = new SortedCursor(f, s)) {
            check(c);
        }
    }

    @Test
    void staleTableIndexIsNamedWithItsRebuildCommand() throws IOException {
        Path src = Path.of(System.getProperty("rareset.testdata", "../testdata"), "annotate", "sparse-csi.tsv.gz");
        Path f = java.nio.file.Files.copy(src, dir.resolve("scores.tsv.gz"));
        Path csi = java.nio.file.Files.copy(Path.of(src + ".csi"), dir.resolve("scores.tsv.gz.csi"));
        java.nio.file.Files.setLastModifiedTime(csi, java.nio.file.attribute.FileTime.fromMillis(
                java.nio.file.Files.getLastModifiedTime(f).toMillis() - 86_400_000L));
        org.rareset.core.InputException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.rareset.core.InputException.class, () -> LineRecordStream.open(f, PARSER));
        org.junit.jupiter.api.Assertions.assertEquals(csi.toString(), e.source());
        assertTrue(e.problem().startsWith("the index is older than scores.tsv.gz"), e.getMessage());
        assertTrue(e.hint().startsWith("rebuild it: tabix -f -C -s 1 -b 2 -e 2 scores.tsv.gz"), e.getMessage());
    }
}
