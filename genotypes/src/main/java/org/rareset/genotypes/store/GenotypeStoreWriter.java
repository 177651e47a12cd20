package org.rareset.genotypes.store;

import org.rareset.core.InputException;
import org.rareset.core.output.OutputFiles;
import org.rareset.core.output.WriteFailure;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.rareset.genotypes.vcf.ContigOrder;
import org.rareset.genotypes.vcf.Variant;

/**
 * Writes a genotype store while variants stream in, holding only one variant at a time: carrier
 * data goes straight into a temporary file beside the target, the fixed-size variant table into a
 * second temporary file that is appended at {@link #commit()}. The target name appears only when
 * the store is complete (atomic rename); {@link #close()} without commit removes the temporaries.
 *
 * <p>Variants must come sorted by position within each contig, each contig in one block, as
 * {@link org.rareset.genotypes.vcf.VcfVariantSource} delivers them.
 */
public final class GenotypeStoreWriter implements Closeable {
    private final Path target;
    private final Path tmp;
    private final Path tmpTable;
    private final List<String> samples;
    private final OutputStream data;
    private final OutputStream table;
    private final List<String> contigs = new ArrayList<>();
    private final List<long[]> contigRanges = new ArrayList<>();
    private final ContigOrder order = new ContigOrder();
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** One variant-table row. Written with VarHandles, not a ByteBuffer chain, which C2 takes long to compile. */
    private final byte[] row = new byte[StoreFormat.ROW_BYTES];
    private byte[] scratch = new byte[1 << 12];
    private final java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    private long dataPos = StoreFormat.HEADER_BYTES;
    private long variants;
    private boolean committed;
    private boolean closed;

