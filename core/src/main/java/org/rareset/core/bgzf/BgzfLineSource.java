package org.rareset.core.bgzf;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The lines of a text file (bgzipped, gzipped or plain) as byte ranges of a reused buffer, with
 * exact 1-based line numbers. BGZF files are inflated on {@code threads} threads. The source knows
 * nothing of the text's format: a format whose lines can be scanned faster than byte by byte hands
 * in its own {@link LineEnds} (VCF records skip runs of {@code 0/0} calls).
 */
public final class BgzfLineSource implements Closeable {
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long NEWLINES = ONES * '\n';

    private final ChunkReader chunks;
    private byte[] buf = new byte[1 << 16];
    private int limit;
    private int pos;
    private int lineStart;
    private int lineEnd;
    private long lineNumber;
    private LineEnds lineEnds = BgzfLineSource::indexOfNewline;

    /** Finds the end of a line: the index of the first '\n' in {@code b[from, limit)}, or -1. */
    @FunctionalInterface
    public interface LineEnds {
        int find(byte[] b, int from, int limit);
    }

    public BgzfLineSource(Path file, int threads) {
        this.chunks = open(file, threads);
    }

    /** Lines of the chunks {@code chunks} hands out; line numbers count from the first line read. */
    public BgzfLineSource(ChunkReader chunks) {
        this.chunks = chunks;
    }

    /** Forgets buffered text, after the chunk reader was moved elsewhere in the file. */
    public void discard() {
        pos = 0;
        limit = 0;
    }

    private static ChunkReader open(Path file, int threads) {
        if (Pipes.isStream(file)) return openStream(file, threads);
        byte[] head = new byte[18];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (BgzfChunkReader.isBgzf(head, n)) return new BgzfChunkReader(file, threads);
        InputStream in = null;
        try {
            in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            if (n >= 2 && (head[0] & 0xff) == 31 && (head[1] & 0xff) == 139) in = new GZIPInputStream(in, 1 << 16);
            return new StreamChunkReader(file, in);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            // GZIPInputStream reads the header in its constructor: a damaged or cut header is bad input
            closeQuietly(in);
            throw damagedGzip(file, e);
        } catch (IOException e) {
            closeQuietly(in);
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A pipe ({@code -} for standard input, a FIFO, {@code /dev/stdin}, process substitution):
     * read once, so the format is told from the first bytes, kept in the buffer.
     */
    private static ChunkReader openStream(Path file, int threads) {
        try {
            BufferedInputStream in = new BufferedInputStream(Pipes.open(file), 1 << 20);
            in.mark(64);
            byte[] head = in.readNBytes(18);
            in.reset();
            int n = head.length;
            if (BgzfChunkReader.isBgzf(head, n)) return new BgzfChunkReader(file, in, threads);
            if (n >= 2 && (head[0] & 0xff) == 31 && (head[1] & 0xff) == 139) return new StreamChunkReader(file, new GZIPInputStream(in, 1 << 16));
            return new StreamChunkReader(file, in);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw damagedGzip(file, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static org.rareset.core.InputException damagedGzip(Path file, IOException e) {
        return org.rareset.core.InputException.of(file, "the gzip header is damaged or cut short ("
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")",
                "check the file with 'gzip -t'; re-create it with bgzip");
    }

    private static void closeQuietly(InputStream in) {
        if (in == null) return;
        try {
            in.close();
        } catch (IOException ignored) {
            // already failing: the header error is the one to report
        }
    }

    /** Moves to the next line; false at the end. A last line without '\n' still counts. */
    public boolean next() {
        int scanFrom = pos;
        while (true) {
            int nl = indexOfNewline(scanFrom);
            if (nl >= 0) {
                lineStart = pos;
                lineEnd = nl > pos && buf[nl - 1] == '\r' ? nl - 1 : nl;
                pos = nl + 1;
                lineNumber++;
                return true;
            }
            ChunkReader.Chunk chunk = chunks.next();
            if (chunk == null) {
                if (pos < limit) {
                    lineStart = pos;
                    lineEnd = limit;
                    pos = limit;
                    lineNumber++;
                    return true;
                }
                return false;
            }
            int keep = limit - pos;
            int n = chunk.length();
            if (keep + n > buf.length) {
                byte[] bigger = new byte[Math.max(buf.length * 2, keep + n + 8)];
                System.arraycopy(buf, pos, bigger, 0, keep);
                buf = bigger;
            } else {
                System.arraycopy(buf, pos, buf, 0, keep);
            }
            System.arraycopy(chunk.bytes(), 0, buf, keep, n);
            chunks.recycle(chunk);
            pos = 0;
            scanFrom = keep;
            limit = keep + n;
        }
    }

    /** Index of the first '\n' in buf[from, limit), or -1. */
    private int indexOfNewline(int from) {
        return lineEnds.find(buf, from, limit);
    }

    /**
     * Line ends from here on are found with {@code ends}, which must give the same answer as
     * {@link #indexOfNewline(byte[], int, int)} (it may only be faster for the lines that follow).
     */
    public void lineEndsFrom(LineEnds ends) {
        this.lineEnds = ends;
    }

    /** Index of the first '\n' in b[from, limit), eight bytes at a time, or -1. */
    public static int indexOfNewline(byte[] b, int from, int limit) {
        int i = from;
        int end8 = limit - 8;
        while (i <= end8) {
            int k = newlineIn((long) LONG.get(b, i));
            if (k >= 0) return i + k;
            i += 8;
        }
        for (; i < limit; i++) if (b[i] == '\n') return i;
        return -1;
    }

    /** Byte index (0-7, little-endian) of the first '\n' in the eight bytes of {@code word}, or -1. */
    public static int newlineIn(long word) {
        long x = word ^ NEWLINES;
        long found = (x - ONES) & ~x & HIGHS;
        return found == 0 ? -1 : Long.numberOfTrailingZeros(found) >>> 3;
    }

    public byte[] buffer() {
        return buf;
    }

    public int lineStart() {
        return lineStart;
    }

    /** Exclusive end of the current line, without '\n' or '\r\n'. */
    public int lineEnd() {
        return lineEnd;
    }

    public long lineNumber() {
        return lineNumber;
    }

    @Override
    public void close() {
        chunks.close();
    }
}
