package org.rareset.deepset.model;

/**
 * How a missing annotation value is filled, as DeepRVAT does: {@code sift_score} gets 1 (tolerated),
 * {@code MAF_MB} gets 10000 (the value of a variant nobody carries), every other column 0.
 */
public final class MissingValues {
    private MissingValues() {}

    public static double fill(String annotation) {
        return switch (annotation) {
            case "sift_score" -> 1.0;
            case "MAF_MB" -> 10000.0;
            default -> 0.0;
        };
    }
}
