package org.rareset.genotypes.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Layout constants and encodings of the genotype store ({@code .rsg}); docs/genotype-store.md
 * describes the format. All numbers are little-endian; variable-length integers are unsigned LEB128.
 */
final class StoreFormat {
    private StoreFormat() {}

    static final byte[] HEAD_MAGIC = "RSGSTORE".getBytes(StandardCharsets.US_ASCII);
    static final byte[] FOOT_MAGIC = "RSGFOOT2".getBytes(StandardCharsets.US_ASCII);
    /** Version 2 added the checksums; version 1 stores have none and are refused with a clear message. */
    static final int VERSION = 2;
    /** Magic (8) + version (4) + reserved (4). */
    static final int HEADER_BYTES = 16;
    /**
     * Bytes per variant table row: dataOffset, pos, contig, ac, an, carriers, missing, flags,
     * dataLength, dataCrc (CRC32 of the data block), rowCrc (CRC32 of the row's first 44 bytes).
     */
    static final int ROW_BYTES = 48;
    static final int ROW_DATA_CRC = 40;
    static final int ROW_CRC = 44;
    /**
     * Footer: variants, samples, tableOffset, samplesOffset, contigsOffset, dataEnd (6 x 8), metaCrc
     * (CRC32 of the sample and contig section), footerCrc (CRC32 of the header and the footer's
     * first 52 bytes) + magic (8).
     */
    static final int FOOTER_BYTES = 64;
    static final int FOOTER_CRC = 52;
    static final int FLAG_ALT_IS_MINOR = 1;

    /** CRC32 of {@code b[from, from + n)}. */
    static int crc(byte[] b, int from, int n) {
        java.util.zip.CRC32 c = new java.util.zip.CRC32();
        c.update(b, from, n);
        return (int) c.getValue();
    }

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
