package org.rareset.annotate.annotation;

import java.util.ArrayList;
import java.util.List;

/** Counts from one annotation run: variants, rows, matches per source, what was skipped. */
public final class AnnotationSummary {
    /** Per-source match counts; {@code example} is the source's first key, for mismatches. */
    public record SourceCount(String name, long matched, long unmatched, String example) {}

    long variants;
    long rows;
    long withoutGene;
    long geneContigMissing;
    String firstVariantKey;
    final List<SourceCount> sources = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();

    public long variants() { return variants; }
    public long rows() { return rows; }
    /** Variants in no gene (not written: the table is per variant and gene). */
    public long withoutGene() { return withoutGene; }
    public List<SourceCount> sources() { return sources; }
    public List<String> warnings() { return warnings; }

    /** Human-readable lines for the terminal. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(String.format("variants: %d, rows written (variant x gene): %d, variants in no gene (skipped): %d",
                variants, rows, withoutGene));
        for (SourceCount s : sources) {
            double pct = variants == 0 ? 0 : 100.0 * s.matched() / variants;
            out.add(String.format("  %s: matched %d (%.1f%%), unmatched %d", s.name(), s.matched(), pct, s.unmatched()));
        }
        for (String w : warnings) out.add("warning: " + w);
        return out;
    }
}
