package org.rareset.annotate.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Layout constants and encodings of the genotype store ({@code .rsg}); docs/genotype-store.md
 * describes the format. All numbers are little-endian; variable-length integers are unsigned LEB128.
 */
final class StoreFormat {
    private StoreFormat() {}

    static final byte[] HEAD_MAGIC = "RSGSTORE".getBytes(StandardCharsets.US_ASCII);
    static final byte[] FOOT_MAGIC = "RSGFOOT1".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    /** Magic (8) + version (4) + reserved (4). */
    static final int HEADER_BYTES = 16;
    /** Bytes per variant table row: dataOffset, pos, contig, ac, an, carriers, missing, flags, dataLength. */
    static final int ROW_BYTES = 40;
    /** Footer: variants, samples, tableOffset, samplesOffset, contigsOffset, dataEnd (6 x 8) + magic (8). */
    static final int FOOTER_BYTES = 56;
    static final int FLAG_ALT_IS_MINOR = 1;

    static int putVarInt(byte[] b, int at, long v) {
        while ((v & ~0x7FL) != 0) {
            b[at++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        b[at++] = (byte) v;
        return at;
    }

    static long getVarInt(ByteBuffer b) {
        long v = 0;
        int shift = 0;
        while (true) {
            byte x = b.get();
            v |= (long) (x & 0x7F) << shift;
            if (x >= 0) return v;
            shift += 7;
            if (shift > 63) throw new IllegalStateException("bad varint");
        }
    }

    static String getString(ByteBuffer b) {
        int n = (int) getVarInt(b);
        byte[] s = new byte[n];
        b.get(s);
        return new String(s, StandardCharsets.UTF_8);
    }
}
