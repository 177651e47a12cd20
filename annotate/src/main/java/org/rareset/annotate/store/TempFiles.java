package org.rareset.annotate.store;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/** Temporary names beside an output, and the final rename. */
final class TempFiles {
    private TempFiles() {}

    /**
     * A fresh hidden name {@code .<target>.<random><suffix>} in the target's folder. Not created
     * here: {@code Files.createTempFile} would give owner-only permissions that stick after the rename.
     */
    static Path beside(Path target, String suffix) {
        Path abs = target.toAbsolutePath();
        String random = Long.toHexString(ThreadLocalRandom.current().nextLong());
        return abs.resolveSibling("." + abs.getFileName() + "." + random + suffix);
    }

    /** Renames {@code temp} onto {@code target}, atomically where the file system can. */
    static void commit(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
