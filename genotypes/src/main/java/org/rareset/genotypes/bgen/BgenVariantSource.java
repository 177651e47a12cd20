package org.rareset.genotypes.bgen;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.rareset.core.InputException;
import org.rareset.core.concurrent.DaemonPools;
import org.rareset.core.region.RegionSet;
import org.rareset.genotypes.input.GenotypeInput;
import org.rareset.genotypes.input.ImportOptions;
import org.rareset.genotypes.vcf.ContigOrder;
import org.rareset.genotypes.vcf.AbstractGenotypeFileSource;
import org.rareset.genotypes.vcf.RecordCalls;
import org.rareset.genotypes.vcf.SampleSelection;
import org.rareset.genotypes.vcf.Variant;
import org.rareset.genotypes.vcf.VariantSplitter;
import org.rareset.genotypes.vcf.VcfReadOptions;

/**
 * Reads a BGEN v1.1, v1.2 or v1.3 file (layouts 1 and 2; uncompressed, zlib or zstd blocks; 1- to
 * 32-bit probabilities; phased or unphased; any ploidy and allele count) as sparse {@link Variant}s
 * of hard calls ({@link HardCalls}), the same way {@link org.rareset.genotypes.vcf.VcfVariantSource}
 * reads a VCF.
 *
 * <p>Alleles: the last allele is REF and the others are ALT 1, 2, ... in file order (plink2's
 * {@code ref-last}, which is how {@code plink2 --export bgen-1.x} writes REF by default);
 * {@link ImportOptions#refFirst()} makes the first allele REF instead. A multi-allelic record is
 * split into one variant per ALT as a VCF record is. The variant id is the rsid field, or the
 * SNPID field when the rsid is empty or '.'.
 *
 * <p>Samples: the {@code .sample} file when given, else the ids stored in the file. Regions are
 * read through the file's bgenix index {@code FILE.bgen.bgi} when there is one ({@link BgiIndex}:
 * a seek to each block inside the regions, each block checked against its index row); otherwise by
 * walking the variant blocks and skipping, without decompressing, those outside.
 */
public final class BgenVariantSource extends AbstractGenotypeFileSource {
    private final BgenInput in;
    private final BgenHeader header;
    private final RegionSet regions;
    private final ImportOptions options;
    private final int threads;
    private final boolean keepSymbolic;
    /** The blocks inside the regions from the .bgi index, in file order; null = walk the file. */
    private final List<BgiIndex.Block> indexed;
    private final String indexNote;

    private BgenVariantSource(Path file, BgenInput in, BgenHeader header, SampleSelection selection, RegionSet regions,
                              ImportOptions options, boolean keepSymbolic, int threads, List<BgiIndex.Block> indexed, String indexNote) {
        super(file, selection);
        this.indexed = indexed;
        this.indexNote = indexNote;
        this.keepSymbolic = keepSymbolic;
        this.threads = threads;
        this.in = in;
        this.header = header;
        this.regions = regions;
        this.options = options;
    }

    /**
     * Opens the file and reads its header and sample ids.
     *
     * @throws InputException for a missing or malformed file, missing or duplicate sample ids, a
     *                        .sample file with another sample count, or an unknown sample
     */
    public static BgenVariantSource open(GenotypeInput input, VcfReadOptions read, ImportOptions options) {
        return open(input, read, options, 1);
    }

