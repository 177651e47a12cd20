package org.rareset.core.output;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The temporary files and folders that exist right now, deleted by one JVM shutdown hook if the
 * process ends before they were renamed into place or discarded: on {@code System.exit} after a
 * failure, and on SIGTERM or SIGINT (the JVM runs shutdown hooks for both; SIGKILL cannot be caught).
 *
 * <p>The write-then-rename helpers register a temporary path when they name it and forget it when
 * they rename or delete it, so the hook only ever deletes half-written files.
 */
public final class ExitCleanup {
    private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();
    private static volatile boolean hookInstalled;
    private static volatile boolean exiting;

    private ExitCleanup() {}

    /**
     * Deletes {@code temp} (a file or a folder tree) at exit unless {@link #forget} is called first.
     *
     * @throws IllegalStateException once the JVM is shutting down: no new temporary file may start then
     */
    public static void register(Path temp) {
        installHook();
        if (exiting) throw new IllegalStateException("shutting down: not starting " + temp);
        PENDING.add(temp.toAbsolutePath());
    }

    /** {@code temp} was renamed into place or deleted: nothing left to clean up. */
    public static void forget(Path temp) {
        PENDING.remove(temp.toAbsolutePath());
    }

    /** The paths that would be deleted now; for tests and diagnostics. */
    public static List<Path> pending() {
        return new ArrayList<>(PENDING);
    }

    /** Deletes every registered path (what the shutdown hook does); returns how many existed. */
    public static int deleteAll() {
        int n = 0;
        for (Path p : new ArrayList<>(PENDING)) {
            if (deleteTree(p)) n++;
            PENDING.remove(p);
        }
        return n;
    }

    /** Deletes a file or a folder with everything under it; best effort, true if something was there. */
    public static boolean deleteTree(Path p) {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return false;
        try {
            Files.walkFileTree(p, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // Best effort: the error being reported (or the signal) matters more than a leftover temp file.
        }
        return true;
    }

    /**
     * The shutdown hook: refuses new temporary files, deletes the registered ones, and once more
     * after a moment, since the command's threads keep running while hooks run and a writer may
     * have created a file it had registered just before.
     */
    private static void atExit() {
        exiting = true;
        if (PENDING.isEmpty()) return;
        for (Path p : pending()) deleteTree(p);
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteAll();
    }

    private static void installHook() {
        if (hookInstalled) return;
        synchronized (ExitCleanup.class) {
            if (hookInstalled) return;
            Runtime.getRuntime().addShutdownHook(new Thread(ExitCleanup::atExit, "rareset-temp-cleanup"));
            hookInstalled = true;
        }
    }
}
