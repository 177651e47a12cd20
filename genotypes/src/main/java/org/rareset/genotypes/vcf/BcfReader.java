package org.rareset.genotypes.vcf;

import htsjdk.samtools.util.BlockCompressedInputStream;
import htsjdk.samtools.seekablestream.SeekableBufferedStream;
import htsjdk.samtools.seekablestream.SeekablePathStream;
import htsjdk.samtools.util.CloseableIterator;
import htsjdk.tribble.TribbleException;
import htsjdk.tribble.readers.PositionalBufferedStream;
import htsjdk.variant.bcf2.BCF2Codec;
import htsjdk.variant.bcf2.BCFVersion;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFHeader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import org.rareset.core.bgzf.Bgzf;

/**
 * Streams a BCF file with htsjdk's {@link BCF2Codec}. bcftools writes BCF 2.2 inside BGZF, which
 * htsjdk's file reader refuses (it accepts only uncompressed BCF 2.1); the record layout the codec
 * decodes is the same, so the BGZF layer is removed here and version 2.2 is accepted.
 */
public final class BcfReader implements CloseableIterator<VariantContext> {
    private final InputStream raw;
    private PositionalBufferedStream in;
    private final Codec codec = new Codec();
    private final VCFHeader header;

    /** FORMAT key name of a dictionary index, for {@link BcfGenotypeDecoder}. */
    String dictionary(int index) {
        return codec.dictionaryString(index);
    }

    /** BCF2 codec accepting minor versions 1 and 2. */
    private static final class Codec extends BCF2Codec {
        String dictionaryString(int index) {
            return getDictionaryString(index);
        }

        @Override
        protected void validateVersionCompatibility(BCFVersion supported, BCFVersion actual) {
            if (actual.getMajorVersion() != 2 || actual.getMinorVersion() > 2) {
                throw new TribbleException("BCF version " + actual + " is not supported (2.1 and 2.2 are)");
            }
        }
    }

    public BcfReader(Path file) {
        try {
            BufferedInputStream buffered = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            if (BlockCompressedInputStream.isValidFile(buffered)) {
                buffered.close();
                Bgzf.checkBlockSizes(file);
                checkHeaderLength(file);
                // seekable, so that regions can be read through the CSI index
                this.raw = Bgzf.checked(new BlockCompressedInputStream(new SeekableBufferedStream(new SeekablePathStream(file), 1 << 16)));
            } else {
                this.raw = buffered;
            }
            this.in = new PositionalBufferedStream(raw);
            this.header = (VCFHeader) codec.readHeader(in).getHeaderValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Refuses a header length no real file has before htsjdk allocates it: a damaged length field
     * would otherwise make it allocate and fill gigabytes before failing. A header inflates to at
     * most a few hundred times its compressed size; 64 MiB covers the largest real headers.
     */
    private static void checkHeaderLength(Path file) throws IOException {
        long size = Files.size(file);
        try (BlockCompressedInputStream in = Bgzf.checked(new BlockCompressedInputStream(Files.newInputStream(file)))) {
            byte[] head = in.readNBytes(9);
            if (head.length < 9 || head[0] != 'B' || head[1] != 'C' || head[2] != 'F') return; // the codec reports it
            long text = (head[5] & 0xffL) | (head[6] & 0xffL) << 8 | (head[7] & 0xffL) << 16 | (head[8] & 0xffL) << 24;
            if (text > Math.max(64L << 20, 1000 * size)) {
                throw org.rareset.core.InputException.of(file, "the BCF header claims " + text + " bytes, more than the file can hold: "
                        + "the file is damaged", Bgzf.CORRUPT_HINT);
            }
        } catch (htsjdk.samtools.SAMException e) {
            throw Bgzf.corrupt(file, e);
        }
    }

    /** Moves to the record at BGZF virtual offset {@code virtualOffset} (from the file's CSI index). */
    void seek(long virtualOffset) {
        if (!(raw instanceof BlockCompressedInputStream bgzf)) {
            throw new IllegalStateException("an uncompressed BCF cannot be read by index");
        }
        try {
            bgzf.seek(virtualOffset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        in = new PositionalBufferedStream(raw);
    }

    public VCFHeader header() {
        return header;
    }

    @Override
    public boolean hasNext() {
        try {
            return !in.isDone();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public VariantContext next() {
        if (!hasNext()) throw new NoSuchElementException();
        return codec.decode(in);
    }

    @Override
    public void close() {
        in.close();
    }
}
