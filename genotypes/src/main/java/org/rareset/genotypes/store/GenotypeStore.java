package org.rareset.genotypes.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.rareset.core.InputException;
import org.rareset.core.region.Contigs;
import org.rareset.core.region.GenomicRegion;
import org.rareset.genotypes.vcf.Variant;
import org.rareset.genotypes.vcf.VariantSource;

/**
 * Reads a genotype store written by {@link GenotypeStoreWriter}. The variant table is memory-mapped
 * and sorted by position within each contig, so a region's variants are found by binary search
 * and read with one positional read of their contiguous carrier data; nothing else is touched.
 * Immutable and safe to share between threads; {@link #iterator()} may be called any number of times.
 *
 * <p>Integrity: opening checks the header, the footer and the sample and contig section against
 * their CRC32s (a few kilobytes to megabytes); every variant read checks its table row and its
 * carrier data against theirs, so a flipped bit is an error, never carriers moved to other
 * samples. {@link #verify} checks everything, for {@code rareset check}.
 */
public final class GenotypeStore implements VariantSource {
    private final Path file;
    private final FileChannel channel;
    /**
     * The variant table, mapped in segments of {@code 1 << segmentBits} rows: one mapping can hold
     * at most 2 GiB (about 53 million rows), far fewer than a whole-genome cohort has.
     */
    private final MappedByteBuffer[] table;
    private final int segmentBits;
    private final long variants;
    private final long dataEnd;
    private final long tableOffset;
    private final List<String> samples;
    private final List<String> contigs;
    private final long[] contigFirst;
    private final long[] contigCount;

    /** Rows per mapped segment of the variant table: 2^24 rows, 640 MiB. */
    static final int SEGMENT_BITS = 24;

