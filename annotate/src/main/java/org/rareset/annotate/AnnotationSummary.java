package org.rareset.annotate;

import java.util.ArrayList;
import java.util.List;

/** Counts from one annotation run: variants, rows, matches per source, what was skipped. */
public final class AnnotationSummary {
    /** Per-source match counts; {@code example} is the source's first key, for mismatches. */
    public record SourceCount(String name, long matched, long unmatched, String example) {}

    /** How many of a source's matched variants carried a named field that not every record has. */
    public record FieldCount(String field, long carried) {}

    long variants;
    long rows;
    long withoutGene;
    long geneContigMissing;
    String firstVariantKey;
    final List<SourceCount> sources = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    /** What sources merged or skipped (repeated records, malformed entries with --lenient...). */
    final List<String> notes = new ArrayList<>();
    /** Per source (same order as {@link #sources}), its {@link FieldCount}s. */
    final List<List<FieldCount>> fields = new ArrayList<>();

    public long variants() { return variants; }
    public long rows() { return rows; }
    /** Variants in no gene (not written: the table is per variant and gene). */
    public long withoutGene() { return withoutGene; }
    public List<SourceCount> sources() { return sources; }
    public List<String> warnings() { return warnings; }
    public List<String> notes() { return notes; }
    /** Per source, in the order of {@link #sources()}: named fields only some records carry. */
    public List<List<FieldCount>> fields() { return fields; }

    /** Human-readable lines for the terminal. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(String.format("variants: %d, rows written (variant x gene): %d, variants in no gene (skipped): %d",
                variants, rows, withoutGene));
        for (int i = 0; i < sources.size(); i++) {
            SourceCount s = sources.get(i);
            double pct = variants == 0 ? 0 : 100.0 * s.matched() / variants;
            out.add(String.format("  %s: matched %d (%.1f%%), unmatched %d", s.name(), s.matched(), pct, s.unmatched()));
            if (i < fields.size()) {
                for (FieldCount f : fields.get(i)) {
                    if (f.carried() < s.matched()) {
                        out.add(String.format("    field %s: carried by %d of %d matched variants (the others filled)",
                                f.field(), f.carried(), s.matched()));
                    }
                }
            }
        }
        for (String n : notes) out.add("  " + n);
        for (String w : warnings) out.add("warning: " + w);
        return out;
    }
}
