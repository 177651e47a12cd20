package org.rareset.core.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;
import org.rareset.core.InputException;

/**
 * Turns a failed write into one line for the user (exit code 2) when the cause is the place written
 * to, not the program: a read-only folder or file system, no permission, a full disk or quota, a
 * folder where the file should go, a missing folder. The line names the output the user asked for
 * (not the hidden temporary name) and what to do. Anything else stays an internal error.
 *
 * <p>The causes are told apart by exception type where Java has one ({@link AccessDeniedException},
 * {@link NoSuchFileException}, {@link NotDirectoryException}) and otherwise by the operating
 * system's message (strerror text: ENOSPC "No space left on device", EDQUOT "Disk quota exceeded",
 * EROFS "Read-only file system", EISDIR "Is a directory"), which is all a failed
 * {@code write(2)} gives to Java.
 */
public final class WriteFailure {
    /** A cause the user can fix, with its description and what to do. */
    public enum Cause {
        NO_SPACE("no space left on the device", "free some space or write elsewhere"),
        QUOTA("disk quota exceeded", "free some space or write elsewhere"),
        READ_ONLY("the file system is read-only", "write to a writable folder"),
        PERMISSION("permission denied", "check the folder's permissions or write elsewhere"),
        IS_DIRECTORY("the output path is a folder", "name a file, not a folder"),
        NO_FOLDER("the folder does not exist", "create the folder first or write elsewhere"),
        NOT_A_FOLDER("a path component is a file, not a folder", "check the output path");

        public final String text;
        public final String hint;

        Cause(String text, String hint) {
            this.text = text;
            this.hint = hint;
        }
    }

    private WriteFailure() {}

    /** The user-fixable cause of {@code e} (or of an exception it wraps), or null. */
    public static Cause causeOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            Cause c = direct(t);
            if (c != null) return c;
            if (t.getCause() == t) break;
        }
        return null;
    }

    private static Cause direct(Throwable t) {
        if (!(t instanceof IOException)) return null;
        if (t instanceof AccessDeniedException) return Cause.PERMISSION;
        if (t instanceof NoSuchFileException) return Cause.NO_FOLDER;
        if (t instanceof NotDirectoryException) return Cause.NOT_A_FOLDER;
        String m = t instanceof FileSystemException fs ? fs.getReason() : t.getMessage();
        if (m == null) m = t.getMessage();
        if (m == null) return null;
        String s = m.toLowerCase(Locale.ROOT);
        if (s.contains("no space left on device")) return Cause.NO_SPACE;
        if (s.contains("disk quota exceeded")) return Cause.QUOTA;
        if (s.contains("read-only file system")) return Cause.READ_ONLY;
        if (s.contains("permission denied") || s.contains("operation not permitted")) return Cause.PERMISSION;
        if (s.contains("is a directory")) return Cause.IS_DIRECTORY;
        if (s.contains("not a directory")) return Cause.NOT_A_FOLDER;
        return null;
    }

    /**
     * One line naming {@code target} and the cause, or null when {@code e} is not a cause the user
     * can fix (the caller then rethrows it as it is).
     */
    public static InputException of(Path target, Throwable e) {
        Cause c = causeOf(e);
        if (c == null) return null;
        if (c == Cause.NO_FOLDER && target != null) {
            Path dir = target.toAbsolutePath().getParent();
            if (dir != null && Files.isDirectory(dir)) return null; // a file vanished under us: not the folder's fault
        }
        return new InputException(target == null ? null : target.toString(), null, "cannot write: " + c.text, c.hint, e);
    }

    /** {@link #of} as an exception to throw: the one line when the user can fix it, else {@code e} unchanged. */
    public static RuntimeException rethrow(Path target, IOException e) {
        InputException ie = of(target, e);
        return ie != null ? ie : new UncheckedIOException(e);
    }

    /**
     * Checks before any work that {@code target} can be written: it is not an existing folder and
     * its folder exists (or can be created, when {@code createFolder}).
     *
     * @throws InputException naming the path and the problem
     */
    public static void checkWritable(Path target, boolean createFolder) {
        Path abs = target.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            throw new InputException(target.toString(), null, "cannot write: " + Cause.IS_DIRECTORY.text, Cause.IS_DIRECTORY.hint);
        }
        Path dir = abs.getParent();
        if (dir == null || Files.isDirectory(dir)) return;
        if (Files.exists(dir)) {
            throw new InputException(target.toString(), null, "cannot write: " + Cause.NOT_A_FOLDER.text, Cause.NOT_A_FOLDER.hint);
        }
        if (!createFolder) {
            throw new InputException(target.toString(), null, "cannot write: the folder " + dir + " does not exist",
                    Cause.NO_FOLDER.hint);
        }
    }
}
