package org.rareset.annotate.vcf;

import java.io.Closeable;

/** Hands out a file's decompressed bytes in order, one chunk at a time. */
interface ChunkReader extends Closeable {
    /** The next chunk (never empty), or null at the end of the data. */
    byte[] next();

    @Override
    void close();
}
