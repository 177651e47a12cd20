package org.rareset.genotypes.vcf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import org.rareset.core.InputException;
import org.rareset.core.bgzf.Pipes;
import org.rareset.core.region.RegionSet;

/**
 * Reads a bgzipped (or plain) VCF or a BCF as split, sparse {@link Variant}s: one per ALT allele,
 * GT turned into allele counts (haploid calls 0/1), missing calls tracked, a sample subset, region
 * queries through the tabix or CSI index ({@code 1} and {@code chr1} match; a BCF through its CSI
 * index, or streamed and filtered by position when it has none), and optionally only
 * records passing all filters. Records must be sorted by position within each contig, and each
 * contig in one block; anything else is reported as bad input.
 *
 * <pre>{@code
 * try (VcfVariantSource src = VcfVariantSource.open(vcf, VcfReadOptions.all().withRegion("chr1:1-200000"))) {
 *     for (Variant v : src) { ... }
 * }
 * }</pre>
 */
public final class VcfVariantSource extends AbstractGenotypeFileSource {
    /** How records are decoded. */
    enum Decoder { FAST, HTSJDK }

    private final RecordStream stream;
    private final boolean passOnly;
    private final VcfReadOptions options;

    private VcfVariantSource(Path file, RecordStream stream, SampleSelection selection, VcfReadOptions options) {
        super(file, selection);
        this.stream = stream;
        this.passOnly = options.passOnly();
        this.options = options;
    }

    /** The whole file, every sample. */
    public static VcfVariantSource open(Path vcf) {
        return open(vcf, VcfReadOptions.all());
    }

    /**
     * Opens {@code vcf} (.vcf, .vcf.gz, .bcf) for reading.
     *
     * @throws InputException when the file, its index, a region or a sample cannot be used
     */
    public static VcfVariantSource open(Path vcf, VcfReadOptions options) {
        return open(vcf, options, Decoder.FAST);
    }

    /**
     * Opens {@code vcf} as {@link #open(Path, VcfReadOptions)} does, inflating BGZF on up to
     * {@code threads} threads.
     */
    public static VcfVariantSource open(Path vcf, VcfReadOptions options, int threads) {
        return open(vcf, options, Decoder.FAST, threads);
    }

    /**
     * As {@link #open(Path, VcfReadOptions, int)}, but a sites-only VCF (no FORMAT or sample
     * columns, as VEP and annotation pipelines pass around) is read too: its variants have no
     * samples, so no allele counts ({@link #samples()} is empty).
     */
    public static VcfVariantSource openSitesOrGenotypes(Path vcf, VcfReadOptions options, int threads) {
        return open(vcf, options, Decoder.FAST, threads, true);
    }

    static VcfVariantSource open(Path vcf, VcfReadOptions options, Decoder decoder) {
        return open(vcf, options, decoder, Math.min(2, Runtime.getRuntime().availableProcessors()));
    }

    static VcfVariantSource open(Path vcf, VcfReadOptions options, Decoder decoder, int threads) {
        return open(vcf, options, decoder, threads, false);
    }

    private static VcfVariantSource open(Path vcf, VcfReadOptions options, Decoder decoder, int threads, boolean sitesOnlyAllowed) {
        boolean pipe = Pipes.isStream(vcf);
        if (!pipe && !Files.isRegularFile(vcf)) {
            throw InputException.of(vcf, "file not found", "check the --vcf path");
        }
        RegionSet regions = options.hasRegions() ? options.regionSet() : null;
        boolean bcf = isBcf(vcf);
        if (pipe && regions != null) {
            throw InputException.of(vcf, "a region query needs the file's index, and a pipe has none",
                    "give the bgzipped, indexed file itself, or filter the stream before it (bcftools view -r)");
        }
        if (pipe && bcf) {
            throw InputException.of(vcf, "BCF is read from a file, not from a pipe", "give the file, or pipe VCF text (bcftools view -Ov)");
        }
        RecordStream stream;
        if (bcf) {
            HtsjdkRecordStream bcfStream = new HtsjdkRecordStream(vcf, regions, false);
            stream = bcfStream;
            if (regions != null) {
                checkContigs(vcf, regions, bcfStream.headerContigs(), stream);
                useBcfIndex(vcf, regions, bcfStream);
            }
        } else if (regions != null) {
            VcfIndex index = VcfIndex.require(vcf);
            regions = index.resolveAll(vcf, regions);
            // htsjdk queries tabix indexes only, so a CSI-indexed file always takes the fast path.
            if (index.file().toString().endsWith(".csi")) decoder = Decoder.FAST;
            stream = decoder == Decoder.FAST ? new TabixRecordStream(vcf, index.file(), index.index(), regions) : new HtsjdkRecordStream(vcf, regions, true);
        } else {
            stream = decoder == Decoder.FAST ? new TextRecordStream(vcf, threads) : new HtsjdkRecordStream(vcf, null, false);
        }
        try {
            List<String> header = stream.headerSamples();
            if (header.isEmpty() && !sitesOnlyAllowed) {
                throw InputException.of(vcf, "the VCF has no sample columns, so no genotypes (GT)",
                        "give a VCF with a FORMAT column, GT, and one column per sample");
            }
            SampleSelection selection = SampleSelection.resolve(vcf, header, options);
            stream.select(selection);
            return new VcfVariantSource(vcf, stream, selection, options);
        } catch (RuntimeException e) {
            stream.close();
            throw e;
        }
    }

