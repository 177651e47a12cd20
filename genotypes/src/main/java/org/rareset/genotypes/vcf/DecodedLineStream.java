package org.rareset.genotypes.vcf;

import java.nio.file.Path;
import java.util.List;
import org.rareset.core.bgzf.BgzfLineSource;

/**
 * The part common to record streams that read VCF text lines with {@link BgzfLineSource} and decode
 * them with {@link VcfLineDecoder}: reading the header (closing the lines if that fails), and the site
 * accessors, genotype decoding and closing, which are the decoder's and the line source's. Subclasses
 * choose which lines to decode ({@link #advance()}) and how to name a record in errors.
 */
abstract class DecodedLineStream implements RecordStream {
    protected final Path file;
    protected final BgzfLineSource lines;
    protected final VcfHeader header;
    protected final VcfLineDecoder decoder;

    /** Reads the header from {@code lines}; closes them if the header is bad. */
    DecodedLineStream(Path file, BgzfLineSource lines) {
        this.file = file;
        this.lines = lines;
        try {
            this.header = VcfHeader.read(file, lines);
        } catch (RuntimeException e) {
            lines.close();
            throw e;
        }
        this.decoder = new VcfLineDecoder(file, header.samples.size());
        // Skipping 0/0 pairs pays off on wide lines; on narrow ones the plain search is cheaper.
        if (header.samples.size() >= SKIP_CALLS_FROM_SAMPLES) lines.lineEndsFrom(VcfLineDecoder::recordEnd);
    }

    /** Sample count from which record ends are found by skipping {@code 0/0} call pairs. */
    static final int SKIP_CALLS_FROM_SAMPLES = 64;

    @Override
    public List<String> headerSamples() {
        return header.samples;
    }

    @Override
    public void select(SampleSelection selection) {
        decoder.select(selection);
    }

    @Override public String chrom() { return decoder.chrom(); }
    @Override public int pos() { return decoder.pos(); }
    @Override public String id() { return decoder.id(); }
    @Override public String ref() { return decoder.ref(); }
    @Override public List<String> alts() { return decoder.alts(); }
    @Override public boolean passes() { return decoder.passes(); }

    @Override
    public void decodeGenotypes(RecordCalls calls) {
        decoder.genotypes(calls);
    }

    @Override
    public void close() {
        lines.close();
    }
}
