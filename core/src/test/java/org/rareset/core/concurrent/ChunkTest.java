package org.rareset.core.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChunkTest {
    @Test
    void chunksAreContiguousDisjointAndCoverEverything() {
        for (int g : new int[] {0, 1, 5, 7, 200, 1001}) {
            List<Integer> items = IntStream.range(0, g).boxed().toList();
            for (int n : new int[] {1, 2, 3, 8, 13}) {
                List<Integer> joined = new ArrayList<>();
                int min = Integer.MAX_VALUE, max = 0;
                for (int k = 1; k <= n; k++) {
                    Chunk c = new Chunk(k, n);
                    List<Integer> part = c.select(items);
                    for (int i : part) assertTrue(c.contains(i, g), "select agrees with contains");
                    joined.addAll(part);
                    min = Math.min(min, part.size());
                    max = Math.max(max, part.size());
                }
                assertEquals(items, joined, "chunks in order give every item once, g=" + g + " n=" + n);
                assertTrue(max - min <= 1, "sizes differ by at most one");
            }
        }
    }

    @Test
    void twoHundredGenesInThreeChunks() {
        List<Integer> items = IntStream.range(0, 200).boxed().toList();
        // floor(i * 3 / 200): i = 0..66 -> 1, 67..133 -> 2, 134..199 -> 3
        assertEquals(List.of(0, 66), ends(new Chunk(1, 3).select(items)));
        assertEquals(List.of(67, 133), ends(new Chunk(2, 3).select(items)));
        assertEquals(List.of(134, 199), ends(new Chunk(3, 3).select(items)));
    }

    private static List<Integer> ends(List<Integer> l) {
        return List.of(l.get(0), l.get(l.size() - 1));
    }

    @Test
    void parsing() {
        assertEquals(new Chunk(2, 8), Chunk.parse("2/8"));
        assertThrows(IllegalArgumentException.class, () -> Chunk.parse("0/8"));
        assertThrows(IllegalArgumentException.class, () -> Chunk.parse("9/8"));
        assertThrows(IllegalArgumentException.class, () -> Chunk.parse("2-8"));
    }
}
