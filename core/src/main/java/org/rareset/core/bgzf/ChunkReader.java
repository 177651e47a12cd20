package org.rareset.core.bgzf;

import java.io.Closeable;

/** Hands out a file's decompressed bytes in order, one chunk at a time. */
public interface ChunkReader extends Closeable {
    /** {@code length} bytes of text at the start of {@code bytes}. */
    record Chunk(byte[] bytes, int length) {}

    /** The next chunk (never empty), or null at the end of the data. */
    Chunk next();

    /** Gives a chunk's array back once its bytes were copied, so it can be reused. */
    default void recycle(Chunk chunk) {}

    @Override
    void close();
}
