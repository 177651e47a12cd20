package org.rareset.core.table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.rareset.core.output.OutputFiles;

/** A temporary file beside a target path, renamed onto the target once complete ({@link OutputFiles}). */
final class AtomicFile {
    private final Path target;
    private final Path temp;

    AtomicFile(Path target) throws IOException {
        this.target = target.toAbsolutePath();
        Path dir = this.target.getParent();
        if (dir != null) Files.createDirectories(dir);
        this.temp = OutputFiles.temp(this.target, OutputFiles.TEMP_SUFFIX);
    }

    Path target() { return target; }
    Path temp() { return temp; }

    void commit() throws IOException {
        OutputFiles.commit(temp, target);
    }

    void discard() {
        OutputFiles.discard(temp);
    }
}
