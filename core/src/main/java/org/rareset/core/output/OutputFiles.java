package org.rareset.core.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.rareset.core.InputException;

/**
 * Write-then-rename, the one way outputs are written: the content goes to a hidden temporary name
 * in the target's folder ({@code .<name>.<random><suffix>}, suffix ending in {@code .tmp}), which is
 * renamed over the target only when complete. A failed or interrupted run therefore never leaves
 * half a file under the final name, and its temporary file is deleted: by {@link #discard} on
 * failure, or by {@link ExitCleanup}'s shutdown hook when the process is stopped.
 *
 * <p>Three shapes of the same thing: {@link #write} when one call writes the whole file,
 * {@link #pending} when a writer object fills the file over many calls and commits at its close,
 * and {@link #commitFolder} for an output that is a folder (a model, a pipeline step).
 */
public final class OutputFiles {
    /** Every temporary name ends with this. */
    public static final String TEMP_SUFFIX = ".tmp";
    /** The suffix of the old folder {@link #commitFolder} sets aside while the new one moves in. */
    static final String OLD_FOLDER_SUFFIX = ".old" + TEMP_SUFFIX;

    private OutputFiles() {}

    /** Writes a file (or folder) at a path it is given. */
    @FunctionalInterface
    public interface Writer {
        void write(Path temp) throws IOException;
    }

    /**
     * A fresh temporary name beside {@code target}, registered for deletion at exit. Not created
     * here: {@code Files.createTempFile} would give owner-only permissions that stick after the rename.
     *
     * @param suffix ends with {@link #TEMP_SUFFIX}, e.g. {@code ".tmp"} or {@code ".table.tmp"}
     */
    public static Path temp(Path target, String suffix) {
        if (!suffix.endsWith(TEMP_SUFFIX)) throw new IllegalArgumentException("temporary suffix must end with .tmp: " + suffix);
        Path abs = target.toAbsolutePath();
        String random = Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        Path temp = abs.resolveSibling("." + abs.getFileName() + "." + random + suffix);
        ExitCleanup.register(temp);
        return temp;
    }

    /** Whether {@code candidate} has the form of a temporary name of {@code target} ({@link #temp}). */
    public static boolean isTempOf(Path candidate, Path target) {
        Path c = candidate.toAbsolutePath().normalize();
        Path t = target.toAbsolutePath().normalize();
        if (c.getParent() == null || !c.getParent().equals(t.getParent()) || t.getFileName() == null) return false;
        String name = c.getFileName().toString();
        return name.startsWith("." + t.getFileName() + ".") && name.endsWith(TEMP_SUFFIX);
    }

    /**
     * Renames the complete {@code temp} onto {@code target}, atomically where the file system can,
     * replacing an older file of that name.
     */
    public static void commit(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        ExitCleanup.forget(temp);
    }

    /**
     * Renames the complete folder {@code temp} onto {@code target}, replacing an older file or folder
     * there. A folder cannot be renamed over a non-empty one, so the old one is first renamed to a
     * hidden temporary name beside it and deleted after the new one is in place; should that last
     * rename fail, the old one is put back. Either way {@code target} is never half old, half new.
     */
    public static void commitFolder(Path temp, Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        Path old = null;
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
            old = temp(abs, OLD_FOLDER_SUFFIX);
            Files.move(abs, old, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(temp, abs, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            if (old != null) {
                Files.move(old, abs, StandardCopyOption.ATOMIC_MOVE);
                ExitCleanup.forget(old);
            }
            throw e;
        }
        ExitCleanup.forget(temp);
        if (old != null) discard(old);
    }

    /**
     * Tidies up after a process killed inside {@link #commitFolder} (no shutdown hook ran), where the
     * old folder may still lie under its hidden name: with no {@code target}, the old folder set aside
     * is put back (the most recently modified, should there be several), so the folder is the old
     * complete one; beside an existing {@code target}, folders set aside are deleted. Not to be called
     * while another process may be committing the same target.
     *
     * @return true when a folder set aside was put back
     */
    public static boolean recoverFolder(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        List<Path> aside = setAsideFolders(abs);
        if (aside.isEmpty()) return false;
        boolean putBack = !Files.exists(abs, LinkOption.NOFOLLOW_LINKS);
        if (putBack) Files.move(aside.remove(0), abs, StandardCopyOption.ATOMIC_MOVE);
        for (Path p : aside) discard(p);
        return putBack;
    }

    /**
     * The folder {@link #recoverFolder} would put back at {@code target}, or null (there is a
     * {@code target}, or nothing was set aside). Moves nothing: for a plan that must see the folder as
     * a run will, without changing it.
     */
    public static Path setAsideFolder(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) return null;
        List<Path> aside = setAsideFolders(abs);
        return aside.isEmpty() ? null : aside.get(0);
    }

    /** The folders {@link #commitFolder} set aside for {@code abs} and left behind, the most recently modified first. */
    private static List<Path> setAsideFolders(Path abs) throws IOException {
        Path parent = abs.getParent();
        if (parent == null || !Files.isDirectory(parent)) return new ArrayList<>();
        List<Path> aside;
        try (Stream<Path> s = Files.list(parent)) {
            aside = new ArrayList<>(s.filter(p -> isTempOf(p, abs) && p.getFileName().toString().endsWith(OLD_FOLDER_SUFFIX)
                    && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList());
        }
        aside.sort(Comparator.comparing(OutputFiles::lastModified).reversed());
        return aside;
    }

    private static FileTime lastModified(Path p) {
        try {
            return Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /** Deletes {@code temp} (a file or a folder tree), best effort; the failure being reported matters more. */
    public static void discard(Path temp) {
        ExitCleanup.deleteTree(temp);
        ExitCleanup.forget(temp);
    }

    /**
     * A file being written over many calls: its folder is created, its temporary name chosen and
     * registered for cleanup; the writer fills {@link Pending#temp()} and then either commits
     * (renames it onto the target) or discards it.
     */
    public static Pending pending(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) Files.createDirectories(dir);
        return new Pending(abs, temp(abs, TEMP_SUFFIX));
    }

    /** A temporary file beside its target, from {@link #pending}; renamed by {@link #commit()}, deleted by {@link #discard()}. */
    public record Pending(Path target, Path temp) {
        public void commit() throws IOException {
            OutputFiles.commit(temp, target);
        }

        public void discard() {
            OutputFiles.discard(temp);
        }
    }

    /**
     * Writes {@code target} through a temporary sibling: creates the folder if needed, lets
     * {@code writer} fill the temporary path, renames it into place. On any failure the temporary
     * file is deleted, and a cause the user can fix (read-only, full disk, a folder in the way) is
     * one {@link InputException} naming {@code target}.
     */
    public static void write(Path target, Writer writer) throws IOException {
        Path abs = target.toAbsolutePath();
        Path temp = null;
        try {
            Path dir = abs.getParent();
            if (dir != null) Files.createDirectories(dir);
            temp = temp(abs, TEMP_SUFFIX);
            writer.write(temp);
            commit(temp, abs);
            temp = null;
        } catch (IOException e) {
            InputException ie = WriteFailure.of(target, e);
            if (ie != null) throw ie;
            throw e;
        } catch (UncheckedIOException e) {
            InputException ie = WriteFailure.of(target, e);
            if (ie != null) throw ie;
            throw e;
        } finally {
            if (temp != null) discard(temp);
        }
    }
}
