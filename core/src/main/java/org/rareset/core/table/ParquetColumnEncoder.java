package org.rareset.core.table;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageWriter;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Encodes one optional, flat Parquet column into version-1 data pages and hands them to
 * Parquet's {@link PageWriter} (which compresses them, builds the page index and lays out the
 * column chunk). It does the job of Parquet's {@code ColumnWriterV1} for the one shape our
 * tables have: every value is either missing or present, never repeated. Knowing that shape lets
 * it keep a page as a plain byte array of values plus a null count, instead of making several
 * virtual calls per value; the encodings are the standard ones:
 * <ul>
 *   <li>definition levels: RLE/bit-packed hybrid, bit width 1 (one RLE run when nothing is missing);</li>
 *   <li>numbers and booleans: PLAIN, with min/max/null-count statistics;</li>
 *   <li>text ({@link ParquetTextEncoder}): dictionary ({@code PLAIN_DICTIONARY} pages of
 *       RLE/bit-packed ids) while the dictionary stays small and pays off, else PLAIN, as
 *       Parquet's own fallback does.</li>
 * </ul>
 */
abstract class ParquetColumnEncoder {
    /** Page limits as Parquet's defaults: 20,000 rows or 1 MiB, whichever comes first. */
    static final int PAGE_ROWS = 20_000;
    static final int PAGE_BYTES = 1 << 20;

    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    protected final ColumnDescriptor column;
    protected final PrimitiveType type;
    private PageWriter pages;
    /** Values (present or missing) in the current page; {@code missing[i]} for each. */
    protected int count;
    protected int nulls;
    private final boolean[] missing = new boolean[PAGE_ROWS];

    ParquetColumnEncoder(ColumnDescriptor column) {
        this.column = column;
        this.type = column.getPrimitiveType();
    }

    static ParquetColumnEncoder of(ColumnDescriptor column, ColumnType type) {
        return switch (type) {
            case STRING -> new ParquetTextEncoder(column);
            case INT -> new Integral(column, false);
            case LONG -> new Integral(column, true);
            case DOUBLE -> new Float64(column);
            case BOOLEAN -> new Bool(column);
        };
    }

    /** Starts a column chunk (one per row group) written to {@code pages}. */
    void startChunk(PageWriter pages) {
        this.pages = pages;
    }

    /** Appends one value of the column's Java type, or null for missing. */
    final void add(Object value) throws IOException {
        if (value == null) {
            missing[count] = true;
            nulls++;
        } else {
            missing[count] = false;
            addValue(value);
        }
        ended();
    }

    /** Appends row {@code r} of column {@code c} of a batch (missing where not present). */
    final void add(RowBatch batch, int c, int r) throws IOException {
        if (!batch.present[c][r]) {
            missing[count] = true;
            nulls++;
        } else {
            missing[count] = false;
            addValue(batch, c, r);
        }
        ended();
    }

    private void ended() throws IOException {
        if (++count == PAGE_ROWS || pageValueBytes() >= PAGE_BYTES) writePage();
    }

    protected abstract void addValue(Object value) throws IOException;

    protected abstract void addValue(RowBatch batch, int c, int r) throws IOException;

    /** Bytes of encoded values in the current page. */
    protected abstract long pageValueBytes();

    /** The current page's values, encoded; called once per page, before {@link #resetPage()}. */
    protected abstract BytesInput pageValues() throws IOException;

    protected abstract Encoding pageEncoding();

    /** Statistics for the current page (no-op statistics where they are not kept). */
    protected abstract Statistics<?> pageStatistics();

    protected abstract void resetPage();

    /** Memory held for the current row group: pages handed over plus the page being built. */
    long bufferedBytes() {
        return pages.getMemSize() + pageValueBytes() + count / 8;
    }

    /** Ends the column chunk: writes the last page and, where used, the dictionary. */
    void finishChunk() throws IOException {
        if (count > 0) writePage();
        DictionaryPage dictionary = dictionaryPage();
        if (dictionary != null) pages.writeDictionaryPage(dictionary);
        pages = null;
    }

    /** The dictionary the chunk's pages refer to, or null. */
    protected DictionaryPage dictionaryPage() {
        return null;
    }

    private void writePage() throws IOException {
        BytesInput values = pageValues();
        BytesInput page = BytesInput.concat(definitionLevels(), values);
        // One value per row: the page's value count is also its row count. No repetition levels
        // (flat schema): their encoding is recorded as BIT_PACKED, as Parquet's own writer does.
        pages.writePage(page, count, count, pageStatistics(), Encoding.BIT_PACKED, Encoding.RLE, pageEncoding());
        count = 0;
        nulls = 0;
        resetPage();
    }

