package org.rareset.genotypes.store;

import java.io.IOException;
import java.nio.file.Path;
import org.rareset.core.output.OutputFiles;

/** Temporary names beside an output, and the final rename: the store's names for {@link OutputFiles}. */
final class TempFiles {
    private TempFiles() {}

    /**
     * A fresh hidden name {@code .<target>.<random><suffix>} in the target's folder, deleted at exit
     * unless committed ({@link OutputFiles#temp}).
     */
    static Path beside(Path target, String suffix) {
        return OutputFiles.temp(target, suffix);
    }

    /** Renames {@code temp} onto {@code target}, atomically where the file system can. */
    static void commit(Path temp, Path target) throws IOException {
        OutputFiles.commit(temp, target);
    }
}
