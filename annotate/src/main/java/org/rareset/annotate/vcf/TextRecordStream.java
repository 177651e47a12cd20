package org.rareset.annotate.vcf;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.rareset.annotate.InputException;
import org.rareset.annotate.concurrent.DaemonPools;

/**
 * Records of a whole VCF text file, decoded on a small thread pool. The calling thread cuts the
 * inflated text into batches of whole lines (stitching the line that spans two chunks) and the
 * pool decodes each batch's site columns and genotypes with {@link VcfLineDecoder}, so parsing
 * uses every core instead of one. Batches come back in file order, and an error in a record is
 * raised when the caller reaches that record, exactly as a one-line-at-a-time reader would.
 */
final class TextRecordStream implements RecordStream {
    private final Path file;
    private final BgzfLineSource lines;
    private final ChunkReader chunks;
    private final VcfHeader header;
    private final ExecutorService pool;
    private final int maxInFlight;
    private final ArrayDeque<Future<Batch>> inFlight = new ArrayDeque<>();
    private ThreadLocal<BatchDecoder> decoders;

    /** Text the header reader had read ahead: the first chunk to cut into lines. */
    private ChunkReader.Chunk readAhead;
    /** Text after the last complete line handed to the pool: the start of the next line. */
    private byte[] carry = new byte[1 << 16];
    private int carryLength;
    private boolean inputDone;

    private Batch batch;
    private int next;
    private DecodedRecord current;
    /** Lines of the file before the current batch's first line. */
    private long lineBase;

    TextRecordStream(Path file, int threads) {
        this.file = file;
        this.lines = new BgzfLineSource(file, threads);
        try {
            this.header = VcfHeader.read(file, lines);
        } catch (RuntimeException e) {
            lines.close();
            throw e;
        }
        this.chunks = lines.chunks();
        byte[] buffered = lines.takeBuffered();
        this.readAhead = buffered.length == 0 ? null : new ChunkReader.Chunk(buffered, buffered.length);
        this.lineBase = lines.lineNumber();
        int t = Math.max(1, threads);
        this.pool = DaemonPools.fixed(t, "vcf-decode");
        this.maxInFlight = 2 * t + 1;
    }

    @Override
    public List<String> headerSamples() {
        return header.samples;
    }

    @Override
    public void select(SampleSelection selection) {
        int columns = header.samples.size();
        this.decoders = ThreadLocal.withInitial(() -> new BatchDecoder(file, columns, selection));
    }

    @Override
    public boolean advance() {
        while (batch == null || next == batch.records.size()) {
            if (batch != null) {
                if (batch.siteError != null) throw relocated(batch.siteError, batch.siteErrorLine);
                lineBase += batch.lines;
            }
            batch = nextBatch();
            next = 0;
            if (batch == null) {
                current = null;
                return false;
            }
        }
        current = batch.records.get(next++);
        return true;
    }

    @Override public String chrom() { return current.chrom; }
    @Override public int pos() { return current.pos; }
    @Override public String id() { return current.id; }
    @Override public String ref() { return current.ref; }
    @Override public List<String> alts() { return current.alts; }
    @Override public boolean passes() { return current.passes; }

    @Override
    public void decodeGenotypes(RecordCalls calls) {
        if (current.genotypeError != null) throw relocated(current.genotypeError, current.line);
        calls.restore(current.calls);
    }

    @Override
    public String location() {
        return "line " + (lineBase + current.line);
    }

    private InputException relocated(InputException e, long lineInBatch) {
        return new InputException(file.toString(), "line " + (lineBase + lineInBatch), e.problem(), e.hint(), e);
    }

