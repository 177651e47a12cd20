package org.rareset.core.bgzf;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.zip.ZipException;
import org.rareset.core.InputException;

/** Chunks from a plain or ordinary-gzip stream, on the calling thread. */
final class StreamChunkReader implements ChunkReader {
    private final Path file;
    private final InputStream in;

    StreamChunkReader(Path file, InputStream in) {
        this.file = file;
        this.in = in;
    }

    @Override
    public Chunk next() {
        byte[] b = new byte[1 << 20];
        try {
            int n = in.readNBytes(b, 0, b.length);
            if (n == 0) return null;
            return new Chunk(b, n);
        } catch (EOFException | ZipException e) {
            throw InputException.of(file, "the file is truncated or corrupt (" + e.getMessage() + ")",
                    "copy, download or compress it again");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
