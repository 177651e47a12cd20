package org.rareset.core.table;

import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Hands rows to another writer on a background thread, in batches, so that encoding and
 * compressing the output (Parquet pages, number formatting) overlaps with producing the rows.
 * Batches hold values column by column in primitive arrays ({@link RowBatch}) and are reused,
 * so numbers are not boxed on the way. Memory is bounded by {@code QUEUE_BATCHES x BATCH} rows.
 * Errors on the writing thread are rethrown by the next call here; {@link #abort()} discards the
 * output as the target would.
 */
public final class AsyncTableWriter implements TableWriter {
    static final int BATCH = 2048;
    static final int QUEUE_BATCHES = 8;
    private static final RowBatch END = new RowBatch(new ColumnType[0], 0);

    private final TableWriter target;
    private final AbstractTableWriter checkedTarget;
    private final ColumnType[] types;
    private final BlockingQueue<RowBatch> queue = new ArrayBlockingQueue<>(QUEUE_BATCHES);
    /** Batches written and cleared by the writing thread, ready to be filled again. */
    private final BlockingQueue<RowBatch> free = new ArrayBlockingQueue<>(QUEUE_BATCHES + 2);
    private final Thread thread;
    private volatile Throwable failure;
    private RowBatch batch;
    private final int width;
    private long rows;
    private boolean finished;

    public AsyncTableWriter(TableWriter target) {
        this.target = target;
        this.checkedTarget = target instanceof AbstractTableWriter a ? a : null;
        this.width = target.schema().size();
        this.types = new ColumnType[width];
        for (int i = 0; i < types.length; i++) types[i] = target.schema().column(i).type();
        this.batch = new RowBatch(types, BATCH);
        this.thread = new Thread(this::drain, "rareset-table-writer");
        thread.setDaemon(true);
        thread.start();
    }

    private void drain() {
        try {
            while (true) {
                RowBatch b = queue.take();
                if (b == END) return;
                if (checkedTarget != null) {
                    checkedTarget.writeBatch(b);
                } else {
                    Object[] row = new Object[width];
                    for (int r = 0; r < b.size; r++) {
                        for (int c = 0; c < width; c++) row[c] = b.get(c, r);
                        target.writeRow(row);
                    }
                }
                b.clear();
                free.offer(b);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure = e;
            queue.clear(); // unblock the producer; later rows are dropped with the failed output
        }
    }

    private void rethrow() {
        if (failure != null) rethrowFailure();
    }

    private void rethrowFailure() {
        Throwable t = failure;
        if (t instanceof RuntimeException re) throw re;
        if (t instanceof Error er) throw er;
    }

    @Override public TableSchema schema() { return target.schema(); }
    @Override public Path path() { return target.path(); }
    @Override public long rowsWritten() { return rows; }

    @Override
    public void writeRow(Object... values) {
        if (values.length != width) {
            throw new IllegalArgumentException("row has " + values.length + " values, schema " + width);
        }
        for (int i = 0; i < values.length; i++) batch.set(i, check(i, values[i]));
        endRow();
    }

    /** Values are checked here, on the caller's thread, so that a wrong type fails where it is made. */
    private Object check(int c, Object v) {
        if (v == null) return null;
        if (checkedTarget != null) return checkedTarget.checked(c, v);
        return v;
    }

    @Override
    public void setString(int c, String v) {
        if (v != null && types[c] == ColumnType.STRING) {
            batch.strings[c][batch.size] = v;
            batch.present[c][batch.size] = true;
        } else {
            batch.set(c, check(c, v));
        }
    }

    @Override
    public void setInt(int c, int v) {
        if (types[c] == ColumnType.INT) {
            batch.longs[c][batch.size] = v;
            batch.present[c][batch.size] = true;
        } else {
            batch.set(c, check(c, v));
        }
    }

    @Override
    public void setLong(int c, long v) {
        if (types[c] == ColumnType.LONG) {
            batch.longs[c][batch.size] = v;
            batch.present[c][batch.size] = true;
        } else {
            batch.set(c, check(c, v));
        }
    }

    @Override
    public void setDouble(int c, double v) {
        if (Double.isNaN(v)) {
            batch.present[c][batch.size] = false;
        } else if (types[c] == ColumnType.DOUBLE) {
            batch.doubles[c][batch.size] = v;
            batch.present[c][batch.size] = true;
        } else {
            batch.set(c, check(c, v));
        }
    }

    @Override public void setBoolean(int c, boolean v) { batch.set(c, check(c, v)); }
    @Override public void setNull(int c) { batch.present[c][batch.size] = false; }

    @Override
    public void endRow() {
        if (finished) throw new IllegalStateException("writer for " + path() + " is closed");
        batch.size++;
        rows++;
        if (batch.size == BATCH) flush();
    }

    private void flush() {
        rethrow();
        if (batch.size == 0) return;
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing " + path(), e);
        }
        RowBatch reused = free.poll();
        batch = reused != null ? reused : new RowBatch(types, BATCH);
        rethrow();
    }

    @Override
    public void close() {
        if (finished) return;
        try {
            flush();
            queue.put(END);
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort();
            throw new IllegalStateException("interrupted while writing " + path(), e);
        } catch (RuntimeException | Error e) {
            abort();
            throw e;
        }
        finished = true;
        if (failure != null) {
            target.abort();
            rethrow();
        }
        target.close();
    }

    @Override
    public void abort() {
        if (finished) return;
        finished = true;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        target.abort();
    }
}
