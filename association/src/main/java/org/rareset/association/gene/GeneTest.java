package org.rareset.association.gene;

/**
 * A gene-based association test. Implementations are stateless and thread-safe: everything a
 * test needs for one gene (scores, their null covariance, weights, the null model) comes in
 * {@link GeneScores}, computed once per gene and shared by all tests of that gene.
 */
public interface GeneTest {
    /** Short lower-case name written in result files, e.g. {@code skat}. */
    String name();

    /** Runs the test on one gene. */
    GeneResult apply(GeneScores scores);
}
