package org.rareset.core.bgzf;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.rareset.core.InputException;
import org.rareset.core.concurrent.DaemonPools;

/**
 * Inflates a BGZF file on a small thread pool and returns the text in file order. The calling
 * thread reads compressed blocks (cheap) and groups them into batches of a few MB of text; the
 * pool inflates batches while the caller parses earlier ones.
 *
 * <p>A file cut short (inside a block, or without the BGZF end-of-file marker block) is reported
 * as bad input, naming the file. Each block's inflated text is checked against the CRC32 in its
 * gzip trailer (RFC 1952), as htslib and {@code gzip -t} do, so a flipped bit is an error rather
 * than a changed record; {@link CRC32} is a JIT intrinsic, so the check costs little beside inflating.
 */
public final class BgzfChunkReader implements ChunkReader {
    public static final String TRUNCATED = "the file is truncated (incomplete BGZF block or no end-of-file marker)";
    public static final String TRUNCATED_HINT = "the file was cut short: copy, download or compress it again (bgzip)";
    private static final int HEADER = 18;
    private static final int TARGET_TEXT_BYTES = 1 << 20;
    private static final int TARGET_COMPRESSED_BYTES = 1 << 20;

    private final Path file;
    private final InputStream in;
    private final ExecutorService pool;
    private final ArrayDeque<Future<Chunk>> inFlight = new ArrayDeque<>();
    /** Arrays handed back by the consumer, reused for later batches (saves zeroing fresh memory). */
    private final java.util.concurrent.ConcurrentLinkedQueue<byte[]> spare = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final int maxInFlight;
    private boolean eofSeen;
    private boolean lastBlockEmpty;
    private long blockOffset;

    BgzfChunkReader(Path file, int threads) {
        this(file, open(file), threads);
    }

    /** Reads the BGZF stream {@code in} (a pipe, say), named {@code file} in messages. */
    BgzfChunkReader(Path file, InputStream in, int threads) {
        this.file = file;
        this.in = in;
        int t = Math.max(1, threads);
        this.pool = DaemonPools.fixed(t, "bgzf-inflate");
        this.maxInFlight = 2 * t + 1;
    }

