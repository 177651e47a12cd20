package org.rareset.genotypes.bgen;

import com.github.luben.zstd.ZstdDecompressCtx;
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
     * One decoding thread's decompressors, made once and reused for every block: a zstd context
     * costs a large allocation and initialisation, which per block showed up in profiles.
     */
    static final class Decompressors implements AutoCloseable {
        private final Inflater inflater = new Inflater();
        private ZstdDecompressCtx zstd;

        @Override
        public void close() {
            inflater.end();
            if (zstd != null) zstd.close();
        }
    }

    /**
     * Decompresses {@code src[0..srcLen)} into exactly {@code dstLen} bytes of {@code dst}.
     *
     * @return null on success, otherwise what went wrong (corrupt data, wrong length)
     */
    String decompress(Decompressors with, byte[] src, int srcLen, byte[] dst, int dstLen) {
        switch (this) {
            case NONE -> {
                if (srcLen != dstLen) return "stored length " + srcLen + " differs from " + dstLen;
                System.arraycopy(src, 0, dst, 0, dstLen);
                return null;
            }
            case ZLIB -> {
                Inflater inflater = with.inflater;
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
                if (with.zstd == null) with.zstd = new ZstdDecompressCtx();
                long n;
                try {
                    with.zstd.reset(); // a failed block must not leave state behind for the next
                    n = with.zstd.decompressByteArray(dst, 0, dstLen, src, 0, srcLen);
                } catch (RuntimeException e) { // zstd-jni throws ZstdException for damaged data
                    return "zstd data is corrupt (" + e.getMessage() + ")";
                }
                if (n != dstLen) return "zstd data gives " + n + " bytes where " + dstLen + " were declared";
                return null;
            }
            default -> throw new AssertionError(this);
        }
    }
}
