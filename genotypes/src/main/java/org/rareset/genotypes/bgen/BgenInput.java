package org.rareset.genotypes.bgen;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Little-endian reads from a file through one reusable buffer, tracking the absolute offset, and
 * long skips by seeking. Running out of file throws {@link EOFException}, which the reader turns
 * into a "truncated" message naming the variant.
 */
final class BgenInput implements AutoCloseable {
    private final FileChannel channel;
    private final ByteBuffer buf;
    /** File offset of {@code buf}'s position 0. */
    private long bufStart;

    BgenInput(FileChannel channel, int bufferSize) {
        this.channel = channel;
        this.buf = ByteBuffer.allocate(bufferSize).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        buf.limit(0);
    }

    long offset() {
        return bufStart + buf.position();
    }

    void seek(long offset) throws IOException {
        if (offset >= bufStart && offset <= bufStart + buf.limit()) {
            buf.position((int) (offset - bufStart));
            return;
        }
        channel.position(offset);
        bufStart = offset;
        buf.clear().limit(0);
    }

    void skip(long n) throws IOException {
        seek(offset() + n);
    }

    private void need(int n) throws IOException {
        if (buf.remaining() >= n) return;
        long at = offset();
        buf.compact();
        bufStart = at;
        channel.position(at + buf.position());
        while (buf.position() < n) {
            if (channel.read(buf) < 0) {
                buf.flip();
                throw new EOFException();
            }
        }
        buf.flip();
    }

    int u8() throws IOException {
        need(1);
        return buf.get() & 0xFF;
    }

    int u16() throws IOException {
        need(2);
        return buf.getShort() & 0xFFFF;
    }

    /** An unsigned 32-bit value; the caller checks it fits what it is used for. */
    long u32() throws IOException {
        need(4);
        return buf.getInt() & 0xFFFFFFFFL;
    }

    void bytes(byte[] dst, int len) throws IOException {
        int done = 0;
        while (done < len) {
            if (!buf.hasRemaining()) need(1);
            int n = Math.min(len - done, buf.remaining());
            buf.get(dst, done, n);
            done += n;
        }
    }

    String string(int len) throws IOException {
        byte[] b = new byte[len];
        bytes(b, len);
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
