package org.rareset.core.table;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Page compression for Parquet without Hadoop: SNAPPY (snappy-java), ZSTD (zstd-jni), GZIP
 * (java.util.zip) and UNCOMPRESSED. Parquet's own {@code CodecFactory} goes through Hadoop's
 * {@code CompressionCodec} classes, which would drag Hadoop onto the run-time class path.
 * Parquet compresses each page as one block, which is what these one-shot calls do.
 */
final class ParquetCodecs implements CompressionCodecFactory {
    static final ParquetCodecs INSTANCE = new ParquetCodecs();

    private ParquetCodecs() {}

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return new Compressor(check(codec));
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return new Decompressor(check(codec));
    }

    @Override
    public void release() {}

    private static CompressionCodecName check(CompressionCodecName codec) {
        switch (codec) {
            case UNCOMPRESSED, SNAPPY, ZSTD, GZIP:
                return codec;
            default:
                throw new UnsupportedOperationException("Parquet codec " + codec
                        + " is not supported (supported: UNCOMPRESSED, SNAPPY, ZSTD, GZIP)");
        }
    }

    static byte[] compress(CompressionCodecName codec, byte[] in) throws IOException {
        switch (codec) {
            case UNCOMPRESSED:
                return in;
            case SNAPPY:
                return Snappy.compress(in);
            case ZSTD:
                return Zstd.compress(in, 3);
            case GZIP: {
                ByteArrayOutputStream bos = new ByteArrayOutputStream(in.length / 2 + 64);
                try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
                    gz.write(in);
                }
                return bos.toByteArray();
            }
            default:
                throw new UnsupportedOperationException(codec.toString());
        }
    }

    static byte[] decompress(CompressionCodecName codec, byte[] in, int size) throws IOException {
        switch (codec) {
            case UNCOMPRESSED:
                return in;
            case SNAPPY: {
                byte[] out = new byte[size];
                int n = Snappy.uncompress(in, 0, in.length, out, 0);
                if (n != size) throw new IOException("snappy page: expected " + size + " bytes, got " + n);
                return out;
            }
            case ZSTD: {
                byte[] out = Zstd.decompress(in, size);
                if (out.length != size) throw new IOException("zstd page: expected " + size + " bytes, got " + out.length);
                return out;
            }
            case GZIP: {
                try (GZIPInputStream gz = new GZIPInputStream(new java.io.ByteArrayInputStream(in))) {
                    byte[] out = gz.readNBytes(size);
                    if (out.length != size) throw new IOException("gzip page: expected " + size + " bytes, got " + out.length);
                    return out;
                }
            }
            default:
                throw new UnsupportedOperationException(codec.toString());
        }
    }

    private static final class Compressor implements BytesInputCompressor {
        private final CompressionCodecName codec;

        Compressor(CompressionCodecName codec) { this.codec = codec; }

        @Override
        public BytesInput compress(BytesInput bytes) throws IOException {
            return BytesInput.from(ParquetCodecs.compress(codec, bytes.toByteArray()));
        }

        @Override public CompressionCodecName getCodecName() { return codec; }
        @Override public void release() {}
    }

    private static final class Decompressor implements BytesInputDecompressor {
        private final CompressionCodecName codec;

        Decompressor(CompressionCodecName codec) { this.codec = codec; }

        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
            return BytesInput.from(ParquetCodecs.decompress(codec, bytes.toByteArray(), uncompressedSize));
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                throws IOException {
            byte[] in = new byte[compressedSize];
            input.get(in);
            output.put(ParquetCodecs.decompress(codec, in, uncompressedSize));
        }

        @Override public void release() {}
    }
}
