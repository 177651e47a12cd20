package org.rareset.genotypes.store;

import java.nio.file.Path;
import java.util.List;
import org.rareset.core.InputException;

/** The one check that parts of one store (input files, shard stores) carry the same sample list. */
final class SampleLists {
    private SampleLists() {}

    /**
     * Nothing when {@code samples} equals {@code expected}; otherwise an {@link InputException}
     * naming {@code file} and the first sample where the lists part (or their sizes).
     *
     * @param firstFile the file {@code expected} came from, named in the message
     * @param what      what the files are, e.g. "the first file" or "the first shard"
     */
    static void require(Path file, List<String> samples, Path firstFile, List<String> expected, String what, String hint) {
        if (samples.equals(expected)) return;
        int i = 0;
        while (i < Math.min(samples.size(), expected.size()) && samples.get(i).equals(expected.get(i))) i++;
        String where = i < Math.min(samples.size(), expected.size())
                ? "sample " + (i + 1) + " is '" + samples.get(i) + "' but '" + expected.get(i) + "' in " + firstFile.getFileName()
                : samples.size() + " samples but " + expected.size() + " in " + firstFile.getFileName();
        throw InputException.of(file, "its samples differ from " + what + "'s: " + where, hint);
    }
}
