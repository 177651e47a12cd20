package org.rareset.annotate;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads an iterator on a background thread, a few batches ahead, so that decoding the cohort VCF
 * overlaps with annotating and writing. Memory is bounded by {@code QUEUE_BATCHES x BATCH}
 * items. A failure on the reading thread is rethrown by {@link #hasNext()} as it was.
 */
final class Prefetch<T> implements Iterator<T>, AutoCloseable {
    static final int BATCH = 1024;
    static final int QUEUE_BATCHES = 8;

    private static final List<Object> END = new ArrayList<>();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_BATCHES);
    private final Thread thread;
    private volatile boolean closed;
    private List<T> batch = List.of();
    private int index;
    private boolean ended;

    Prefetch(Iterator<T> source, String name) {
        thread = new Thread(() -> {
            try {
                List<T> b = new ArrayList<>(BATCH);
                while (!closed && source.hasNext()) {
                    b.add(source.next());
                    if (b.size() == BATCH) {
                        queue.put(b);
                        b = new ArrayList<>(BATCH);
                    }
                }
                if (!b.isEmpty()) queue.put(b);
                queue.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                try {
                    queue.put(e);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    @SuppressWarnings("unchecked")
    public boolean hasNext() {
        while (index >= batch.size()) {
            if (ended) return false;
            Object o;
            try {
                o = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading variants", e);
            }
            if (o == END) {
                ended = true;
                return false;
            }
            if (o instanceof RuntimeException re) throw re;
            if (o instanceof Error er) throw er;
            batch = (List<T>) o;
            index = 0;
        }
        return true;
    }

    @Override
    public T next() {
        if (!hasNext()) throw new NoSuchElementException();
        return batch.get(index++);
    }

    /** Stops the reading thread (it may be blocked on a full queue) and waits for it. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
