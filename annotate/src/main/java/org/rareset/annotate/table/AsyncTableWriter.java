package org.rareset.annotate.table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Hands rows to another writer on a background thread, in batches, so that encoding and
 * compressing the output (Parquet pages, number formatting) overlaps with producing the rows.
 * Memory is bounded by {@code QUEUE_BATCHES x BATCH} rows. Errors on the writing thread are
 * rethrown by the next call here; {@link #abort()} discards the output as the target would.
 */
public final class AsyncTableWriter implements TableWriter {
    static final int BATCH = 2048;
    static final int QUEUE_BATCHES = 8;
    private static final List<Object[]> END = new ArrayList<>();

    private final TableWriter target;
    private final AbstractTableWriter checkedTarget;
    private final ColumnType[] types;
    private final BlockingQueue<List<Object[]>> queue = new ArrayBlockingQueue<>(QUEUE_BATCHES);
    private final Thread thread;
    private volatile Throwable failure;
    private List<Object[]> batch = new ArrayList<>(BATCH);
    private Object[] row;
    private long rows;
    private boolean finished;

    public AsyncTableWriter(TableWriter target) {
        this.target = target;
        this.checkedTarget = target instanceof AbstractTableWriter a ? a : null;
        this.row = new Object[target.schema().size()];
        this.types = new ColumnType[row.length];
        for (int i = 0; i < types.length; i++) types[i] = target.schema().column(i).type();
        this.thread = new Thread(this::drain, "rareset-table-writer");
        thread.setDaemon(true);
        thread.start();
    }

    private void drain() {
        try {
            while (true) {
                List<Object[]> b = queue.take();
                if (b == END) return;
                if (checkedTarget != null) {
                    for (Object[] r : b) checkedTarget.writeChecked(r);
                } else {
                    for (Object[] r : b) target.writeRow(r);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure = e;
            queue.clear(); // unblock the producer; later rows are dropped with the failed output
        }
    }

    private void rethrow() {
        Throwable t = failure;
        if (t instanceof RuntimeException re) throw re;
        if (t instanceof Error er) throw er;
    }

    @Override public TableSchema schema() { return target.schema(); }
    @Override public Path path() { return target.path(); }
    @Override public long rowsWritten() { return rows; }

    @Override
    public void writeRow(Object... values) {
        if (values.length != row.length) {
            throw new IllegalArgumentException("row has " + values.length + " values, schema " + row.length);
        }
        for (int i = 0; i < values.length; i++) row[i] = check(i, values[i]);
        endRow();
    }

    /** Values are checked here, on the caller's thread, so that a wrong type fails where it is made. */
    private Object check(int c, Object v) {
        if (v == null) return null;
        if (checkedTarget != null) return checkedTarget.checked(c, v);
        return v;
    }

    @Override public void setString(int c, String v) { row[c] = v == null || types[c] == ColumnType.STRING ? v : check(c, v); }
    @Override public void setInt(int c, int v) { row[c] = types[c] == ColumnType.INT ? Integer.valueOf(v) : check(c, v); }
    @Override public void setLong(int c, long v) { row[c] = types[c] == ColumnType.LONG ? Long.valueOf(v) : check(c, v); }
    @Override public void setDouble(int c, double v) {
        row[c] = Double.isNaN(v) ? null : types[c] == ColumnType.DOUBLE ? Double.valueOf(v) : check(c, v);
    }
    @Override public void setBoolean(int c, boolean v) { row[c] = types[c] == ColumnType.BOOLEAN ? Boolean.valueOf(v) : check(c, v); }
    @Override public void setNull(int c) { row[c] = null; }

    @Override
    public void endRow() {
        if (finished) throw new IllegalStateException("writer for " + path() + " is closed");
        batch.add(row);
        row = new Object[row.length];
        rows++;
        if (batch.size() == BATCH) flush();
    }

    private void flush() {
        rethrow();
        if (batch.isEmpty()) return;
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing " + path(), e);
        }
        batch = new ArrayList<>(BATCH);
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
