package org.rareset.cli.log;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;

/**
 * Writes through to another writer, starting every line with a prefix (a timestamp, a step name).
 * Used for stderr logs and the --log-file, never for data written to stdout.
 */
public final class LinePrefixWriter extends Writer {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Writer out;
    private final Supplier<String> prefix;
    private boolean atLineStart = true;

    public LinePrefixWriter(Writer out, Supplier<String> prefix) {
        this.out = out;
        this.prefix = prefix;
    }

    /** Prefixes lines with the local time, "2026-01-31 12:00:00 ". */
    public static LinePrefixWriter timestamped(Writer out) {
        return new LinePrefixWriter(out, () -> LocalDateTime.now().format(TIME) + " ");
    }

    public static LinePrefixWriter fixed(Writer out, String prefix) {
        return new LinePrefixWriter(out, () -> prefix);
    }

    @Override
    public synchronized void write(char[] buf, int off, int len) throws IOException {
        int start = off;
        int end = off + len;
        for (int i = off; i < end; i++) {
            if (atLineStart) {
                out.write(buf, start, i - start);
                out.write(prefix.get());
                start = i;
                atLineStart = false;
            }
            if (buf[i] == '\n') {
                out.write(buf, start, i + 1 - start);
                start = i + 1;
                atLineStart = true;
            }
        }
        out.write(buf, start, end - start);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
