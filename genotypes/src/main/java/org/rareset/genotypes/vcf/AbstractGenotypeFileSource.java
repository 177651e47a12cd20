package org.rareset.genotypes.vcf;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * What every genotype file reader (VCF/BCF, PLINK 1 binary, BGEN) shares: its file, its sample
 * selection, its read statistics, and iteration once, front to back. A reader supplies only a
 * {@link RecordReader}, which turns the file's next record (or block) into zero or more variants;
 * the iterator here buffers them, since one multi-allelic record gives several variants and a
 * skipped one gives none.
 */
public abstract class AbstractGenotypeFileSource implements GenotypeFileSource {
    protected final Path file;
    protected final SampleSelection selection;
    protected final ReadStats stats = new ReadStats();
    private boolean iterated;

    /**
     * @param file      the file named in messages (for a PLINK fileset, its .bed)
     * @param selection the samples kept, in output order
     */
    protected AbstractGenotypeFileSource(Path file, SampleSelection selection) {
        this.file = file;
        this.selection = selection;
    }

    /** Reads a file record by record. */
    protected interface RecordReader {
        /**
         * Reads the next record and adds its variants (none when it is skipped) to {@code out};
         * false, adding nothing, once the file is exhausted.
         */
        boolean readNext(ArrayDeque<Variant> out);
    }

    /** A reader positioned at the first record; called once, by {@link #iterator()}. */
    protected abstract RecordReader records();

    @Override
    public final Path file() {
        return file;
    }

    @Override
    public final ReadStats stats() {
        return stats;
    }

    @Override
    public final List<String> samples() {
        return selection.names();
    }

    @Override
    public final Iterator<Variant> iterator() {
        if (iterated) throw new IllegalStateException("a " + getClass().getSimpleName() + " can be iterated once");
        iterated = true;
        RecordReader reader = records();
        return new Iterator<>() {
            private final ArrayDeque<Variant> pending = new ArrayDeque<>();
            private boolean done;

            @Override
            public boolean hasNext() {
                while (pending.isEmpty() && !done) done = !reader.readNext(pending);
                return !pending.isEmpty();
            }

            @Override
            public Variant next() {
                if (!hasNext()) throw new NoSuchElementException();
                return pending.poll();
            }
        };
    }

    /** Closes a read-only input, ignoring a failure: nothing is lost on close. */
    protected static void closeQuietly(AutoCloseable c) {
        if (c == null) return;
        try {
            c.close();
        } catch (Exception ignored) {
            // read-only: nothing to lose on close
        }
    }
}