    private Batch nextBatch() {
        while (!inputDone && inFlight.size() < maxInFlight) submitNextBatch();
        Future<Batch> f = inFlight.poll();
        if (f == null) return null;
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Takes chunks until one holds a line end, and hands the pool the complete lines so far: the
     * carried-over start of a line plus the chunk's text up to its last '\n'.
     */
    private void submitNextBatch() {
        while (true) {
            ChunkReader.Chunk chunk = readAhead != null ? readAhead : chunks.next();
            readAhead = null;
            if (chunk == null) {
                inputDone = true;
                if (carryLength > 0) {
                    byte[] lastLine = Arrays.copyOf(carry, carryLength);
                    carryLength = 0;
                    submit(lastLine, null, 0, 0);
                }
                return;
            }
            byte[] b = chunk.bytes();
            int n = chunk.length();
            int first = BgzfLineSource.indexOfNewline(b, 0, n);
            if (first < 0) {
                appendToCarry(b, 0, n);
                chunks.recycle(chunk);
                continue;
            }
            int last = n - 1;
            while (b[last] != '\n') last--;
            byte[] head = null;
            int bodyStart = 0;
            if (carryLength > 0) {
                appendToCarry(b, 0, first);
                head = Arrays.copyOf(carry, carryLength);
                bodyStart = first + 1;
            }
            carryLength = 0;
            appendToCarry(b, last + 1, n);
            submit(head, chunk, bodyStart, last + 1);
            return;
        }
    }

    private void appendToCarry(byte[] b, int from, int to) {
        int n = to - from;
        if (carryLength + n > carry.length) carry = Arrays.copyOf(carry, Math.max(2 * carry.length, carryLength + n));
        System.arraycopy(b, from, carry, carryLength, n);
        carryLength += n;
    }

    private void submit(byte[] head, ChunkReader.Chunk chunk, int bodyStart, int bodyEnd) {
        inFlight.add(pool.submit(() -> {
            try {
                return decoders.get().decode(head, chunk == null ? null : chunk.bytes(), bodyStart, bodyEnd);
            } finally {
                if (chunk != null) chunks.recycle(chunk);
            }
        }));
    }

    @Override
    public void close() {
        for (Future<Batch> f : inFlight) f.cancel(true);
        pool.shutdownNow();
        lines.close();
    }

    /** One record's site columns and genotypes (or the error decoding them), decoded ahead of the caller. */
    private record DecodedRecord(long line, String chrom, int pos, String id, String ref, List<String> alts,
                                 boolean passes, RecordCalls.Snapshot calls, InputException genotypeError) {}

    /**
     * The records of a run of lines, in order. A line whose site columns are malformed ends the
     * batch: {@code siteError} is raised once the records before it were handed out.
     */
    private record Batch(List<DecodedRecord> records, long lines, InputException siteError, long siteErrorLine) {}

    /** One pool thread's decoder; line numbers are counted from the batch's first line. */
    private static final class BatchDecoder {
        private final VcfLineDecoder decoder;
        private final RecordCalls calls;

        BatchDecoder(Path file, int columns, SampleSelection selection) {
            this.decoder = new VcfLineDecoder(file, columns);
            decoder.select(selection);
            this.calls = new RecordCalls(selection.size());
        }

        /** Decodes the line {@code head} (if given), then the '\n'-terminated lines of {@code b[start, end)}. */
        Batch decode(byte[] head, byte[] b, int start, int end) {
            List<DecodedRecord> records = new ArrayList<>();
            long line = 0;
            try {
                if (head != null) {
                    line++;
                    decodeLine(head, 0, withoutCr(head, head.length), line, records);
                }
                int p = start;
                while (p < end) {
                    int nl = VcfLineDecoder.recordEnd(b, p, end);
                    line++;
                    decodeLine(b, p, withoutCr(b, nl), line, records);
                    p = nl + 1;
                }
            } catch (InputException e) {
                return new Batch(records, line, e, line);
            }
            return new Batch(records, line, null, 0);
        }

        private static int withoutCr(byte[] b, int lineEnd) {
            return lineEnd > 0 && b[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
        }

        private void decodeLine(byte[] b, int start, int end, long line, List<DecodedRecord> out) {
            if (start >= end) return;
            decoder.site(b, start, end, null);
            RecordCalls.Snapshot snapshot = null;
            InputException genotypeError = null;
            if (!decoder.alts().isEmpty()) {
                try {
                    decoder.genotypes(calls);
                    snapshot = calls.snapshot();
                } catch (InputException e) {
                    genotypeError = e;
                }
            }
            out.add(new DecodedRecord(line, decoder.chrom(), decoder.pos(), decoder.id(), decoder.ref(), decoder.alts(),
                    decoder.passes(), snapshot, genotypeError));
        }
    }
}
