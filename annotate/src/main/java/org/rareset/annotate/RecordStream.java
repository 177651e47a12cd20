package org.rareset.annotate;

/**
 * An annotation file's records in file order (sorted by position within each contig), with an
 * optional index jump. Implementations: text lines (plain or through a tabix index) and tables.
 */
interface RecordStream extends AutoCloseable {
    /** The next record, or null at the end. */
    KeyedRecord next();

    /** True if {@link #seek} works (an index is available). */
    boolean canSeek();

    /** Continues at the first record on canonical contig {@code chrom} at or after {@code pos}. */
    void seek(String chrom, int pos);

    /** Starts again from the first record (for a contig order that differs from the cohort's). */
    void restart();

    /** Where the last record came from, for error messages ("line 12" or "near 1:12345"). */
    String location();

    @Override
    void close();
}
