package org.rareset.core;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Things about an input the user should know but that are not errors (a byte-order mark that was
 * skipped, say): each distinct note is passed once to the sink, which the command line points at
 * its stderr. Readers deep inside the modules report here instead of printing.
 */
public final class InputNotes {
    private static final Set<String> SEEN = new LinkedHashSet<>();
    private static Consumer<String> sink = line -> System.err.println("rareset: note: " + line);

    private InputNotes() {}

    /** Where notes go from now on. */
    public static synchronized void setSink(Consumer<String> newSink) {
        sink = newSink;
    }

    /** Reports {@code note} unless the same note was reported before. */
    public static void report(String note) {
        Consumer<String> s;
        synchronized (InputNotes.class) {
            if (!SEEN.add(note)) return;
            s = sink;
        }
        s.accept(note);
    }

    /** Every note reported so far, in order (for tests and summaries). */
    public static synchronized List<String> reported() {
        return new ArrayList<>(SEEN);
    }

    /** Forgets the notes reported so far, so they are reported again (tests). */
    public static synchronized void clear() {
        SEEN.clear();
    }
}
