package org.rareset.annotate;

import htsjdk.samtools.util.BlockCompressedInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.rareset.core.bgzf.Bgzf;
import org.rareset.core.region.RegionIndex;
import org.rareset.core.region.StaleIndex;

/**
 * Lines of a bgzipped file indexed by tabix or CSI, from a position onwards: the index gives the first
 * BGZF block that can hold the position, then lines are read in order to the end of the file
 * (the caller stops at the next contig). Reads whole buffers rather than byte by byte, which is
 * most of the cost for tables like CADD's.
 */
final class TabixLines implements AutoCloseable {
    private final Path file;
    private final RegionIndex index;
    private final BlockCompressedInputStream in;
    private byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private boolean active;
    private boolean eof;

    TabixLines(Path file) throws IOException {
        this.index = RegionIndex.beside(file);
        if (index == null) throw new IOException("no .tbi or .csi index beside the file");
        this.file = file;
        this.in = Bgzf.checked(new BlockCompressedInputStream(file));
    }

    List<String> sequenceNames() {
        return index.contigs();
    }

    /** Moves to the first line that can hold {@code name}:{@code start} (1-based) or later. */
    void seek(String name, int start) throws IOException {
        long first = index.firstOffset(name, Math.max(1, start), Integer.MAX_VALUE >> 2);
        pos = 0;
        limit = 0;
        eof = false;
        if (first < 0) {
            active = false;
            return;
        }
        StaleIndex.checkOffset(file, StaleIndex.besideFile(file), first);
        in.seek(first);
        active = true;
    }

    /** Nothing more to read until the next seek. */
    void stop() {
        active = false;
    }

    /** The next line without its line break, or null at the end (or before any seek). */
    String nextLine() throws IOException {
        if (!active) return null;
        int scan = pos;
        while (true) {
            for (int i = scan; i < limit; i++) {
                if (buf[i] == '\n') {
                    String line = new String(buf, pos, i - pos, StandardCharsets.ISO_8859_1);
                    pos = i + 1;
                    return line;
                }
            }
            if (eof) {
                if (pos < limit) {
                    String line = new String(buf, pos, limit - pos, StandardCharsets.ISO_8859_1);
                    pos = limit;
                    return line;
                }
                active = false;
                return null;
            }
            // Keep the partial line, refill behind it.
            int kept = limit - pos;
            if (kept == buf.length) buf = java.util.Arrays.copyOf(buf, buf.length * 2);
            System.arraycopy(buf, pos, buf, 0, kept);
            pos = 0;
            limit = kept;
            scan = kept;
            int n;
            try {
                n = in.read(buf, limit, buf.length - limit);
            } catch (htsjdk.samtools.SAMException e) {
                throw Bgzf.corrupt(file, e);
            }
            if (n < 0) eof = true;
            else limit += n;
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // Reading is over.
        }
    }
}