    /** Definition levels of a version-1 page: a 4-byte little-endian length, then the RLE/bit-packed data. */
    private BytesInput definitionLevels() throws IOException {
        byte[] levels;
        if (nulls == 0) {
            // One RLE run: header varint(count << 1), then the level 1 in one byte.
            byte[] run = new byte[4 + 5 + 1];
            int n = putVarInt(run, 4, count << 1);
            run[n++] = 1;
            levels = Arrays.copyOf(run, n);
        } else {
            RunLengthBitPackingHybridEncoder rle = new RunLengthBitPackingHybridEncoder(1, 64, PAGE_BYTES,
                    HeapByteBufferAllocator.getInstance());
            for (int i = 0; i < count; i++) rle.writeInt(missing[i] ? 0 : 1);
            byte[] data = rle.toBytes().toByteArray();
            levels = new byte[4 + data.length];
            System.arraycopy(data, 0, levels, 4, data.length);
        }
        INT_LE.set(levels, 0, levels.length - 4);
        return BytesInput.from(levels);
    }

    private static int putVarInt(byte[] b, int at, int v) {
        while ((v & ~0x7F) != 0) {
            b[at++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        b[at++] = (byte) v;
        return at;
    }

    /** A growable little-endian byte buffer. */
    static final class Bytes {
        byte[] buf;
        int size;

        Bytes(int capacity) { buf = new byte[capacity]; }

        void ensure(int more) {
            if (size + more > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }

        void putInt(int v) {
            ensure(4);
            INT_LE.set(buf, size, v);
            size += 4;
        }

        void putLong(long v) {
            ensure(8);
            LONG_LE.set(buf, size, v);
            size += 8;
        }

        void put(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, buf, size, b.length);
            size += b.length;
        }

        /** A copy: the page writer may keep what it is given while this buffer is reused. */
        BytesInput toBytes() { return BytesInput.from(Arrays.copyOf(buf, size)); }
    }

    private abstract static class Numeric extends ParquetColumnEncoder {
        protected final Bytes values = new Bytes(PAGE_ROWS * 8);

        Numeric(ColumnDescriptor column) { super(column); }

        @Override protected long pageValueBytes() { return values.size; }
        @Override protected BytesInput pageValues() { return values.toBytes(); }
        @Override protected Encoding pageEncoding() { return Encoding.PLAIN; }

        @Override
        protected Statistics<?> pageStatistics() {
            Statistics<?> s = Statistics.createStats(type);
            if (count > nulls) addMinMax(s);
            s.incrementNumNulls(nulls);
            return s;
        }

        /** Feeds the page's minimum and maximum to {@code s} (at least one value is present). */
        protected abstract void addMinMax(Statistics<?> s);

        @Override protected void resetPage() { values.size = 0; }
    }

    private static final class Float64 extends Numeric {
        private double min;
        private double max;

        Float64(ColumnDescriptor column) { super(column); }

        @Override
        protected void addValue(Object value) {
            put((Double) value);
        }

        @Override
        protected void addValue(RowBatch batch, int c, int r) {
            put(batch.doubles[c][r]);
        }

        private void put(double v) {
            values.putLong(Double.doubleToRawLongBits(v));
            if (values.size == 8) {
                min = v;
                max = v;
            } else {
                if (Double.compare(v, min) < 0) min = v;
                if (Double.compare(v, max) > 0) max = v;
            }
        }

        @Override
        protected void addMinMax(Statistics<?> s) {
            s.updateStats(min);
            s.updateStats(max);
        }
    }

    /** INT32 or INT64, kept as longs here (an INT column only ever holds ints). */
    private static final class Integral extends Numeric {
        private final boolean wide;
        private long min;
        private long max;

        Integral(ColumnDescriptor column, boolean wide) {
            super(column);
            this.wide = wide;
        }

        @Override
        protected void addValue(Object value) {
            put(wide ? (Long) value : (long) (Integer) value);
        }

        @Override
        protected void addValue(RowBatch batch, int c, int r) {
            put(batch.longs[c][r]);
        }

        private void put(long v) {
            boolean first = values.size == 0;
            if (wide) values.putLong(v); else values.putInt((int) v);
            if (first) {
                min = v;
                max = v;
            } else {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }

        @Override
        protected void addMinMax(Statistics<?> s) {
            if (wide) {
                s.updateStats(min);
                s.updateStats(max);
            } else {
                s.updateStats((int) min);
                s.updateStats((int) max);
            }
        }
    }

    /** PLAIN booleans: one bit per present value, least significant bit first. */
    private static final class Bool extends Numeric {
        private int present;
        private boolean sawFalse;
        private boolean sawTrue;

        Bool(ColumnDescriptor column) { super(column); }

        @Override
        protected void addValue(Object value) {
            put((Boolean) value);
        }

        @Override
        protected void addValue(RowBatch batch, int c, int r) {
            put(batch.longs[c][r] != 0);
        }

        private void put(boolean v) {
            int bit = present & 7;
            if (bit == 0) {
                values.ensure(1);
                values.buf[values.size++] = 0;
            }
            if (v) values.buf[values.size - 1] |= (byte) (1 << bit);
            present++;
            if (v) sawTrue = true; else sawFalse = true;
        }

        @Override
        protected void addMinMax(Statistics<?> s) {
            if (sawFalse) s.updateStats(false);
            if (sawTrue) s.updateStats(true);
        }

        @Override
        protected void resetPage() {
            super.resetPage();
            present = 0;
            sawFalse = false;
            sawTrue = false;
        }
    }
}
