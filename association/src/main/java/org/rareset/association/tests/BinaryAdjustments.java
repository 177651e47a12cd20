package org.rareset.association.tests;

/** Saddlepoint and Firth corrections of binary-trait score tests. */
final class BinaryAdjustments {
    private BinaryAdjustments() {}

    record FirthBurden(double beta, double se, double log10P) {}

    /** SPA log10 p of the score sum_j a_j U_j (variance v). */
    static double spaLog10P(GeneScores scores, double[] a, double score, double v) {
        throw new UnsupportedOperationException("SPA not implemented yet");
    }

    /** Firth fit of the weighted burden; null when it did not converge. */
    static FirthBurden firth(GeneScores scores) {
        throw new UnsupportedOperationException("Firth not implemented yet");
    }
}