    /**
     * With a CSI index beside the BCF ({@code bcftools index}), reads the regions through it; htsjdk
     * has no BCF index queries. Without one the file is streamed and filtered by position.
     */
    private static void useBcfIndex(Path vcf, RegionSet regions, HtsjdkRecordStream stream) {
        try {
            VcfIndex index = VcfIndex.besideBcf(vcf, stream.headerContigs());
            if (index != null) stream.readBcfByIndex(index.file(), index.index(), index.resolveAll(vcf, regions).regions());
        } catch (RuntimeException e) {
            stream.close();
            throw e;
        }
    }

    /** BCF regions are checked against the header's contigs (a region on another contig is bad input). */
    private static void checkContigs(Path vcf, RegionSet regions, List<String> contigs, RecordStream stream) {
        try {
            regions.requireContigs(vcf, contigs, "the file");
        } catch (InputException e) {
            stream.close();
            throw e;
        }
    }

    /** True for a {@code .bcf} (or {@code .bcf.gz}) file name. */
    public static boolean isBcf(Path vcf) {
        String n = vcf.getFileName().toString().toLowerCase();
        return n.endsWith(".bcf") || n.endsWith(".bcf.gz");
    }

    /** True when regions are fetched through the file's index rather than by streaming it. */
    boolean readsByIndex() {
        return stream instanceof TabixRecordStream || (stream instanceof HtsjdkRecordStream h && h.readsBcfByIndex());
    }

    @Override
    protected RecordReader records() {
        return new Records();
    }

    @Override
    public void close() {
        stream.close();
    }

    private final class Records implements RecordReader {
        private final RecordCalls calls = new RecordCalls(selection.size(), options.halfCall());
        private boolean[] keep = new boolean[4];
        private final ContigOrder order = new ContigOrder();

        @Override
        public boolean readNext(ArrayDeque<Variant> pending) {
            if (!stream.advance()) return false;
            String chrom = stream.chrom();
            int pos = stream.pos();
            checkOrder(chrom, pos);
            stats.records++;
            if (passOnly && !stream.passes()) {
                stats.failedFilterRecords++;
                return true;
            }
            List<String> alts = stream.alts();
            if (alts.isEmpty()) {
                stats.noAltRecords++;
                return true;
            }
            if (alts.size() > 1) stats.multiAllelicRecords++;
            int kept = chooseAlleles(alts);
            if (kept == 0) return true; // nothing a gene test can use: no need to decode the genotypes
            stream.decodeGenotypes(calls);
            stats.halfCalls += calls.halfCalls;
            if (calls.shortRecord) stats.shortRecords++;
            if (calls.gtNotFirst) stats.gtNotFirstRecords++;
            VariantSplitter.split(chrom, pos, stream.id(), stream.ref(), alts, kept == alts.size() ? null : keep, calls, pending::add);
            stats.variants += kept;
            return true;
        }

        /**
         * Marks in {@code keep} the ALT alleles that become variants: sequence alleles, and symbolic
         * SV alleles with {@code --keep-symbolic}; the others are counted by kind. Returns how many are kept.
         */
        private int chooseAlleles(List<String> alts) {
            if (keep.length < alts.size()) keep = new boolean[alts.size()];
            int kept = 0;
            for (int k = 0; k < alts.size(); k++) {
                keep[k] = stats.admit(alts.get(k), options.keepSymbolic());
                if (keep[k]) kept++;
            }
            return kept;
        }

        private void checkOrder(String chrom, int pos) {
            order.require(chrom, pos, file, stream.location(),
                    "sort the file with `bcftools sort -Oz -o sorted.vcf.gz " + file.getFileName() + "` and index it");
        }
    }
}
