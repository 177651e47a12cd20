package org.rareset.core.bgzf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import htsjdk.samtools.util.BlockCompressedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParallelBgzfOutputStreamTest {
    @TempDir Path dir;

    /** Mixed data: long repetitive runs (like genotype lines) and incompressible random stretches. */
    private static byte[] data(int size, long seed) {
        Random r = new Random(seed);
        byte[] b = new byte[size];
        int i = 0;
        while (i < size) {
            int run = Math.min(size - i, 1 + r.nextInt(200_000));
            if (r.nextBoolean()) {
                for (int k = 0; k < run; k++) b[i + k] = (byte) "0/0\t".charAt(k & 3);
            } else {
                byte[] noise = new byte[run];
                r.nextBytes(noise);
                System.arraycopy(noise, 0, b, i, run);
            }
            i += run;
        }
        return b;
    }

    private record Written(byte[] file, List<long[]> marks) {}

    /** Writes in random-sized pieces, marking random positions: each mark is {position, virtual offset}. */
    private static Written write(byte[] data, int threads, int level) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        List<long[]> marks = new ArrayList<>();
        Random r = new Random(11);
        try (ParallelBgzfOutputStream out = new ParallelBgzfOutputStream(sink, level, threads)) {
            int i = 0;
            while (i < data.length) {
                long[] m = {i, -1};
                marks.add(m);
                out.mark(v -> m[1] = v);
                int n = Math.min(data.length - i, r.nextInt(150_000));
                out.write(data, i, n);
                i += n;
            }
        }
        return new Written(sink.toByteArray(), marks);
    }

    @Test
    void roundTripsThroughHtsjdkAndGzipWithSeekableMarks() throws IOException {
        byte[] data = data(3_000_000, 5);
        Written w = write(data, 3, 1);
        Path file = dir.resolve("x.gz");
        Files.write(file, w.file());

        assertEquals(BlockCompressedInputStream.FileTermination.HAS_TERMINATOR_BLOCK,
                BlockCompressedInputStream.checkTermination(file));
        try (InputStream in = new BlockCompressedInputStream(file.toFile())) {
            assertArrayEquals(data, in.readAllBytes());
        }
        // An independent reader: BGZF is multi-member gzip.
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(w.file()))) {
            assertArrayEquals(data, in.readAllBytes());
        }
        try (BlockCompressedInputStream in = new BlockCompressedInputStream(file.toFile())) {
            for (long[] m : w.marks()) {
                assertTrue(m[1] >= 0, "mark resolved");
                in.seek(m[1]);
                byte[] got = new byte[(int) Math.min(100, data.length - m[0])];
                int n = in.readNBytes(got, 0, got.length);
                assertEquals(got.length, n);
                assertArrayEquals(Arrays.copyOfRange(data, (int) m[0], (int) m[0] + got.length), got, "at " + m[0]);
            }
        }
        assertBlocksWithinLimit(w.file());
    }

    @Test
    void outputDoesNotDependOnThreads() throws IOException {
        byte[] data = data(1_500_000, 9);
        assertArrayEquals(write(data, 1, 5).file(), write(data, 4, 5).file());
    }

    @Test
    void emptyStreamIsJustTheEofBlock() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        new ParallelBgzfOutputStream(sink, 1, 2).close();
        assertArrayEquals(ParallelBgzfOutputStream.EOF_BLOCK, sink.toByteArray());
    }

    /** Walks the blocks by their BSIZE fields: each is a gzip member of at most 64 KiB. */
    private static void assertBlocksWithinLimit(byte[] f) {
        int at = 0;
        int blocks = 0;
        while (at < f.length) {
            assertEquals(0x1f, f[at] & 0xff);
            assertEquals(0x8b, f[at + 1] & 0xff);
            int size = ((f[at + 16] & 0xff) | (f[at + 17] & 0xff) << 8) + 1;
            assertTrue(size <= 65536, "block size " + size);
            at += size;
            blocks++;
        }
        assertEquals(f.length, at);
        assertTrue(blocks > 40);
    }
}
