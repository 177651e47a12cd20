package org.rareset.genotypes.bgen;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.Deflater;
import org.rareset.core.InputException;
import org.rareset.core.output.OutputFiles;

/**
 * Writes biallelic dosages as a BGEN v1.2 file (layout 2, zlib-compressed blocks, sample ids
 * stored), one variant per call, unphased diploid, with 8- or 16-bit probabilities.
 *
 * <p>A dosage d in [0, 2] of the <b>first</b> allele (the counted allele; the second is the
 * reference, plink2's and REGENIE's default "ref-last" reading) is stored as the genotype
 * distribution of least spread with that mean: P(11) = 0, P(12) = d, P(22) = 1 - d for d <= 1 and
 * P(11) = d - 1, P(12) = 2 - d, P(22) = 0 above. With M = 2^B - 1, the stored integers are
 * {@code (0, round(dM))} or {@code (round((d-1)M), M - round((d-1)M))}, so the third probability is
 * exactly 0 or 1 - b/M and the dosage read back, 2 P(11) + P(12), differs from d by at most
 * 0.5 / M: 0.00196 with 8 bits, 7.6e-6 with 16 bits ({@link #maxDosageError}). A NaN dosage is a
 * missing sample (ploidy byte 0x82, probabilities 0).
 *
 * <p>Variants are streamed in any order; {@link #commit()} fills in the variant count and, when
 * they did not arrive sorted, copies the blocks once more in sorted order (chromosomes in order of
 * first appearance, positions increasing, ties in arrival order: what readers that require sorted
 * files, RareSet's included, accept), then renames the file into place. Layout of the file (spec:
 * https://www.well.ox.ac.uk/~gav/bgen_format/spec/latest.html): offset, header block
 * {@code LH=20, M, N, "bgen", flags}, sample block, then per variant the identifying data and a
 * block {@code C, D, zlib(probability data)}. Hand-written: no Java library writes BGEN.
 */
public final class BgenWriter implements AutoCloseable {
    /** Probability bit widths this writer offers: 8 (REGENIE's fast path) and 16. */
    public static final List<Integer> BITS = List.of(8, 16);
    private static final long FLAGS = 1L /* zlib */ | (2L << 2) /* layout 2 */ | (1L << 31) /* sample ids */;
    private static final int M_OFFSET = 8;

    private final Path target;
    private final OutputFiles.Pending pending;
    private final OutputStream out;
    private final int samples;
    private final int bits;
    private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
    private final byte[] raw;
    private byte[] packed = new byte[1 << 16];
    private long variants;
    private boolean committed;
    private long written;
    private long firstVariant;
    private boolean sorted = true;
    private final java.util.Map<String, Integer> chromOrder = new java.util.HashMap<>();
    private int lastChrom = -1;
    private long lastPos = -1;
    /** Per variant: chromosome rank, position, file offset, block length (for the sorting copy). */
    private long[] index = new long[256];

    private BgenWriter(Path target, List<String> sampleIds, int bits) throws IOException {
        if (!BITS.contains(bits)) throw new IllegalArgumentException("BGEN probabilities of " + bits + " bits: use 8 or 16");
        this.target = target;
        this.samples = sampleIds.size();
        this.bits = bits;
        this.raw = new byte[10 + samples + 2 + samples * 2 * (bits / 8)];
        this.pending = OutputFiles.pending(target);
        this.out = new BufferedOutputStream(Files.newOutputStream(pending.temp()), 1 << 16);
        writeHeader(sampleIds);
    }

    /**
     * Opens {@code target} (written under a temporary name until {@link #commit()}).
     *
     * @param bits 8 or 16
     * @throws InputException when a sample id is longer than BGEN's 65,535 bytes
     */
    public static BgenWriter open(Path target, List<String> sampleIds, int bits) throws IOException {
        return new BgenWriter(target, sampleIds, bits);
    }

    /** The largest difference between a dosage written and the dosage read back: 0.5 / (2^bits - 1). */
    public static double maxDosageError(int bits) {
        return 0.5 / ((1 << bits) - 1);
    }

    /**
     * Adds one variant.
     *
     * @param id      the variant id (written as SNP id and rsid)
     * @param counted the first allele, whose dosage is given
     * @param other   the second allele (the reference)
     * @param dosage  per sample, in [0, 2]; NaN = missing
     * @throws IllegalArgumentException for a dosage outside [0, 2] or a wrong sample count
     */
    public void write(String id, String chrom, long pos, String counted, String other, double[] dosage) throws IOException {
        if (dosage.length != samples) throw new IllegalArgumentException(dosage.length + " dosages for " + samples + " samples");
        if (pos < 0 || pos > 0xFFFFFFFFL) throw new IllegalArgumentException("position " + pos + " does not fit BGEN's 32 bits");
        ByteArrayOutputStream head = new ByteArrayOutputStream(64);
        string16(head, id);
        string16(head, id);
        string16(head, chrom);
        u32(head, pos);
        u16(head, 2);
        string32(head, counted);
        string32(head, other);
        int len = probabilities(dosage);
        deflater.reset();
        deflater.setInput(raw, 0, len);
        deflater.finish();
        int n = 0;
        while (!deflater.finished()) {
            if (n == packed.length) packed = java.util.Arrays.copyOf(packed, packed.length * 2);
            n += deflater.deflate(packed, n, packed.length - n);
        }
        int chromRank = chromOrder.computeIfAbsent(chrom, c -> chromOrder.size());
        if (chromRank < lastChrom || (chromRank == lastChrom && pos < lastPos)) sorted = false;
        lastChrom = chromRank;
        lastPos = pos;
        long length = head.size() + 8L + n;
        int at = (int) (variants * 4);
        if (at + 4 > index.length) index = java.util.Arrays.copyOf(index, index.length * 2);
        index[at] = chromRank;
        index[at + 1] = pos;
        index[at + 2] = written;
        index[at + 3] = length;
        head.writeTo(out);
        ByteArrayOutputStream sizes = new ByteArrayOutputStream(8);
        u32(sizes, n + 4L);
        u32(sizes, len);
        sizes.writeTo(out);
        out.write(packed, 0, n);
        written += length;
        variants++;
    }

