package org.rareset.annotate.table;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.rareset.annotate.InputException;

/** Opens a text file, gzip (and BGZF) recognised by its magic bytes rather than its name. */
public final class TextInput {
    private TextInput() {}

    public static BufferedReader open(Path path) {
        try {
            InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
            if (isGzip(in)) in = new GZIPInputStream(in, 1 << 16);
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        } catch (NoSuchFileException e) {
            throw InputException.of(path, "file not found", "check the path");
        } catch (IOException e) {
            throw InputException.of(path, "cannot read: " + e.getMessage(), null);
        }
    }

    private static boolean isGzip(InputStream in) throws IOException {
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b;
    }
}