    /**
     * Opens the file as {@link #open(GenotypeInput, VcfReadOptions, ImportOptions)} does, decompressing
     * and calling genotypes on up to {@code threads} threads (variants still come out in file order).
     */
    public static BgenVariantSource open(GenotypeInput input, VcfReadOptions read, ImportOptions options, int threads) {
        input.requireFiles();
        if (read.passOnly()) {
            throw new InputException("--pass-only", null, "BGEN files have no FILTER field", "leave out --pass-only");
        }
        Path file = input.file();
        BgenInput in;
        try {
            in = new BgenInput(FileChannel.open(file, StandardOpenOption.READ), 1 << 20);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            BgenHeader header = BgenHeader.read(file, in);
            List<String> names = sampleNames(input, header, options);
            SampleSelection selection = SampleSelection.resolve(input.sample() != null ? input.sample() : file, names, read);
            RegionSet regions = read.hasRegions() ? read.regionSet() : null;
            List<BgiIndex.Block> indexed = null;
            String note = null;
            Path bgi = BgiIndex.pathOf(file);
            if (regions != null && java.nio.file.Files.isRegularFile(bgi)) {
                try {
                    indexed = BgiIndex.blocksIn(bgi, file, regions);
                    note = String.format("regions read through %s: %d variant blocks", bgi.getFileName(), indexed.size());
                } catch (LinkageError e) { // SQLite's native library cannot load here (e.g. a noexec temporary folder)
                    note = "index " + bgi.getFileName() + " not used (SQLite unavailable: " + e.getMessage() + "); regions read by walking the file";
                }
            }
            in.seek(header.firstVariant());
            return new BgenVariantSource(file, in, header, selection, regions, options, read.keepSymbolic(), threads, indexed, note);
        } catch (IOException e) {
            closeQuietly(in);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            closeQuietly(in);
            throw e;
        }
    }

    private static List<String> sampleNames(GenotypeInput input, BgenHeader header, ImportOptions options) {
        if (input.sample() != null) {
            List<String> names = BgenSampleFile.sampleNames(input.sample(), options.fidIid());
            if (names.size() != header.samples()) {
                throw InputException.of(input.sample(), "lists " + names.size() + " samples, but " + input.file().getFileName()
                        + " has " + header.samples(), "give the .sample file written with this BGEN");
            }
            return names;
        }
        if (header.sampleIds() == null) {
            throw InputException.of(input.file(), "the file stores no sample ids", "give its .sample file with --sample");
        }
        Set<String> seen = new HashSet<>();
        for (String id : header.sampleIds()) {
            if (!seen.add(id)) {
                throw InputException.of(input.file(), "sample id '" + id + "' appears twice in the file's sample id block",
                        "sample ids must be unique; give a .sample file with unique ids with --sample");
            }
        }
        return header.sampleIds();
    }

    public BgenHeader header() {
        return header;
    }

    /** How regions are read when a {@code .bgi} index is beside the file (used, or why not); null otherwise. */
    public String indexNote() {
        return indexNote;
    }

    /** The reader handed out by {@link #records()}, so that {@link #close()} can stop its threads. */
    private Records records;

    @Override
    protected RecordReader records() {
        records = new Records();
        return records;
    }

    @Override
    public void close() {
        if (records != null) records.finish();
        closeQuietly(in);
    }

    /**
     * One variant block as read from the file, its genotype data still compressed; decoding it
     * ({@link Decoder}) needs nothing else, so blocks can be decoded on several threads.
     */
    private record RawBlock(long index, long at, String chrom, int pos, String id, List<String> alleles,
                            byte[] packed, int stored, int declared) {}

    /** What one block gives: its variants, in ALT order, and its ALT count for the statistics. */
    private record Decoded(List<Variant> variants, int nAlts) {}

    /**
     * Decompresses a block and makes its hard calls. Holds per-thread buffers, so each decoding
     * thread has its own.
     */
    private final class Decoder {
        private final RecordCalls calls = new RecordCalls(selection.size());
        private final HardCalls hardCalls = new HardCalls(header.samples(), selection, options.hardCallThreshold());
        private final BgenCompression.Decompressors decompressors = new BgenCompression.Decompressors();
        private byte[] data = new byte[1 << 16];

