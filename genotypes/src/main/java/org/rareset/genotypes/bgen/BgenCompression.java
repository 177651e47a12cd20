package org.rareset.genotypes.bgen;

import com.github.luben.zstd.Zstd;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * How a BGEN file compresses its genotype blocks (header flags bits 0-1): none, zlib (deflate
 * with a zlib header) or Zstandard (v1.3). Zstandard goes through zstd-jni, already on the class
 * path for Parquet, rather than a second, pure-Java decoder.
 */
public enum BgenCompression {
    NONE, ZLIB, ZSTD;

    /** Compression from header flag bits 0-1, or null for an undefined value. */
    static BgenCompression fromFlags(int flags) {
        return switch (flags & 3) {
            case 0 -> NONE;
            case 1 -> ZLIB;
            case 2 -> ZSTD;
            default -> null;
        };
    }

    /**
     * Decompresses {@code src[0..srcLen)} into exactly {@code dstLen} bytes of {@code dst}.
     *
     * @return null on success, otherwise what went wrong (corrupt data, wrong length)
     */
    String decompress(Inflater inflater, byte[] src, int srcLen, byte[] dst, int dstLen) {
        switch (this) {
            case NONE -> {
                if (srcLen != dstLen) return "stored length " + srcLen + " differs from " + dstLen;
                System.arraycopy(src, 0, dst, 0, dstLen);
                return null;
            }
            case ZLIB -> {
                inflater.reset();
                inflater.setInput(src, 0, srcLen);
                try {
                    int n = 0;
                    while (n < dstLen) {
                        int got = inflater.inflate(dst, n, dstLen - n);
                        if (got == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) break;
                        n += got;
                    }
                    if (n != dstLen || !inflater.finished()) {
                        return "zlib data gives " + (n == dstLen ? "more" : Integer.toString(n)) + " bytes where " + dstLen + " were declared";
                    }
                    return null;
                } catch (DataFormatException e) {
                    return "zlib data is corrupt (" + e.getMessage() + ")";
                }
            }
            case ZSTD -> {
                long n;
                try {
                    n = Zstd.decompressByteArray(dst, 0, dstLen, src, 0, srcLen);
                } catch (RuntimeException e) { // zstd-jni throws ZstdException for some damage instead of returning a code
                    return "zstd data is corrupt (" + e.getMessage() + ")";
                }
                if (Zstd.isError(n)) return "zstd data is corrupt (" + Zstd.getErrorName(n) + ")";
                if (n != dstLen) return "zstd data gives " + n + " bytes where " + dstLen + " were declared";
                return null;
            }
            default -> throw new AssertionError(this);
        }
    }
}
