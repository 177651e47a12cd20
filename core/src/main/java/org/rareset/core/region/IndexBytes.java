package org.rareset.core.region;

import htsjdk.samtools.util.BlockCompressedInputStream;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.rareset.core.bgzf.Bgzf;

/**
 * The decompressed bytes of a tabix or CSI index, read as little-endian numbers, with every count
 * that sizes an array checked against the bytes that are left. A damaged index otherwise claims
 * millions of chunks and the reader allocates them before finding the damage (an out-of-memory
 * error instead of a message); indexes are small (kilobytes to a few megabytes), so reading one
 * whole first costs nothing.
 */
final class IndexBytes {
    private final byte[] all;
    private final DataInputStream in;
    private final ByteArrayInputStream bytes;

    private IndexBytes(byte[] all) {
        this.all = all;
        this.bytes = new ByteArrayInputStream(all);
        this.in = new DataInputStream(bytes);
    }

    /** The whole decompressed index; BGZF blocks are size-checked first and CRC-checked as read. */
    static IndexBytes read(Path index) throws IOException {
        Bgzf.checkBlockSizes(index);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(index));
             InputStream in = Bgzf.checked(new BlockCompressedInputStream(raw))) {
            return new IndexBytes(in.readAllBytes());
        }
    }

    int int32() throws IOException {
        return Integer.reverseBytes(in.readInt());
    }

    long int64() throws IOException {
        return Long.reverseBytes(in.readLong());
    }

    void fully(byte[] b) throws IOException {
        in.readFully(b);
    }

    /** A count of items of {@code unitBytes} each, refused when negative or larger than what is left. */
    int count(int unitBytes, String what) throws IOException {
        int n = int32();
        if (n < 0 || (long) n * unitBytes > bytes.available()) {
            throw new IOException("the index is damaged: it claims " + n + " " + what + " but has " + bytes.available() + " bytes left");
        }
        return n;
    }

    void skip(long n) throws IOException {
        if (n > bytes.available()) throw new IOException("the index is damaged: it ends early");
        in.skipNBytes(n);
    }

    /**
     * Walks a tabix index (hts-specs, "The tabix index format"), so that htsjdk never meets a damaged
     * count, and returns its decompressed bytes for htsjdk to read (the file is read once).
     */
    static byte[] checkTabix(Path tbi) throws IOException {
        IndexBytes b = read(tbi);
        byte[] magic = new byte[4];
        b.fully(magic);
        if (magic[0] != 'T' || magic[1] != 'B' || magic[2] != 'I' || magic[3] != 1) throw new IOException("not a tabix index");
        int nRef = b.count(4, "contigs");
        b.skip(6 * 4); // format, col_seq, col_beg, col_end, meta, skip
        b.skip(b.count(1, "bytes of contig names"));
        for (int r = 0; r < nRef; r++) {
            int nBin = b.count(8, "bins");
            for (int i = 0; i < nBin; i++) {
                b.int32(); // bin number
                b.skip(16L * b.count(16, "chunks"));
            }
            b.skip(8L * b.count(8, "linear-index offsets"));
        }
        return b.all;
    }
}
