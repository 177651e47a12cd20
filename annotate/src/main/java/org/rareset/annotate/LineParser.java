package org.rareset.annotate;

import java.util.function.Consumer;

/** Turns one data line of an annotation file into its records (one per ALT allele). */
@FunctionalInterface
interface LineParser {
    /** Emits the line's records; throws InputException built from {@code location} when malformed. */
    void parse(String line, String location, Consumer<KeyedRecord> out);
}
