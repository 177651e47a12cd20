package org.rareset.core.bgzf;

import htsjdk.samtools.seekablestream.SeekableFileStream;
import htsjdk.samtools.util.BlockCompressedInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Chunks of a BGZF file from a virtual file offset on (htsjdk's {@link BlockCompressedInputStream}), for index seeks. */
public final class SeekableBgzfChunkReader implements ChunkReader {
    private final Path file;
    private final BlockCompressedInputStream in;
    private final byte[] buf = new byte[1 << 16];

    public SeekableBgzfChunkReader(Path file) {
        try {
            this.file = file;
            this.in = Bgzf.checked(new BlockCompressedInputStream(new SeekableFileStream(file.toFile())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void seek(long virtualOffset) {
        try {
            in.seek(virtualOffset);
        } catch (htsjdk.samtools.SAMException e) {
            throw Bgzf.corrupt(file, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Chunk next() {
        try {
            int n = in.read(buf, 0, buf.length);
            return n <= 0 ? null : new Chunk(buf, n);
        } catch (htsjdk.samtools.SAMException e) {
            throw Bgzf.corrupt(file, e);
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
