package org.rareset.annotate.simulate;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Output files written under temporary names in the destination folder and renamed to their
 * final names only once everything succeeded; on failure the temporary files are deleted, so no
 * half-written output is ever left under a final name.
 */
final class StagedOutputs implements AutoCloseable {
    private final Path folder;
    private final Map<Path, Path> staged = new LinkedHashMap<>();
    private boolean committed;

    StagedOutputs(Path folder) {
        this.folder = folder;
    }

    /** A temporary path for the final file {@code name}, renamed by {@link #commit()}. */
    Path stage(String name) {
        Path tmp = folder.resolve("." + name + ".tmp");
        staged.put(tmp, folder.resolve(name));
        return tmp;
    }

    /** Renames every staged file to its final name, in staging order. */
    void commit() throws IOException {
        for (Map.Entry<Path, Path> e : staged.entrySet()) {
            try {
                Files.move(e.getKey(), e.getValue(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException ex) {
                Files.move(e.getKey(), e.getValue(), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        committed = true;
    }

    /** Deletes whatever temporary files remain (all of them unless committed). */
    @Override
    public void close() {
        if (committed) return;
        for (Path tmp : staged.keySet()) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // Best effort: the failure being reported matters more than a leftover temp file.
            }
        }
    }
}
