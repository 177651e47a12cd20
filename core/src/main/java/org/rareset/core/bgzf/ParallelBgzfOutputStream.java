package org.rareset.core.bgzf;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.rareset.core.concurrent.DaemonPools;

/**
 * A BGZF writer (SAM/BAM specification section 4.1) that deflates its blocks on several threads
 * and writes them in order. Each block holds at most {@value #BLOCK_INPUT} input bytes, as bgzip
 * does, so even a stored (incompressible) block fits the 64 KiB BGZF limit; the file ends with the
 * standard empty EOF block. Output is identical for any number of threads.
 *
 * <p>{@link #mark(LongConsumer)} asks for the BGZF virtual offset (block address &lt;&lt; 16 |
 * offset in block) of the next byte written; the callback runs, in mark order, once that block's
 * address is known. This is how the tabix index is built while writing.
 */
public final class ParallelBgzfOutputStream extends OutputStream {
    /** bgzip's input bytes per block (0xff00). */
    static final int BLOCK_INPUT = 0xff00;
    private static final int HEADER = 18;
    private static final int FOOTER = 8;
    private static final int MAX_BLOCK = 65536;
    static final byte[] EOF_BLOCK = {
        0x1f, (byte) 0x8b, 8, 4, 0, 0, 0, 0, 0, (byte) 0xff, 6, 0, 0x42, 0x43, 2, 0, 0x1b, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0};

    private record Mark(long block, int offset, LongConsumer callback) {}

    private final OutputStream out;
    private final int level;
    private final ExecutorService pool;
    private final int maxPending;
    private final ArrayDeque<Future<byte[]>> pending = new ArrayDeque<>();
    private final ArrayDeque<Mark> marks = new ArrayDeque<>();
    private final ConcurrentLinkedQueue<Deflater> deflaters = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Deflater> allDeflaters = new ConcurrentLinkedQueue<>();
    private byte[] buffer = new byte[BLOCK_INPUT];
    private int used;
    private long blocksSubmitted;
    private long blocksWritten;
    private long address;
    private boolean closed;

    public ParallelBgzfOutputStream(OutputStream out, int level, int threads) {
        if (level < 0 || level > 9) throw new IllegalArgumentException("deflate level " + level);
        this.out = out;
        this.level = level;
        int n = Math.max(1, threads);
        this.pool = DaemonPools.fixed(n, "bgzf-deflate");
        this.maxPending = 4 * n;
    }

    @Override
    public void write(int b) throws IOException {
        if (used == BLOCK_INPUT) submit();
        buffer[used++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (used == BLOCK_INPUT) submit();
            int n = Math.min(len, BLOCK_INPUT - used);
            System.arraycopy(b, off, buffer, used, n);
            used += n;
            off += n;
            len -= n;
        }
    }

    /** Reports the virtual offset of the next byte written to {@code callback}, once known. */
    public void mark(LongConsumer callback) throws IOException {
        if (used == BLOCK_INPUT) submit();
        marks.add(new Mark(blocksSubmitted, used, callback));
    }

    /** Virtual offset just past the data, valid after {@link #close()}. */
    public long endVirtualOffset() {
        return address << 16;
    }

    /** Compressed bytes written so far (the file size after {@link #close()}). */
    public long compressedBytes() {
        return address;
    }

    @Override
    public void flush() throws IOException {
        // BGZF blocks are cut at full size; partial blocks are only written at close.
    }

    private void submit() throws IOException {
        if (used == 0) return;
        final byte[] input = buffer;
        final int length = used;
        pending.add(pool.submit(() -> deflate(input, length)));
        blocksSubmitted++;
        buffer = new byte[BLOCK_INPUT];
        used = 0;
        while (pending.size() > maxPending) writeHead();
    }

    private void writeHead() throws IOException {
        byte[] block;
        try {
            block = pending.poll().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while compressing BGZF blocks", e);
        } catch (ExecutionException e) {
            throw new IOException("compressing a BGZF block failed: " + e.getCause(), e.getCause());
        }
        while (!marks.isEmpty() && marks.peek().block() == blocksWritten) {
            Mark m = marks.poll();
            m.callback().accept((address << 16) | m.offset());
        }
        out.write(block);
        address += block.length;
        blocksWritten++;
    }

    private byte[] deflate(byte[] input, int length) {
        Deflater deflater = deflaters.poll();
        if (deflater == null) {
            deflater = new Deflater(level, true);
            allDeflaters.add(deflater);
        }
        try {
            byte[] cdata = compress(deflater, input, length);
            if (cdata == null) {
                // Incompressible: store it (always fits, BLOCK_INPUT leaves room for the stored-block overhead).
                Deflater stored = new Deflater(Deflater.NO_COMPRESSION, true);
                try {
                    cdata = compress(stored, input, length);
                } finally {
                    stored.end();
                }
            }
            CRC32 crc = new CRC32();
            crc.update(input, 0, length);
            int size = HEADER + cdata.length + FOOTER;
            byte[] block = new byte[size];
            block[0] = 0x1f; block[1] = (byte) 0x8b; block[2] = 8; block[3] = 4;
            block[9] = (byte) 0xff; block[10] = 6; block[12] = 'B'; block[13] = 'C'; block[14] = 2;
            putShort(block, 16, size - 1);
            System.arraycopy(cdata, 0, block, HEADER, cdata.length);
            putInt(block, HEADER + cdata.length, (int) crc.getValue());
            putInt(block, HEADER + cdata.length + 4, length);
            return block;
        } finally {
            deflater.reset();
            deflaters.add(deflater);
        }
    }

    /** Raw deflate of the input, or null when it would not fit one BGZF block. */
    private static byte[] compress(Deflater deflater, byte[] input, int length) {
        deflater.setInput(input, 0, length);
        deflater.finish();
        byte[] cdata = new byte[MAX_BLOCK - HEADER - FOOTER];
        int n = 0;
        while (!deflater.finished()) {
            if (n == cdata.length) return null;
            n += deflater.deflate(cdata, n, cdata.length - n);
        }
        return java.util.Arrays.copyOf(cdata, n);
    }

    private static void putShort(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }

    /** Writes the remaining data and the EOF block, then closes the underlying stream. */
    @Override
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        try {
            submit();
            while (!pending.isEmpty()) writeHead();
            // A mark after the last byte points just past the data.
            while (!marks.isEmpty()) marks.poll().callback().accept(address << 16);
            out.write(EOF_BLOCK);
            out.close();
        } finally {
            release();
        }
    }

    /** Stops the workers without writing anything more (after a failure). */
    public void abort() {
        closed = true;
        pending.forEach(f -> f.cancel(true));
        pending.clear();
        release();
        try {
            out.close();
        } catch (IOException ignored) {
            // The caller is already handling the failure that led here.
        }
    }

    private void release() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Deflater d;
        while ((d = allDeflaters.poll()) != null) d.end();
    }
}
