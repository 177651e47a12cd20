package org.rareset.core.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import htsjdk.samtools.util.BlockCompressedInputStream;
import htsjdk.samtools.util.BlockCompressedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tabix index whose BGZF blocks are intact but whose counts are not (hts-specs tabix layout). */
class IndexBytesTest {
    static final Path TBI = Path.of(System.getProperty("rareset.testdata", "../testdata"), "ingest/valid.vcf.gz.tbi");
    @TempDir Path dir;

    @Test
    void theBundledIndexPasses() throws IOException {
        IndexBytes.checkTabix(TBI);
        assertEquals(RegionIndex.readTabix(TBI).contigs(), RegionIndex.beside(Path.of(TBI.toString().replace(".tbi", ""))).contigs());
    }

    /** The bytes the check decompressed give htsjdk the index it reads from the file itself. */
    @Test
    void theCheckedBytesGiveHtsjdksIndexOfTheFile() throws IOException {
        RegionIndex once = RegionIndex.readTabix(TBI);
        RegionIndex file = RegionIndex.of(new htsjdk.tribble.index.tabix.TabixIndex(TBI));
        assertEquals(file.contigs(), once.contigs());
        assertTrue(once.firstOffset(once.contigs().get(0), 1, 500_000_000) >= 0, "the first contig's records are found");
        for (String contig : file.contigs()) {
            for (int start : new int[] {1, 1000, 100_000, 10_000_000}) {
                assertEquals(file.firstOffset(contig, start, 500_000_000), once.firstOffset(contig, start, 500_000_000),
                        contig + ":" + start);
            }
        }
    }

    @Test
    void aHugeBinCountIsRefusedBeforeAnythingIsAllocated() throws IOException {
        byte[] raw = inflate(TBI);
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        int namesLength = b.getInt(4 + 4 + 6 * 4);
        int firstBinCount = 4 + 4 + 6 * 4 + 4 + namesLength;
        b.putInt(firstBinCount, Integer.MAX_VALUE);
        Path bad = deflate(raw, dir.resolve("bad.tbi"));
        IOException e = assertThrows(IOException.class, () -> RegionIndex.readTabix(bad));
        assertTrue(e.getMessage().startsWith("the index is damaged: it claims 2147483647 bins but has "), e.getMessage());
        b.putInt(firstBinCount, -3);
        Path negative = deflate(raw, dir.resolve("negative.tbi"));
        assertTrue(assertThrows(IOException.class, () -> IndexBytes.checkTabix(negative)).getMessage().contains("claims -3 bins"));
    }

    @Test
    void anIndexCutShortIsRefused() throws IOException {
        byte[] raw = inflate(TBI);
        byte[] cut = java.util.Arrays.copyOf(raw, raw.length - 20);
        Path bad = deflate(cut, dir.resolve("cut.tbi"));
        assertThrows(IOException.class, () -> IndexBytes.checkTabix(bad));
    }

    static byte[] inflate(Path p) throws IOException {
        try (InputStream in = new BlockCompressedInputStream(Files.newInputStream(p))) {
            return in.readAllBytes();
        }
    }

    static Path deflate(byte[] raw, Path out) throws IOException {
        try (OutputStream o = new BlockCompressedOutputStream(out.toFile())) {
            o.write(raw);
        }
        return out;
    }
}
