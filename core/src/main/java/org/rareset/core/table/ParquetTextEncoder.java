package org.rareset.core.table;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageWriter;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;

/**
 * Encodes a UTF-8 text column ({@link ParquetColumnEncoder} does the pages and definition
 * levels). Starts with a dictionary per column chunk and falls back to PLAIN for the rest of
 * the chunk when the dictionary outgrows {@link #DICTIONARY_BYTES} or the chunk's first page
 * shows it does not pay off (mostly distinct values, such as variant ids); a column that fell
 * back once stays PLAIN in later row groups instead of building a doomed dictionary again. Pages
 * already written with the dictionary keep it (a chunk may mix both, as Parquet's fallback
 * writes them). Text columns carry no min/max statistics: comparing strings costs more than
 * readers gain from them here.
 */
final class ParquetTextEncoder extends ParquetColumnEncoder {
    static final int DICTIONARY_BYTES = 1 << 20;

    private final Bytes plain = new Bytes(1 << 16);
    private boolean usePlain;
    private boolean plainForGood;
    // Dictionary of the current chunk.
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<byte[]> entries = new ArrayList<>();
    private int dictionaryBytes;
    private boolean dictionaryPagesWritten;
    private boolean firstPage = true;
    // The current page in dictionary mode: the ids of its present values.
    private int[] pageIds = new int[PAGE_ROWS];
    private int present;
    private long rawBytes;
    private String lastValue;
    private int lastId;
    private Encoding pageEncoding = Encoding.PLAIN;

    ParquetTextEncoder(ColumnDescriptor column) { super(column); }

    @Override
    void startChunk(PageWriter pages) {
        super.startChunk(pages);
        usePlain = plainForGood;
        ids.clear();
        entries.clear();
        dictionaryBytes = 0;
        dictionaryPagesWritten = false;
        firstPage = true;
        lastValue = null;
    }

    @Override
    protected void addValue(Object value) {
        put((String) value);
    }

    @Override
    protected void addValue(RowBatch batch, int c, int r) {
        put(batch.strings[c][r]);
    }

    private void put(String s) {
        if (usePlain) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            plain.putInt(b.length);
            plain.put(b);
            return;
        }
        int id;
        if (s == lastValue) {
            id = lastId;
        } else {
            Integer known = ids.get(s);
            if (known != null) {
                id = known;
            } else {
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                if (dictionaryBytes + 4 + b.length > DICTIONARY_BYTES) {
                    fallBack();
                    plain.putInt(b.length);
                    plain.put(b);
                    return;
                }
                id = entries.size();
                entries.add(b);
                ids.put(s, id);
                dictionaryBytes += 4 + b.length;
            }
            lastValue = s;
            lastId = id;
        }
        pageIds[present++] = id;
        rawBytes += 4 + entries.get(id).length;
    }

    /** Re-encodes the current page as PLAIN and stays PLAIN for the rest of the chunk (and file). */
    private void fallBack() {
        for (int i = 0; i < present; i++) {
            byte[] b = entries.get(pageIds[i]);
            plain.putInt(b.length);
            plain.put(b);
        }
        present = 0;
        rawBytes = 0;
        usePlain = true;
        plainForGood = true;
    }

    @Override
    protected long pageValueBytes() {
        // Dictionary ids take at most 4 bytes each; the page-row limit comes first anyway.
        return usePlain ? plain.size : 4L * present;
    }

    @Override
    long bufferedBytes() {
        return super.bufferedBytes() + dictionaryBytes;
    }

    @Override
    protected BytesInput pageValues() throws IOException {
        pageEncoding = Encoding.PLAIN;
        if (!usePlain && present > 0) {
            BytesInput encoded = encodeIds();
            // As Parquet does: keep the chunk's dictionary only if its first page with values
            // comes out smaller with it.
            if (firstPage && encoded.size() + dictionaryBytes >= rawBytes) {
                fallBack();
            } else {
                firstPage = false;
                dictionaryPagesWritten = true;
                pageEncoding = Encoding.PLAIN_DICTIONARY;
                return encoded;
            }
        }
        // A page of missing values only has no values to encode: PLAIN, empty.
        if (present > 0 || usePlain) firstPage = false;
        return plain.toBytes();
    }

    /** One byte of bit width, then the ids RLE/bit-packed at that width. */
    private BytesInput encodeIds() throws IOException {
        int width = BytesUtils.getWidthFromMaxInt(Math.max(0, entries.size() - 1));
        RunLengthBitPackingHybridEncoder rle = new RunLengthBitPackingHybridEncoder(width, 64, PAGE_BYTES,
                HeapByteBufferAllocator.getInstance());
        for (int i = 0; i < present; i++) rle.writeInt(pageIds[i]);
        return BytesInput.concat(BytesInput.from(new byte[] {(byte) width}), BytesInput.from(rle.toBytes().toByteArray()));
    }

    @Override
    protected Encoding pageEncoding() {
        return pageEncoding;
    }

    @Override
    protected Statistics<?> pageStatistics() {
        return Statistics.noopStats(type);
    }

    @Override
    protected void resetPage() {
        plain.size = 0;
        present = 0;
        rawBytes = 0;
    }

    @Override
    protected DictionaryPage dictionaryPage() {
        if (!dictionaryPagesWritten) return null;
        Bytes d = new Bytes(dictionaryBytes);
        for (byte[] b : entries) {
            d.putInt(b.length);
            d.put(b);
        }
        return new DictionaryPage(d.toBytes(), entries.size(), Encoding.PLAIN_DICTIONARY);
    }
}
