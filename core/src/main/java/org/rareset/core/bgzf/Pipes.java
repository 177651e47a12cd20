package org.rareset.core.bgzf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Inputs that are streams rather than files: {@code -} (standard input), {@code /dev/stdin}, a named
 * pipe, or a shell's process substitution ({@code <(bcftools view ...)}, a {@code /dev/fd/N} path).
 * They can be read once, front to back, so they serve wherever no index is needed.
 */
public final class Pipes {
    /** The name that means standard input. */
    public static final String STDIN = "-";

    private Pipes() {}

    /** True for {@code -} and for an existing path that is not a regular file (pipe, device, /dev/fd/N). */
    public static boolean isStream(Path p) {
        if (p.toString().equals(STDIN)) return true;
        return Files.exists(p) && !Files.isRegularFile(p) && !Files.isDirectory(p);
    }

    /** Opens the stream: standard input for {@code -}, else the path. */
    static InputStream open(Path p) throws IOException {
        if (p.toString().equals(STDIN)) {
            return new java.io.FilterInputStream(System.in) {
                @Override
                public void close() {
                    // standard input stays open for the process
                }
            };
        }
        return Files.newInputStream(p);
    }
}
