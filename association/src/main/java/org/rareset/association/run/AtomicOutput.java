package org.rareset.association.run;

import java.io.IOException;
import java.nio.file.Path;
import org.rareset.core.output.OutputFiles;

/**
 * Write-then-rename ({@link OutputFiles#write}): output goes to a hidden temporary file in the
 * destination folder and is renamed over the destination only when complete, so a failed run
 * never leaves half a file.
 */
public final class AtomicOutput {
    private AtomicOutput() {}

    /** Writes through a temporary sibling and renames it to {@code target} at the end. */
    public static void write(Path target, IoConsumer<Path> writer) throws IOException {
        OutputFiles.write(target, writer::accept);
    }

    @FunctionalInterface
    public interface IoConsumer<T> {
        void accept(T t) throws IOException;
    }
}
