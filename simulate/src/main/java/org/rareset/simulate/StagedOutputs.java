package org.rareset.simulate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rareset.core.output.OutputFiles;

/**
 * Output files written under temporary names in the destination folder and renamed to their
 * final names only once everything succeeded; on failure the temporary files are deleted, so no
 * half-written output is ever left under a final name (names and renames by {@link OutputFiles},
 * which also deletes them if the process is stopped).
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
        Path tmp = OutputFiles.temp(folder.resolve(name), OutputFiles.TEMP_SUFFIX);
        staged.put(tmp, folder.resolve(name));
        return tmp;
    }

    /** Renames every staged file to its final name, in staging order. */
    void commit() throws IOException {
        for (Map.Entry<Path, Path> e : staged.entrySet()) {
            OutputFiles.commit(e.getKey(), e.getValue());
        }
        committed = true;
    }

    /** Deletes whatever temporary files remain (all of them unless committed). */
    @Override
    public void close() {
        if (committed) return;
        for (Path tmp : staged.keySet()) OutputFiles.discard(tmp);
    }
}
