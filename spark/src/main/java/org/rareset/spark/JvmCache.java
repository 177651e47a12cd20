package org.rareset.spark;

import java.util.concurrent.Callable;

/**
 * What a process prepares once per run and then reuses for every work unit it is given: the
 * cohort read from the store and the test runner, or the scoring ensemble and its input. One
 * entry, keyed by the run's id (the driver makes a fresh one per run), so a long-lived executor
 * never serves one run with another's inputs and holds at most one run's data. In local mode the
 * executors are the driver's own process and start from what the driver prepared.
 */
final class JvmCache {
    private static String runId;
    private static Object value;

    private JvmCache() {}

    /** The prepared value of run {@code id}, made by {@code make} on first use; tasks asking meanwhile wait for it. */
    static synchronized <T> T get(String id, Class<T> type, Callable<T> make) throws Exception {
        if (!id.equals(runId) || !type.isInstance(value)) {
            value = null; // the last run's data can go before this one's is read
            runId = null;
            T made = make.call();
            runId = id;
            value = made;
        }
        return type.cast(value);
    }

    /** Forgets run {@code id}'s value (the driver, when its run ends). */
    static synchronized void release(String id) {
        if (id.equals(runId)) {
            runId = null;
            value = null;
        }
    }
}
