package org.rareset.cli.log;

import java.io.IOException;
import java.io.Writer;

/** Writes everything to two writers (stderr and the --log-file). */
public final class TeeWriter extends Writer {
    private final Writer a;
    private final Writer b;

    public TeeWriter(Writer a, Writer b) {
        this.a = a;
        this.b = b;
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        a.write(buf, off, len);
        b.write(buf, off, len);
    }

    @Override
    public void flush() throws IOException {
        a.flush();
        b.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
        b.close();
    }
}