        Decoded decode(RawBlock b) {
            int k = b.alleles.size();
            if (data.length < b.declared) data = new byte[Math.max(b.declared, data.length * 2)];
            String problem = header.compression().decompress(decompressors, b.packed, b.stored, data, b.declared);
            if (problem == null) {
                int[] alleleMap = new int[k];
                int ref = options.refFirst() ? 0 : k - 1;
                List<String> alts = new ArrayList<>(k - 1);
                for (int a = 0, j = 1; a < k; a++) {
                    if (a == ref) continue;
                    alleleMap[a] = j++;
                    alts.add(b.alleles.get(a));
                }
                problem = header.layout() == 1 ? hardCalls.layout1(data, b.declared, alleleMap, calls)
                        : hardCalls.layout2(data, b.declared, k, alleleMap, calls);
                if (problem == null) {
                    List<Variant> out = new ArrayList<>(k - 1);
                    VariantSplitter.split(b.chrom, b.pos, b.id, b.alleles.get(ref), alts, calls, out::add);
                    return new Decoded(out, k - 1);
                }
            }
            throw bad(b.index, b.at, problem);
        }
    }

    private InputException bad(long index, long at, String problem) {
        return new InputException(file.toString(), "variant " + index + " (byte " + at + ")", problem,
                "the file is damaged or not BGEN v1.1-1.3; export it again");
    }

    /**
     * Reads blocks in file order and decodes them, on {@code threads} threads when more than one:
     * up to {@code 4 x threads} blocks are in flight and their variants come out in file order.
     */
    private static final String SORT_HINT = "sort it, e.g. `plink2 --bgen FILE ref-last --sort-vars --make-pgen --out SORTED`"
                + " then `plink2 --pfile SORTED --export bgen-1.2 --out SORTED`";

    private final class Records implements RecordReader {
        private final ContigOrder order = new ContigOrder();
        /** Every decoder made, so that their native decompressors are freed when reading ends. */
        private final List<Decoder> made = java.util.Collections.synchronizedList(new ArrayList<>());
        private final Decoder inline = made(new Decoder());
        private final ExecutorService pool;
        private final ThreadLocal<Decoder> decoders = ThreadLocal.withInitial(() -> made(new Decoder()));
        private final ArrayDeque<Future<Decoded>> inFlight = new ArrayDeque<>();
        private final int window;
        private long index;
        private int nextIndexed;

        Records() {
            int t = Math.max(1, threads);
            pool = t > 1 ? DaemonPools.fixed(t, "bgen-decode") : null;
            window = 4 * t;
        }

        @Override
        public boolean readNext(ArrayDeque<Variant> pending) {
            if (exhausted() && inFlight.isEmpty()) {
                finish();
                return false;
            }
            fill(pending);
            return true;
        }

        private Decoder made(Decoder d) {
            made.add(d);
            return d;
        }

