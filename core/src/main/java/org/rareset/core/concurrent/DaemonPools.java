package org.rareset.core.concurrent;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Fixed thread pools of daemon threads, as every parallel stage here uses them: a pool left behind
 * by a failure (bad input thrown mid-stream) must not keep the JVM alive after the error is shown.
 */
public final class DaemonPools {
    private DaemonPools() {}

    /** {@code max(1, threads)} daemon threads named {@code name}. */
    public static ExecutorService fixed(int threads, String name) {
        return Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }
}
