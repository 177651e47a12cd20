package org.rareset.core.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A text table written with no rows records that it is complete; the readers skip the record. */
class EmptyTableTest {
    @TempDir Path dir;

    @Test
    void anEmptyTableEndsWithTheMarkerAndReadsBackWithNoRows() throws Exception {
        Path out = dir.resolve("scores.tsv");
        TableSchema schema = TableSchema.of(Column.string("sample"), Column.string("gene"), Column.float64("score"));
        assertEquals(0, TableWriters.write(out, schema, w -> { }));
        assertEquals(List.of("sample\tgene\tscore", EmptyTable.MARKER), Files.readAllLines(out));
        try (TableReader r = TableReaders.open(out)) {
            assertEquals(List.of("sample", "gene", "score"), r.columns());
            assertFalse(r.iterator().hasNext());
        }
    }

    @Test
    void aTableWithRowsHasNoMarker() throws Exception {
        Path out = dir.resolve("scores.tsv");
        TableSchema schema = TableSchema.of(Column.string("sample"), Column.string("gene"), Column.float64("score"));
        TableWriters.write(out, schema, w -> w.writeRow("S1", "G1", 0.5));
        assertEquals(List.of("sample\tgene\tscore", "S1\tG1\t0.5"), Files.readAllLines(out));
    }
}