    private static InputStream open(Path file) {
        try {
            return new BufferedInputStream(Files.newInputStream(file), 1 << 20);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when the file starts with a BGZF block header (gzip with the 'BC' extra field). */
    public static boolean isBgzf(byte[] head, int n) {
        return n >= HEADER && (head[0] & 0xff) == 31 && (head[1] & 0xff) == 139 && head[2] == 8
                && (head[3] & 4) != 0 && head[12] == 'B' && head[13] == 'C';
    }

    @Override
    public Chunk next() {
        while (true) {
            while (!eofSeen && inFlight.size() < maxInFlight) submitBatch();
            Future<Chunk> f = inFlight.poll();
            if (f == null) return null;
            Chunk text;
            try {
                text = f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof InputException ie) throw ie;
                throw new IllegalStateException(e.getCause());
            }
            if (text.length() > 0) return text;
            recycle(text);
        }
    }

    @Override
    public void recycle(Chunk chunk) {
        if (spare.size() < maxInFlight + 2) spare.add(chunk.bytes());
    }

    /** Reads whole blocks up to the batch targets and queues their inflation. */
    private void submitBatch() {
        List<byte[]> blocks = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        int textBytes = 0;
        int compressed = 0;
        while (textBytes < TARGET_TEXT_BYTES && compressed < TARGET_COMPRESSED_BYTES) {
            byte[] block = readBlock();
            if (block == null) {
                eofSeen = true;
                if (!lastBlockEmpty) throw InputException.of(file, TRUNCATED, TRUNCATED_HINT);
                break;
            }
            blocks.add(block);
            offsets.add(blockOffset - block.length);
            textBytes += isize(block);
            compressed += block.length;
        }
        if (blocks.isEmpty()) return;
        final int total = textBytes;
        inFlight.add(pool.submit(() -> inflate(blocks, offsets, total)));
    }

    private static int isize(byte[] block) {
        int n = block.length;
        return (block[n - 4] & 0xff) | (block[n - 3] & 0xff) << 8 | (block[n - 2] & 0xff) << 16 | (block[n - 1] & 0xff) << 24;
    }

    /** The CRC32 of the inflated text, from the block's gzip trailer (the 4 bytes before ISIZE). */
    private static int crcOf(byte[] block) {
        int n = block.length - 8;
        return (block[n] & 0xff) | (block[n + 1] & 0xff) << 8 | (block[n + 2] & 0xff) << 16 | (block[n + 3] & 0xff) << 24;
    }

    /** One whole block, or null at a clean end of file. */
    private byte[] readBlock() {
        byte[] header = new byte[HEADER];
        try {
            int n = in.readNBytes(header, 0, HEADER);
            if (n == 0) return null;
            if (n < HEADER) throw InputException.of(file, TRUNCATED, TRUNCATED_HINT);
            if (!isBgzf(header, n)) {
                throw InputException.of(file, "not a valid BGZF block at byte offset " + blockOffset,
                        "the file is damaged or not bgzip-compressed; re-create it with bgzip");
            }
            int xlen = (header[10] & 0xff) | (header[11] & 0xff) << 8;
            if (xlen != 6) {
                throw InputException.of(file, "unsupported BGZF extra field length " + xlen + " at byte offset " + blockOffset,
                        "re-compress the file with bgzip");
            }
            int bsize = ((header[16] & 0xff) | (header[17] & 0xff) << 8) + 1;
            byte[] block = new byte[bsize];
            System.arraycopy(header, 0, block, 0, HEADER);
            int rest = in.readNBytes(block, HEADER, bsize - HEADER);
            if (rest < bsize - HEADER) throw InputException.of(file, TRUNCATED, TRUNCATED_HINT);
            blockOffset += bsize;
            lastBlockEmpty = isize(block) == 0;
            return block;
        } catch (EOFException e) {
            throw InputException.of(file, TRUNCATED, TRUNCATED_HINT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Chunk inflate(List<byte[]> blocks, List<Long> offsets, int total) {
        byte[] out = spare.poll();
        if (out == null || out.length < total) out = new byte[Math.max(total, TARGET_TEXT_BYTES + (1 << 16))];
        Inflater inflater = new Inflater(true);
        CRC32 crc = new CRC32();
        try {
            int at = 0;
            for (int i = 0; i < blocks.size(); i++) {
                byte[] b = blocks.get(i);
                int size = isize(b);
                inflater.reset();
                inflater.setInput(b, HEADER, b.length - HEADER - 8);
                int got = 0;
                while (got < size) {
                    int k = inflater.inflate(out, at + got, size - got);
                    if (k == 0 && (inflater.needsInput() || inflater.finished() || inflater.needsDictionary())) break;
                    got += k;
                }
                if (got != size) {
                    throw InputException.of(file, "BGZF block at byte offset " + offsets.get(i) + " inflates to "
                            + got + " bytes, not " + size, Bgzf.CORRUPT_HINT);
                }
                crc.reset();
                crc.update(out, at, size);
                if ((int) crc.getValue() != crcOf(b)) {
                    throw InputException.of(file, "BGZF block at byte offset " + offsets.get(i) + " " + Bgzf.CRC_MISMATCH, Bgzf.CORRUPT_HINT);
                }
                at += size;
            }
            return new Chunk(out, total);
        } catch (DataFormatException e) {
            throw InputException.of(file, "corrupt BGZF data (" + e.getMessage() + ")", Bgzf.CORRUPT_HINT);
        } finally {
            inflater.end();
        }
    }

    @Override
    public void close() {
        for (Future<Chunk> f : inFlight) f.cancel(true);
        pool.shutdownNow();
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
