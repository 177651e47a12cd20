package org.rareset.annotate.bgen;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.zip.Inflater;
import org.rareset.annotate.InputException;
import org.rareset.annotate.genotype.GenotypeInput;
import org.rareset.annotate.genotype.ImportOptions;
import org.rareset.annotate.genotype.SortCheck;
import org.rareset.annotate.vcf.GenotypeFileSource;
import org.rareset.annotate.vcf.ReadStats;
import org.rareset.annotate.vcf.RecordCalls;
import org.rareset.annotate.vcf.RegionSet;
import org.rareset.annotate.vcf.SampleSelection;
import org.rareset.annotate.vcf.Variant;
import org.rareset.annotate.vcf.VariantSplitter;
import org.rareset.annotate.vcf.VcfReadOptions;

/**
 * Reads a BGEN v1.1, v1.2 or v1.3 file (layouts 1 and 2; uncompressed, zlib or zstd blocks; 1- to
 * 32-bit probabilities; phased or unphased; any ploidy and allele count) as sparse {@link Variant}s
 * of hard calls ({@link HardCalls}), the same way {@link org.rareset.annotate.vcf.VcfVariantSource}
 * reads a VCF.
 *
 * <p>Alleles: the last allele is REF and the others are ALT 1, 2, ... in file order (plink2's
 * {@code ref-last}, which is how {@code plink2 --export bgen-1.x} writes REF by default);
 * {@link ImportOptions#refFirst()} makes the first allele REF instead. A multi-allelic record is
 * split into one variant per ALT as a VCF record is. The variant id is the rsid field, or the
 * SNPID field when the rsid is empty or '.'.
 *
 * <p>Samples: the {@code .sample} file when given, else the ids stored in the file. Regions are
 * read by walking the variant blocks and skipping, without decompressing, those outside.
 */
public final class BgenVariantSource implements GenotypeFileSource {
    private final Path file;
    private final BgenInput in;
    private final BgenHeader header;
    private final SampleSelection selection;
    private final RegionSet regions;
    private final ImportOptions options;
    private final ReadStats stats = new ReadStats();
    private boolean iterated;

    private BgenVariantSource(Path file, BgenInput in, BgenHeader header, SampleSelection selection, RegionSet regions,
                              ImportOptions options) {
        this.file = file;
        this.in = in;
        this.header = header;
        this.selection = selection;
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
            RegionSet regions = read.hasRegions() ? RegionSet.of(read) : null;
            in.seek(header.firstVariant());
            return new BgenVariantSource(file, in, header, selection, regions, options);
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

    @Override
    public Path file() {
        return file;
    }

    @Override
    public ReadStats stats() {
        return stats;
    }

    @Override
    public List<String> samples() {
        return selection.names();
    }

    @Override
    public Iterator<Variant> iterator() {
        if (iterated) throw new IllegalStateException("a BgenVariantSource can be iterated once");
        iterated = true;
        return new VariantIterator();
    }

    @Override
    public void close() {
        closeQuietly(in);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // Read-only file: nothing to lose on close.
        }
    }

    private final class VariantIterator implements Iterator<Variant> {
        private final ArrayDeque<Variant> pending = new ArrayDeque<>();
        private final RecordCalls calls = new RecordCalls(selection.size());
        private final HardCalls hardCalls = new HardCalls(header.samples(), selection, options.hardCallThreshold());
        private final SortCheck order = new SortCheck(file, "sort it, e.g. `plink2 --bgen FILE ref-last --sort-vars --make-pgen --out SORTED`"
                + " then `plink2 --pfile SORTED --export bgen-1.2 --out SORTED`");
        private final Inflater inflater = new Inflater();
        private byte[] packed = new byte[1 << 16];
        private byte[] data = new byte[1 << 16];
        private long index;

        @Override
        public boolean hasNext() {
            while (pending.isEmpty() && index < header.variants()) fill();
            if (pending.isEmpty()) inflater.end();
            return !pending.isEmpty();
        }

        @Override
        public Variant next() {
            if (!hasNext()) throw new NoSuchElementException();
            return pending.poll();
        }

        private void fill() {
            long at = in.offset();
            index++;
            try {
                readVariant(at);
            } catch (EOFException e) {
                throw new InputException(file.toString(), "variant " + index + " (byte " + at + ")",
                        "truncated: the file ends inside this variant's block (the header promises " + header.variants() + " variants)",
                        "the file is incomplete; copy or export it again");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void readVariant(long at) throws IOException {
            boolean layout1 = header.layout() == 1;
            if (layout1) {
                long n = in.u32();
                if (n != header.samples()) throw bad(at, "variant block is for " + n + " samples, the header says " + header.samples());
            }
            String snpId = in.string(in.u16());
            String rsid = in.string(in.u16());
            String chrom = in.string(in.u16());
            long pos = in.u32();
            int k = layout1 ? 2 : in.u16();
            List<String> alleles = new ArrayList<>(k);
            for (int a = 0; a < k; a++) {
                long len = in.u32();
                if (len > Integer.MAX_VALUE - 8) throw bad(at, "allele " + (a + 1) + " is " + len + " bytes long");
                alleles.add(in.string((int) len));
            }
            if (pos > Integer.MAX_VALUE) throw bad(at, "position " + pos + " is beyond 2^31-1");
            String where = "variant " + index + " (" + chrom + ":" + pos + ")";
            order.next(chrom, (int) pos, file, where);
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
                    if (c < 4) throw bad(at, "genotype block length " + c + " is too small");
                    declared = in.u32();
                    stored = c - 4;
                }
            }
            if (stored > Integer.MAX_VALUE - 8 || declared > Integer.MAX_VALUE - 8) {
                throw bad(at, "genotype block of " + Math.max(stored, declared) + " bytes is too large");
            }
            if (regions != null && !regions.contains(chrom, (int) pos)) {
                in.skip(stored);
                return;
            }
            if (packed.length < stored) packed = new byte[(int) Math.max(stored, packed.length * 2L)];
            in.bytes(packed, (int) stored);
            if (k == 0) throw bad(at, "a variant with no alleles");
            if (k == 1) {
                stats.countRecord(0);
                return;
            }
            if (data.length < declared) data = new byte[(int) Math.max(declared, data.length * 2L)];
            String problem = header.compression().decompress(inflater, packed, (int) stored, data, (int) declared);
            if (problem == null) {
                int[] alleleMap = new int[k];
                int ref = options.refFirst() ? 0 : k - 1;
                List<String> alts = new ArrayList<>(k - 1);
                for (int a = 0, j = 1; a < k; a++) {
                    if (a == ref) continue;
                    alleleMap[a] = j++;
                    alts.add(alleles.get(a));
                }
                problem = layout1 ? hardCalls.layout1(data, (int) declared, alleleMap, calls)
                        : hardCalls.layout2(data, (int) declared, k, alleleMap, calls);
                if (problem == null) {
                    stats.countRecord(k - 1);
                    String id = rsid.isEmpty() || rsid.equals(".") ? (snpId.isEmpty() ? "." : snpId) : rsid;
                    VariantSplitter.split(chrom, (int) pos, id, alleles.get(ref), alts, calls, pending::add);
                    return;
                }
            }
            throw bad(at, problem);
        }

        private InputException bad(long at, String problem) {
            return new InputException(file.toString(), "variant " + index + " (byte " + at + ")", problem,
                    "the file is damaged or not BGEN v1.1-1.3; export it again");
        }
    }
}
