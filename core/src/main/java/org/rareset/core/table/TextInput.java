package org.rareset.core.table;

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
import org.rareset.core.InputException;
import org.rareset.core.InputNotes;

/**
 * Opens a text file, gzip (and BGZF) recognised by its magic bytes rather than its name. A UTF-8
 * byte-order mark (written by Excel and some Windows editors) is skipped and reported once per
 * file ({@link InputNotes}): left in, it would become part of the first column's name.
 */
public final class TextInput {
    private TextInput() {}

    /** U+FEFF as it reads after UTF-8 decoding. */
    static final char BYTE_ORDER_MARK = '\uFEFF';

    public static BufferedReader open(Path path) {
        try {
            InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
            if (isGzip(in)) in = new GZIPInputStream(in, 1 << 16);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            skipByteOrderMark(path, reader);
            return reader;
        } catch (NoSuchFileException e) {
            throw InputException.of(path, "file not found", "check the path");
        } catch (IOException e) {
            throw InputException.of(path, "cannot read: " + e.getMessage(), null);
        }
    }

    /** Every line of a small text file (gzip or plain), the byte-order mark skipped as in {@link #open}. */
    public static java.util.List<String> readLines(Path path) {
        try (BufferedReader in = open(path)) {
            java.util.List<String> lines = new java.util.ArrayList<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) lines.add(line);
            return lines;
        } catch (IOException e) {
            throw InputException.of(path, "cannot read: " + e.getMessage(), "check the file is readable and not truncated");
        }
    }

    private static void skipByteOrderMark(Path path, BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() == BYTE_ORDER_MARK) {
            InputNotes.report(path + " starts with a UTF-8 byte-order mark; it was skipped");
        } else {
            reader.reset();
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