    private GenotypeStore(Path file, int segmentBits) throws IOException {
        this.file = file;
        this.segmentBits = segmentBits;
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            long size = channel.size();
            if (size < StoreFormat.HEADER_BYTES + StoreFormat.FOOTER_BYTES) throw notAStore("file is too short");
            ByteBuffer head = read(0, StoreFormat.HEADER_BYTES);
            byte[] magic = new byte[8];
            head.get(magic);
            if (!Arrays.equals(magic, StoreFormat.HEAD_MAGIC)) throw notAStore("no genotype store header");
            int version = head.getInt();
            if (version < StoreFormat.VERSION) {
                throw InputException.of(file, "genotype store format " + version + " was written by an older rareset and has no "
                        + "checksums (this rareset reads format " + StoreFormat.VERSION + ")",
                        "re-create it with `rareset ingest` from the VCF/BCF");
            }
            if (version != StoreFormat.VERSION) {
                throw InputException.of(file, "genotype store format " + version + " is newer than this rareset reads ("
                        + StoreFormat.VERSION + ")", "use a newer rareset, or re-create it with this one's `rareset ingest`");
            }
            ByteBuffer foot = read(size - StoreFormat.FOOTER_BYTES, StoreFormat.FOOTER_BYTES);
            java.util.zip.CRC32 fc = new java.util.zip.CRC32();
            fc.update(head.array(), 0, StoreFormat.HEADER_BYTES);
            fc.update(foot.array(), 0, StoreFormat.FOOTER_CRC);
            boolean footerOk = foot.getInt(StoreFormat.FOOTER_CRC) == (int) fc.getValue();
            variants = foot.getLong();
            long nSamples = foot.getLong();
            tableOffset = foot.getLong();
            long samplesOffset = foot.getLong();
            long contigsOffset = foot.getLong();
            dataEnd = foot.getLong();
            int metaCrc = foot.getInt();
            foot.getInt();
            foot.get(magic);
            if (!Arrays.equals(magic, StoreFormat.FOOT_MAGIC)) throw notAStore("the store is incomplete (no footer)");
            if (!footerOk) throw corrupt("its header or footer fails its checksum");
            if (tableOffset + variants * StoreFormat.ROW_BYTES != samplesOffset || contigsOffset > size || dataEnd > tableOffset) {
                throw notAStore("inconsistent section offsets");
            }
            long rowsPerSegment = 1L << segmentBits;
            table = new MappedByteBuffer[(int) ((variants + rowsPerSegment - 1) >>> segmentBits)];
            for (int i = 0; i < table.length; i++) {
                long rows = Math.min(rowsPerSegment, variants - i * rowsPerSegment);
                table[i] = channel.map(FileChannel.MapMode.READ_ONLY, tableOffset + i * rowsPerSegment * StoreFormat.ROW_BYTES,
                        rows * StoreFormat.ROW_BYTES);
                table[i].order(ByteOrder.LITTLE_ENDIAN);
            }
            ByteBuffer meta = read(samplesOffset, (int) (size - StoreFormat.FOOTER_BYTES - samplesOffset));
            if (StoreFormat.crc(meta.array(), 0, meta.limit()) != metaCrc) throw corrupt("its sample and contig names fail their checksum");
            samples = readStrings(meta);
            if (samples.size() != nSamples) throw notAStore("sample count mismatch");
            contigs = readStrings(meta);
            contigFirst = new long[contigs.size()];
            contigCount = new long[contigs.size()];
            for (int i = 0; i < contigs.size(); i++) {
                contigFirst[i] = meta.getLong();
                contigCount[i] = meta.getLong();
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Opens a store.
     *
     * @throws InputException when the file is missing or not a complete genotype store
     */
    public static GenotypeStore open(Path file) {
        return open(file, SEGMENT_BITS);
    }

    /** {@link #open(Path)} with {@code 1 << segmentBits} table rows per mapping (tests use tiny segments). */
    static GenotypeStore open(Path file, int segmentBits) {
        try {
            return new GenotypeStore(file, segmentBits);
        } catch (NoSuchFileException e) {
            throw InputException.of(file, "genotype store not found", "create it with `rareset ingest --vcf ... --out " + file.getFileName() + "`");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.nio.BufferUnderflowException | IllegalArgumentException e) {
            throw notAStoreStatic(file, "damaged (" + e + ")");
        }
    }

    private InputException notAStore(String why) {
        return notAStoreStatic(file, why);
    }

    private InputException corrupt(String why) {
        return InputException.of(file, "the genotype store is corrupt: " + why,
                "copy it again or re-create it with `rareset ingest`; `rareset check " + file.getFileName() + "` checks a whole store");
    }

    private static InputException notAStoreStatic(Path file, String why) {
        return InputException.of(file, "not a valid genotype store: " + why, "re-create it with `rareset ingest`");
    }

    private static List<String> readStrings(ByteBuffer b) {
        int n = (int) StoreFormat.getVarInt(b);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(StoreFormat.getString(b));
        return List.copyOf(out);
    }

    /** {@code n} bytes of the file from {@code at}. */
    ByteBuffer read(long at, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            int k = channel.read(b, at + b.position());
            if (k < 0) throw notAStore("file ends early");
        }
        return b.flip();
    }

    public Path file() {
        return file;
    }

    @Override
    public List<String> samples() {
        return samples;
    }

    public long variantCount() {
        return variants;
    }

    /** Contig names in store order. */
    public List<String> contigs() {
        return contigs;
    }

    /**
     * The variants whose POS lies in {@code [start, end]} on {@code chrom} ({@code 1} and
     * {@code chr1} match); empty when the store has no such contig.
     */
    public List<Variant> variantsIn(String chrom, int start, int end) {
        for (int c = 0; c < contigs.size(); c++) {
            if (!Contigs.same(contigs.get(c), chrom)) continue;
            long first = contigFirst[c];
            long last = first + contigCount[c];
            long lo = firstAbove(first, last, start - 1L);
            long hi = firstAbove(lo, last, end);
            return readRange(lo, hi);
        }
        return List.of();
    }

    public List<Variant> variantsIn(GenomicRegion region) {
        return variantsIn(region.chrom(), region.start(), region.end());
    }

    /**
     * The variants of table rows {@code [lo, hi)} (rows in store order, as {@link #iterator()}
     * gives them), read with one positional read: for readers that index the store once and then
     * read parts of it again by row.
     */
    public List<Variant> variantsAtRows(long lo, long hi) {
        if (lo < 0 || hi > variants || lo > hi) {
            throw new IndexOutOfBoundsException("rows " + lo + " to " + hi + " of a store of " + variants + " variants");
        }
        return readRange(lo, hi);
    }

    /**
     * The variants of {@code rows} (ascending; a row may repeat), one per entry, with one
     * positional read per run of consecutive rows: for readers that index the store once and then
     * read a gene's rows again.
     */
    public List<Variant> variantsAtRows(long[] rows) {
        List<Variant> out = new ArrayList<>(rows.length);
        int k = 0;
        while (k < rows.length) {
            int end = k + 1; // rows k..end-1 form one run of consecutive (or repeated) rows
            while (end < rows.length && rows[end] - rows[end - 1] <= 1) end++;
            List<Variant> read = variantsAtRows(rows[k], rows[end - 1] + 1);
            for (int j = k; j < end; j++) out.add(read.get((int) (rows[j] - rows[k])));
            k = end;
        }
        return out;
    }

    /** First row in [lo, hi) with pos > target (hi when none). */
    private long firstAbove(long lo, long hi, long target) {
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (pos(mid) <= target) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    int pos(long row) {
        return rowInt(row, 8);
    }

    long dataOffset(long row) {
        return segment(row).getLong(rowBase(row));
    }

    private MappedByteBuffer segment(long row) {
        return table[(int) (row >>> segmentBits)];
    }

    /** Byte offset of {@code row} within its segment. */
    private int rowBase(long row) {
        return (int) (row & ((1L << segmentBits) - 1)) * StoreFormat.ROW_BYTES;
    }

    int rowInt(long row, int field) {
        return segment(row).getInt(rowBase(row) + field);
    }

    /** End of the data section (the first byte after the last variant's data block). */
    long dataEnd() {
        return dataEnd;
    }

    /** First table row of contig {@code c}. */
    long contigFirstRow(int c) {
        return contigFirst[c];
    }

    /** Table rows of contig {@code c}. */
    long contigRows(int c) {
        return contigCount[c];
    }

    /** The variant of table row {@code row}. */
    Variant variantAt(long row) {
        return readRange(row, row + 1).get(0);
    }

    /** Copies table row {@code row} (its 48 bytes, unchecked) into {@code to} at {@code at}. */
    void copyRow(long row, byte[] to, int at) {
        segment(row).get(rowBase(row), to, at, StoreFormat.ROW_BYTES);
    }

    InputException corruptAt(String why) {
        return corrupt(why);
    }

    /** Variants of rows [lo, hi), read with one positional read. */
    private List<Variant> readRange(long lo, long hi) {
        if (lo >= hi) return List.of();
        long from = dataOffset(lo);
        long to = dataOffset(hi - 1) + rowInt(hi - 1, 36);
        if (from < StoreFormat.HEADER_BYTES || to < from || to > dataEnd) {
            throw corrupt("variant table rows " + lo + "-" + (hi - 1) + " point outside the data section");
        }
        if (to - from > Integer.MAX_VALUE - 8) {
            List<Variant> out = new ArrayList<>();
            long mid = (lo + hi) >>> 1;
            out.addAll(readRange(lo, mid));
            out.addAll(readRange(mid, hi));
            return out;
        }
        try {
            ByteBuffer b = read(from, (int) (to - from));
            List<Variant> out = new ArrayList<>((int) (hi - lo));
            for (long r = lo; r < hi; r++) {
                long at = dataOffset(r) - from;
                if (at < 0 || at > b.limit()) throw corrupt("variant table row " + r + " points outside its data");
                b.position((int) at);
                out.add(decode(r, b));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Variant decode(long row, ByteBuffer data) {
        checkRow(row, data);
        int length = rowInt(row, 36);
        ByteBuffer b = data.slice(data.position(), length).order(ByteOrder.LITTLE_ENDIAN);
        data.position(data.position() + length);
        try {
            return decodeBlock(row, b);
        } catch (java.nio.BufferUnderflowException | IllegalStateException | IllegalArgumentException
                 | IndexOutOfBoundsException | NegativeArraySizeException e) {
            throw corrupt("variant table row " + row + " cannot be decoded (" + e + ")");
        }
    }

    private Variant decodeBlock(long row, ByteBuffer b) {
        int pos = rowInt(row, 8);
        int contig = rowInt(row, 12);
        int ac = rowInt(row, 16);
        int an = rowInt(row, 20);
        int nCarriers = rowInt(row, 24);
        int nMissing = rowInt(row, 28);
        int flags = rowInt(row, 32);
        String id = StoreFormat.getString(b);
        String ref = StoreFormat.getString(b);
        String alt = StoreFormat.getString(b);
        int[] cs = new int[nCarriers];
        byte[] cc = new byte[nCarriers];
        int prev = 0;
        for (int i = 0; i < nCarriers; i++) {
            long x = StoreFormat.getVarInt(b);
            prev += (int) (x >>> 1);
            cs[i] = prev;
            cc[i] = (x & 1) == 0 ? 1 : b.get();
        }
        int[] ms = new int[nMissing];
        prev = 0;
        for (int i = 0; i < nMissing; i++) {
            prev += (int) StoreFormat.getVarInt(b);
            ms[i] = prev;
        }
        return new Variant(contigs.get(contig), pos, ref, alt, id, ac, an,
                (flags & StoreFormat.FLAG_ALT_IS_MINOR) != 0, cs, cc, ms);
    }

    /** Checks row {@code row} and its data block (at {@code b}'s position) against their CRC32s. */
    void checkRow(long row, ByteBuffer b) {
        MappedByteBuffer seg = segment(row);
        int base = rowBase(row);
        java.util.zip.CRC32 c = new java.util.zip.CRC32();
        c.update(seg.slice(base, StoreFormat.ROW_CRC));
        if ((int) c.getValue() != seg.getInt(base + StoreFormat.ROW_CRC)) {
            throw corrupt("variant table row " + row + " fails its checksum");
        }
        int length = seg.getInt(base + 36);
        if (length < 0 || length > b.remaining()) throw corrupt("variant table row " + row + " has a bad data length");
        c.reset();
        c.update(b.array(), b.arrayOffset() + b.position(), length);
        if ((int) c.getValue() != seg.getInt(base + StoreFormat.ROW_DATA_CRC)) {
            throw corrupt("the carrier data of variant " + contigName(seg.getInt(base + 12)) + ":" + seg.getInt(base + 8)
                    + " (row " + row + ") fails its checksum");
        }
    }

    private String contigName(int c) {
        return c >= 0 && c < contigs.size() ? contigs.get(c) : "contig#" + c;
    }

    /**
     * Checks the whole store: every row and data block against its CRC32, rows sorted by position
     * within their contig, the contig ranges covering the rows, data blocks back to back, and every
     * sample index within the sample list.
     *
     * @return the number of variants checked
     * @throws InputException at the first problem
     */
    public long verify() {
        long expectedOffset = StoreFormat.HEADER_BYTES;
        long row = 0;
        for (int c = 0; c < contigs.size(); c++) {
            if (contigFirst[c] != row || contigCount[c] < 0) throw corrupt("contig " + contigs.get(c) + " has a bad row range");
            int lastPos = Integer.MIN_VALUE;
            for (long r = contigFirst[c]; r < contigFirst[c] + contigCount[c]; r++) {
                if (rowInt(r, 12) != c) throw corrupt("variant table row " + r + " names contig " + rowInt(r, 12) + ", not " + c);
                int pos = pos(r);
                if (pos < lastPos) throw corrupt("variant table row " + r + " is out of position order");
                lastPos = pos;
                if (dataOffset(r) != expectedOffset) throw corrupt("variant table row " + r + " points to the wrong data");
                expectedOffset += rowInt(r, 36);
            }
            row += contigCount[c];
        }
        if (row != variants) throw corrupt("the contigs cover " + row + " rows, not " + variants);
        if (expectedOffset != dataEnd) throw corrupt("the data section ends at " + expectedOffset + ", not " + dataEnd);
        try {
            ByteBuffer pad = read(dataEnd, (int) (tableOffset - dataEnd));
            while (pad.hasRemaining()) if (pad.get() != 0) throw corrupt("the padding before the variant table is not zero");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Variant v : this) {
            for (int s : v.carrierSamples()) if (s < 0 || s >= samples.size()) throw corrupt("variant " + v.key() + " names sample " + s);
            for (int s : v.missingSamples()) if (s < 0 || s >= samples.size()) throw corrupt("variant " + v.key() + " names sample " + s);
        }
        return variants;
    }

    /** Every variant in store order, reading the carrier data in large sequential chunks. */
    @Override
    public Iterator<Variant> iterator() {
        return new Iterator<>() {
            private static final int CHUNK_ROWS = 4096;
            private long row;
            private final ArrayList<Variant> buffer = new ArrayList<>();
            private int at;

            @Override
            public boolean hasNext() {
                if (at < buffer.size()) return true;
                if (row >= variants) return false;
                long hi = Math.min(variants, row + CHUNK_ROWS);
                buffer.clear();
                buffer.addAll(readRange(row, hi));
                row = hi;
                at = 0;
                return !buffer.isEmpty();
            }

            @Override
            public Variant next() {
                if (!hasNext()) throw new NoSuchElementException();
                return buffer.get(at++);
            }
        };
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