    /** Layout 2 probability data of one variant into {@link #raw}; returns its length. */
    private int probabilities(double[] dosage) {
        int max = (1 << bits) - 1;
        int bytes = bits / 8;
        int p = 0;
        p = put(raw, p, samples, 4);
        p = put(raw, p, 2, 2);
        raw[p++] = 2; // Pmin
        raw[p++] = 2; // Pmax
        int ploidyAt = p;
        p += samples;
        raw[p++] = 0; // unphased
        raw[p++] = (byte) bits;
        for (int i = 0; i < samples; i++) {
            double d = dosage[i];
            long a;
            long b;
            if (Double.isNaN(d)) {
                raw[ploidyAt + i] = (byte) 0x82;
                a = 0;
                b = 0;
            } else {
                if (!(d >= 0 && d <= 2)) throw new IllegalArgumentException("dosage " + d + " of sample " + i + " is outside [0, 2]");
                raw[ploidyAt + i] = 2;
                if (d <= 1) {
                    a = 0;
                    b = Math.round(d * max);
                } else {
                    a = Math.round((d - 1) * max);
                    b = max - a;
                }
            }
            p = put(raw, p, a, bytes);
            p = put(raw, p, b, bytes);
        }
        return p;
    }

    private static int put(byte[] d, int at, long v, int bytes) {
        for (int k = 0; k < bytes; k++) d[at + k] = (byte) (v >>> (8 * k));
        return at + bytes;
    }

    private void writeHeader(List<String> ids) throws IOException {
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        u32(block, 0); // LSI, set below
        u32(block, ids.size());
        for (String id : ids) string16(block, id);
        byte[] sampleBlock = block.toByteArray();
        ByteBuffer.wrap(sampleBlock).order(ByteOrder.LITTLE_ENDIAN).putInt(0, sampleBlock.length);
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        u32(h, 20L + sampleBlock.length); // offset: the first variant starts at offset + 4
        u32(h, 20);
        u32(h, 0); // M, filled in by commit()
        u32(h, ids.size());
        h.write(new byte[] {'b', 'g', 'e', 'n'});
        u32(h, FLAGS);
        h.writeTo(out);
        out.write(sampleBlock);
        firstVariant = h.size() + sampleBlock.length;
        written = firstVariant;
    }

    /** Fills in the variant count, sorts the variants if they came unsorted, and renames the file into place. */
    public void commit() throws IOException {
        out.close();
        try (FileChannel ch = FileChannel.open(pending.temp(), StandardOpenOption.WRITE)) {
            ByteBuffer m = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, (int) variants);
            ch.write(m, M_OFFSET);
        }
        if (!sorted) {
            OutputFiles.Pending copy = OutputFiles.pending(target);
            try {
                sortedCopy(pending.temp(), copy.temp());
                pending.discard();
                copy.commit();
            } catch (IOException | RuntimeException e) {
                copy.discard();
                throw e;
            }
        } else {
            pending.commit();
        }
        committed = true;
    }

    /** The header and sample block, then the variant blocks in (chromosome rank, position, arrival) order. */
    private void sortedCopy(Path from, Path to) throws IOException {
        Integer[] order = new Integer[(int) variants];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.Arrays.sort(order, java.util.Comparator.<Integer>comparingLong(i -> index[i * 4])
                .thenComparingLong(i -> index[i * 4 + 1]).thenComparingInt(i -> i));
        try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ);
             FileChannel o = FileChannel.open(to, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.CREATE)) {
            transfer(in, 0, firstVariant, o);
            for (int i : order) transfer(in, index[i * 4 + 2], index[i * 4 + 3], o);
        }
    }

    private static void transfer(FileChannel in, long from, long length, FileChannel out) throws IOException {
        long done = 0;
        while (done < length) done += in.transferTo(from + done, length - done, out);
    }

    /** Variants written so far. */
    public long variants() {
        return variants;
    }

    @Override
    public void close() {
        deflater.end();
        if (committed) return;
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            pending.discard();
        }
    }

    private void string16(ByteArrayOutputStream o, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length > 0xFFFF) throw InputException.of(target, "'" + s.substring(0, 20) + "...' is longer than BGEN's 65,535-byte ids", "shorten the id");
        u16(o, b.length);
        o.write(b, 0, b.length);
    }

    private static void string32(ByteArrayOutputStream o, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        u32(o, b.length);
        o.write(b, 0, b.length);
    }

    private static void u16(ByteArrayOutputStream o, int v) {
        o.write(v & 0xFF);
        o.write((v >>> 8) & 0xFF);
    }

    private static void u32(ByteArrayOutputStream o, long v) {
        for (int k = 0; k < 4; k++) o.write((int) (v >>> (8 * k)) & 0xFF);
    }
}
