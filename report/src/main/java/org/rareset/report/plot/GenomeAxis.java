package org.rareset.report.plot;

import java.util.List;

/**
 * Chromosomes laid end to end on one genome-wide axis of {@code length} units (base pairs): the
 * x axis of a Manhattan plot, its alternating bands and its chromosome labels. The plot takes the
 * layout as data, so it knows nothing of where gene positions come from.
 */
public record GenomeAxis(List<Chromosome> chromosomes, double length) {
    /** A chromosome's span on the axis, {@code [from, to)}. */
    public record Chromosome(String name, double from, double to) {}

    public GenomeAxis {
        chromosomes = List.copyOf(chromosomes);
    }

    /** No chromosomes, a unit-length axis. */
    public static GenomeAxis empty() {
        return new GenomeAxis(List.of(), 1);
    }
}