        /** Stops the decoding threads and frees the decompressors (one still in use by a stopped task is left to the JVM's exit). */
        void finish() {
            if (pool != null) {
                pool.shutdownNow();
                try {
                    pool.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            synchronized (made) {
                for (Decoder d : made) closeQuietly(d.decompressors);
                made.clear();
            }
        }

        private void fill(ArrayDeque<Variant> pending) {
            try {
                if (pool == null) {
                    RawBlock b = readBlock();
                    if (b != null) take(inline.decode(b), pending);
                    return;
                }
                while (inFlight.size() < window && !exhausted()) {
                    RawBlock b = readBlock();
                    if (b != null) inFlight.add(pool.submit(() -> decoders.get().decode(b)));
                }
                if (!inFlight.isEmpty()) take(inFlight.poll().get(), pending);
            } catch (ExecutionException e) {
                finish();
                if (e.getCause() instanceof RuntimeException r) throw r;
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                finish();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while decoding " + file, e);
            } catch (RuntimeException e) {
                finish();
                throw e;
            }
        }

        /** On the reading thread: symbolic and other non-sequence alleles are left out and counted, as for a VCF. */
        private void take(Decoded d, ArrayDeque<Variant> pending) {
            int leftOut = 0;
            for (Variant v : d.variants) {
                if (stats.admit(v.alt(), keepSymbolic)) pending.add(v);
                else leftOut++;
            }
            stats.countRecord(d.nAlts - leftOut);
        }

        private boolean exhausted() {
            return indexed != null ? nextIndexed >= indexed.size() : index >= header.variants();
        }

        /** The next block, or null when it is outside the regions or has no ALT (counted). */
        private RawBlock readBlock() {
            BgiIndex.Block expected = null;
            if (indexed != null) {
                expected = indexed.get(nextIndexed++);
                try {
                    in.seek(expected.offset());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            long at = in.offset();
            index++;
            try {
                RawBlock b = readBlock(at, expected);
                if (expected != null && in.offset() != expected.offset() + expected.size()) {
                    throw staleIndex(at, "the block ends at byte " + in.offset() + ", the index says " + (expected.offset() + expected.size()));
                }
                return b;
            } catch (EOFException e) {
                throw new InputException(file.toString(), "variant " + index + " (byte " + at + ")",
                        "truncated: the file ends inside this variant's block (the header promises " + header.variants() + " variants)",
                        "the file is incomplete; copy or export it again");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private InputException staleIndex(long at, String what) {
            return new InputException(BgiIndex.pathOf(file).toString(), "block at byte " + at,
                    "does not match " + file.getFileName() + ": " + what, "re-create it with `bgenix -g " + file.getFileName() + " -index`, or delete it");
        }

        private RawBlock readBlock(long at, BgiIndex.Block expected) throws IOException {
            boolean layout1 = header.layout() == 1;
            if (layout1) {
                long n = in.u32();
                if (n != header.samples()) throw bad(index, at, "variant block is for " + n + " samples, the header says " + header.samples());
            }
            String snpId = in.string(in.u16());
            String rsid = in.string(in.u16());
            String chrom = in.string(in.u16());
            long pos = in.u32();
            int k = layout1 ? 2 : in.u16();
            List<String> alleles = new ArrayList<>(k);
            for (int a = 0; a < k; a++) {
                long len = in.u32();
                if (len > Integer.MAX_VALUE - 8) throw bad(index, at, "allele " + (a + 1) + " is " + len + " bytes long");
                alleles.add(in.string((int) len));
            }
            if (pos > Integer.MAX_VALUE) throw bad(index, at, "position " + pos + " is beyond 2^31-1");
            if (expected != null && (!expected.chrom().equals(chrom) || expected.pos() != pos)) {
                throw staleIndex(at, "the file has " + chrom + ":" + pos + " there, the index " + expected.chrom() + ":" + expected.pos());
            }
            order.require(chrom, (int) pos, file, "variant " + index + " (" + chrom + ":" + pos + ")", SORT_HINT);
            long stored;
            long declared;
            if (layout1) {
                stored = header.compression() == BgenCompression.NONE ? 6L * header.samples() : in.u32();
                declared = 6L * header.samples();
            } else {
                long c = in.u32();
                if (header.compression() == BgenCompression.NONE) {
                    stored = c;
                    declared = c;
                } else {
                    if (c < 4) throw bad(index, at, "genotype block length " + c + " is too small");
                    declared = in.u32();
                    stored = c - 4;
                }
            }
            if (stored > Integer.MAX_VALUE - 8 || declared > Integer.MAX_VALUE - 8) {
                throw bad(index, at, "genotype block of " + Math.max(stored, declared) + " bytes is too large");
            }
            if (regions != null && !regions.contains(chrom, (int) pos)) {
                in.skip(stored);
                return null;
            }
            if (k == 0) throw bad(index, at, "a variant with no alleles");
            if (k == 1) {
                in.skip(stored);
                stats.countRecord(0);
                return null;
            }
            byte[] packed = new byte[(int) stored];
            in.bytes(packed, (int) stored);
            String id = rsid.isEmpty() || rsid.equals(".") ? (snpId.isEmpty() ? "." : snpId) : rsid;
            return new RawBlock(index, at, chrom, (int) pos, id, alleles, packed, (int) stored, (int) declared);
        }
    }
}