    private GenotypeStoreWriter(Path target, List<String> samples) throws IOException {
        this.target = target.toAbsolutePath();
        this.samples = List.copyOf(samples);
        this.tmp = OutputFiles.temp(this.target, ".tmp");
        this.tmpTable = OutputFiles.temp(this.target, ".table.tmp");
        this.data = new BufferedOutputStream(Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 20);
        try {
            this.table = new BufferedOutputStream(Files.newOutputStream(tmpTable, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16);
        } catch (IOException e) {
            data.close();
            Files.deleteIfExists(tmp);
            throw e;
        }
        ByteBuffer h = ByteBuffer.allocate(StoreFormat.HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        h.put(StoreFormat.HEAD_MAGIC).putInt(StoreFormat.VERSION).putInt(0);
        data.write(h.array());
    }

    /** Starts a store for {@code samples} at {@code target} (written under a temporary name until commit). */
    public static GenotypeStoreWriter create(Path target, List<String> samples) {
        try {
            return new GenotypeStoreWriter(target, samples);
        } catch (IOException e) {
            InputException fixable = WriteFailure.of(target, e);
            throw fixable != null ? fixable : new UncheckedIOException("cannot create " + target + ": " + e.getMessage(), e);
        }
    }

    public long variantCount() {
        return variants;
    }

    /** Appends one variant; its sample indexes refer to this store's sample list. */
    public void add(Variant v) {
        if (committed || closed) throw new IllegalStateException("store writer is closed");
        checkOrder(v);
        int need = 32 + 3 * 5 + v.id().length() * 3 + v.ref().length() * 3 + v.alt().length() * 3
                + v.carrierSamples().length * 11 + v.missingSamples().length * 5;
        if (scratch.length < need) scratch = new byte[Math.max(need, scratch.length * 2)];
        byte[] b = scratch;
        int at = putString(b, 0, v.id());
        at = putString(b, at, v.ref());
        at = putString(b, at, v.alt());
        int[] cs = v.carrierSamples();
        byte[] cc = v.carrierCounts();
        int prev = 0;
        for (int i = 0; i < cs.length; i++) {
            long delta = cs[i] - prev;
            prev = cs[i];
            boolean one = cc[i] == 1;
            at = StoreFormat.putVarInt(b, at, delta << 1 | (one ? 0 : 1));
            if (!one) b[at++] = cc[i];
        }
        prev = 0;
        for (int s : v.missingSamples()) {
            at = StoreFormat.putVarInt(b, at, s - prev);
            prev = s;
        }
        LONG.set(row, 0, dataPos);
        INT.set(row, 8, v.pos());
        INT.set(row, 12, contigs.size() - 1);
        INT.set(row, 16, v.alleleCount());
        INT.set(row, 20, v.alleleNumber());
        INT.set(row, 24, cs.length);
        INT.set(row, 28, v.missingSamples().length);
        INT.set(row, 32, v.altIsMinor() ? StoreFormat.FLAG_ALT_IS_MINOR : 0);
        INT.set(row, 36, at);
        crc.reset();
        crc.update(b, 0, at);
        INT.set(row, StoreFormat.ROW_DATA_CRC, (int) crc.getValue());
        crc.reset();
        crc.update(row, 0, StoreFormat.ROW_CRC);
        INT.set(row, StoreFormat.ROW_CRC, (int) crc.getValue());
        try {
            data.write(b, 0, at);
            table.write(row);
        } catch (IOException e) {
            throw WriteFailure.rethrow(target, e);
        }
        dataPos += at;
        variants++;
        contigRanges.get(contigRanges.size() - 1)[1]++;
    }

    private void checkOrder(Variant v) {
        switch (order.next(v.chrom(), v.pos())) {
            case NEW_CONTIG -> {
                contigs.add(v.chrom());
                contigRanges.add(new long[] {variants, 0});
            }
            case CONTIG_AGAIN -> throw new IllegalArgumentException("contig " + v.chrom() + " comes again after " + order.contig()
                    + ": variants must be sorted");
            case POSITION_BACK -> throw new IllegalArgumentException("variant " + v.key() + " comes after position " + order.lastPos()
                    + ": variants must be sorted");
            case SAME_CONTIG -> { }
        }
        if (v.carrierSamples().length > 0 && v.carrierSamples()[v.carrierSamples().length - 1] >= samples.size()) {
            throw new IllegalArgumentException("variant " + v.key() + " names a sample beyond the " + samples.size() + " of the store");
        }
    }

    private static int putString(byte[] b, int at, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        at = StoreFormat.putVarInt(b, at, bytes.length);
        System.arraycopy(bytes, 0, b, at, bytes.length);
        return at + bytes.length;
    }

    /** Completes the store and renames it to the target name. */
    public void commit() {
        if (committed || closed) throw new IllegalStateException("store writer is closed");
        try {
            table.close();
            long tableOffset = align(dataPos);
            data.write(new byte[(int) (tableOffset - dataPos)]);
            try (InputStream in = Files.newInputStream(tmpTable)) {
                in.transferTo(data);
            }
            data.write(tail(variants, samples, contigs, contigRanges, tableOffset, dataPos));
            data.close();
            Files.deleteIfExists(tmpTable);
            OutputFiles.commit(tmp, target);
            committed = true;
        } catch (IOException e) {
            close();
            InputException fixable = WriteFailure.of(target, e);
            throw fixable != null ? fixable : new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * The bytes after the variant table: sample names, contig names and row ranges, footer.
     *
     * @param ranges per contig {firstRow, rowCount}
     */
    static byte[] tail(long variants, List<String> samples, List<String> contigs, List<long[]> ranges, long tableOffset,
                       long dataEnd) throws IOException {
        long samplesOffset = tableOffset + variants * StoreFormat.ROW_BYTES;
        java.io.ByteArrayOutputStream meta = new java.io.ByteArrayOutputStream();
        writeStrings(meta, samples);
        long contigsOffset = samplesOffset + meta.size();
        ByteBuffer cr = ByteBuffer.allocate(contigs.size() * 16).order(ByteOrder.LITTLE_ENDIAN);
        for (long[] r : ranges) cr.putLong(r[0]).putLong(r[1]);
        writeStrings(meta, contigs);
        meta.write(cr.array());
        int metaCrc = StoreFormat.crc(meta.toByteArray(), 0, meta.size());
        ByteBuffer f = ByteBuffer.allocate(StoreFormat.FOOTER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        f.putLong(variants).putLong(samples.size()).putLong(tableOffset).putLong(samplesOffset)
                .putLong(contigsOffset).putLong(dataEnd).putInt(metaCrc);
        f.putInt(footerCrc(f.array())).put(StoreFormat.FOOT_MAGIC);
        meta.write(f.array());
        return meta.toByteArray();
    }

    static long align(long p) {
        return (p + 7) & ~7L;
    }

    /** CRC32 of the store header and the footer's first 52 bytes (the header is fixed for a version). */
    static int footerCrc(byte[] footer) {
        ByteBuffer h = ByteBuffer.allocate(StoreFormat.HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        h.put(StoreFormat.HEAD_MAGIC).putInt(StoreFormat.VERSION).putInt(0);
        java.util.zip.CRC32 c = new java.util.zip.CRC32();
        c.update(h.array());
        c.update(footer, 0, StoreFormat.FOOTER_CRC);
        return (int) c.getValue();
    }

    /** Writes a count and length-prefixed UTF-8 strings. */
    private static void writeStrings(OutputStream out, List<String> strings) throws IOException {
        byte[] b = new byte[10];
        int n = StoreFormat.putVarInt(b, 0, strings.size());
        out.write(b, 0, n);
        for (String s : strings) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            n = StoreFormat.putVarInt(b, 0, bytes.length);
            out.write(b, 0, n);
            out.write(bytes);
        }
    }

    /** Without a prior {@link #commit()}, abandons the store: the temporary files are removed. */
    @Override
    public void close() {
        if (closed || committed) return;
        closed = true;
        try {
            data.close();
        } catch (IOException ignored) {
            // removing the file below is what matters
        }
        try {
            table.close();
        } catch (IOException ignored) {
            // as above
        }
        try {
            Files.deleteIfExists(tmp);
            Files.deleteIfExists(tmpTable);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
