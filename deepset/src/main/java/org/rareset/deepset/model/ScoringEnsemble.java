package org.rareset.deepset.model;

import java.util.List;
import java.util.OptionalDouble;

/**
 * A set of {@link DeepSetNetwork}s that score genes together: the gene impairment score of a
 * (sample, gene) pair is the mean of the members' scores, as in DeepRVAT.
 *
 * <p>Implemented by DeepRVAT's published checkpoints ({@code org.rareset.deepset.pretrained}) and
 * by ensembles trained with RareSet ({@link TrainedEnsemble}); both hold {@link MlpDeepSet}s. The
 * scoring engine ({@code org.rareset.deepset.score.GeneScoringEngine}) drives either.
 */
public interface ScoringEnsemble {

    /** Names of the annotation columns the members read, in input order. */
    List<String> annotations();

    /** The members; all share {@link #annotations()} as input. Never empty. */
    List<? extends DeepSetNetwork> members();

    /**
     * Value used when an annotation is missing (empty, {@code NA} or {@code .}) in the input table;
     * empty when missing values are refused for this column.
     */
    default OptionalDouble missingValue(String annotation) {
        return OptionalDouble.empty();
    }

    /** One line for logs and reports: what the ensemble is and where it came from. */
    String describe();
}
