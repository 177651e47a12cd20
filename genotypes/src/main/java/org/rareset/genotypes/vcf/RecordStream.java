package org.rareset.genotypes.vcf;

import java.io.Closeable;
import java.util.List;

/**
 * One layer below {@link VcfVariantSource}: walks VCF/BCF records, exposing the site fields first
 * and decoding genotypes only on request (records dropped by a filter are never decoded).
 */
interface RecordStream extends Closeable {
    /** Sample names of the #CHROM line, in column order. */
    List<String> headerSamples();

    /** Chooses the sample columns to decode; called once before the first {@link #advance()}. */
    void select(SampleSelection selection);

    /** Moves to the next record; false at the end. */
    boolean advance();

    String chrom();

    int pos();

    String id();

    String ref();

    List<String> alts();

    /** FILTER is PASS or '.'. */
    boolean passes();

    /** Decodes the kept samples' genotypes of the current record into {@code calls}. */
    void decodeGenotypes(RecordCalls calls);

    /** Where the current record is, for messages: "line 123" or "record 1:12345". */
    String location();

    @Override
    void close();
}
