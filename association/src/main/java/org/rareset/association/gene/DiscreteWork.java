package org.rareset.association.gene;

/**
 * A counted bound on the work of one gene's discrete SKAT law ({@link DiscreteSkat}): carrier
 * assignments enumerated (leaves, pruned or not), convolution steps (one per pair of law cells
 * combined) and chi-square mixture tails evaluated (each charged {@value #MIXTURE_TAIL} steps, about
 * what it costs against a convolution step). Counted rather than timed, so a gene's p does not
 * depend on the machine's load; a gene that runs past the bound keeps the kernel mixture and is
 * counted ({@link GeneScores#discreteCapped()}).
 */
final class DiscreteWork {
    /** Steps charged for one chi-square mixture tail. */
    static final long MIXTURE_TAIL = 2_000;

    private final long cap;
    private long used;

    DiscreteWork(long cap) {
        this.cap = cap;
    }

    /** Charges {@code steps}; false once the total is past the cap (the caller gives up). */
    boolean charge(long steps) {
        used += steps;
        return used <= cap;
    }

    /** Whether the cap has been passed. */
    boolean exceeded() {
        return used > cap;
    }

    /** Steps charged so far. */
    long used() {
        return used;
    }
}
