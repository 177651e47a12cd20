package org.rareset.association.tests;

/**
 * SKAT-O (Lee et al. 2012) as R SKAT method optimal.adj with stringent numerics: per-rho mixture tails, min-p quantiles by Liu's modified moment match, the integral in upper-tail form integrated piecewise between kinks, Bonferroni cap n_rho * min p.
 */
public final class SkatO implements GeneTest {
    /** Shared instance (the class is stateless). */
    public static final SkatO INSTANCE = new SkatO();

    @Override
    public String name() {
        return "skato";
    }

    @Override
    public GeneResult apply(GeneScores scores) {
        throw new UnsupportedOperationException("skato not implemented yet");
    }
}
