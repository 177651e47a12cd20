package org.rareset.annotate.table;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** A temporary file beside a target path, renamed onto the target once complete. */
final class AtomicFile {
    private final Path target;
    private final Path temp;

    AtomicFile(Path target) throws IOException {
        this.target = target.toAbsolutePath();
        Path dir = this.target.getParent();
        if (dir != null) Files.createDirectories(dir);
        // Not Files.createTempFile: its owner-only permissions would stick to the final table.
        String suffix = Long.toHexString(Double.doubleToLongBits(Math.random()) ^ System.nanoTime());
        this.temp = this.target.resolveSibling("." + this.target.getFileName() + "." + suffix + ".tmp");
    }

    Path target() { return target; }
    Path temp() { return temp; }

    void commit() throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    void discard() {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // Best effort: a leftover hidden temp file is harmless and named after its target.
        }
    }
}
