package org.rareset.deepset.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.rareset.core.InputException;

/**
 * An ensemble of networks trained by RareSet ({@code rareset train}), as saved in a model folder
 * ({@link ModelFiles}). Its score is the mean over the members of their sigmoid outputs.
 */
public final class TrainedEnsemble implements ScoringEnsemble {
    private final ModelDescription description;
    private final List<MlpDeepSet> members;
    private final Path source;
    private final Map<String, Integer> folds;

    public TrainedEnsemble(ModelDescription description, List<MlpDeepSet> members, Path source) {
        this(description, members, source, null);
    }

    /**
     * @param folds with cross-validated training, each training sample's fold (samples of fold k were
     *              never seen by the members of fold k); null otherwise
     */
    public TrainedEnsemble(ModelDescription description, List<MlpDeepSet> members, Path source,
                           Map<String, Integer> folds) {
        if (members.isEmpty()) throw new IllegalArgumentException("an ensemble needs at least one member");
        if (members.size() != description.members().size()) {
            throw new IllegalArgumentException(members.size() + " networks for " + description.members().size()
                    + " described members");
        }
        for (MlpDeepSet m : members) {
            if (m.inputSize() != description.annotations().size()) {
                throw new IllegalArgumentException("member reads " + m.inputSize() + " annotations, model lists "
                        + description.annotations().size());
            }
        }
        this.description = description;
        this.members = List.copyOf(members);
        this.source = source;
        boolean cv = description.cross_validation() != null;
        if (cv != (folds != null)) throw new IllegalArgumentException("fold assignment and description disagree");
        if (cv) {
            for (ModelDescription.Member m : description.members()) {
                if (m.fold() == null || m.fold() < 0 || m.fold() >= description.cross_validation().folds()) {
                    throw new IllegalArgumentException("member " + m.parameters() + " has no valid fold");
                }
            }
        }
        // Insertion order kept (sample order): folds.tsv must come out byte-identical run after run.
        this.folds = folds == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(folds));
    }

    /** Number of cross-validation folds; 1 for an ensemble trained without cross-validation. */
    public int nFolds() {
        return description.cross_validation() == null ? 1 : description.cross_validation().folds();
    }

    /** Each training sample's fold (cross-validated training only; null otherwise). */
    public Map<String, Integer> folds() {
        return folds;
    }

    /** The members trained without fold {@code fold}'s samples, as an ensemble of their own. */
    public TrainedEnsemble fold(int fold) {
        if (folds == null) throw new IllegalStateException("not a cross-validated ensemble");
        List<MlpDeepSet> m = new ArrayList<>();
        List<ModelDescription.Member> d = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            if (description.members().get(i).fold() == fold) {
                m.add(members.get(i));
                d.add(description.members().get(i));
            }
        }
        return new TrainedEnsemble(description.withMembersOnly(d), m, source);
    }

    /** {@code sample -> fold} from the samples in index order and their folds. */
    public static Map<String, Integer> foldMap(List<String> samples, int[] foldOf) {
        Map<String, Integer> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < foldOf.length; i++) m.put(samples.get(i), foldOf[i]);
        return m;
    }

    public ModelDescription description() {
        return description;
    }

    @Override
    public List<String> annotations() {
        return description.annotations();
    }

    @Override
    public List<MlpDeepSet> members() {
        return members;
    }

    /** Missing annotation values are filled as in training (see {@link MissingValues}). */
    @Override
    public OptionalDouble missingValue(String annotation) {
        Double v = description.missing_values() == null ? null : description.missing_values().get(annotation);
        return v == null ? OptionalDouble.of(MissingValues.fill(annotation)) : OptionalDouble.of(v);
    }

    @Override
    public String describe() {
        StringBuilder traits = new StringBuilder();
        for (ModelDescription.Trait t : description.traits()) {
            if (traits.length() > 0) traits.append(", ");
            traits.append(t.name());
        }
        return "RareSet deep-set ensemble of " + members.size() + " networks"
                + (nFolds() > 1 ? " (" + nFolds() + " cross-validation folds)" : "") + " on " + annotations().size()
                + " annotations, trained on " + traits + (source == null ? "" : " (" + source + ")");
    }

    /**
     * Refuses an input whose columns lack some of this model's annotations, naming every missing one.
     *
     * @param available the input's column names
     * @param input the input file, for the message
     */
    public void requireAnnotations(Collection<String> available, Path input) {
        requireColumns(annotations(), available, input);
    }

    /** Throws an {@link InputException} naming every column of {@code needed} absent from {@code available}. */
    public static void requireColumns(List<String> needed, Collection<String> available, Path input) {
        Set<String> have = new HashSet<>(available);
        List<String> missing = new ArrayList<>();
        for (String a : needed) if (!have.contains(a)) missing.add(a);
        if (!missing.isEmpty()) {
            throw InputException.of(input, "missing " + missing.size() + " annotation column(s) the model reads: "
                    + String.join(", ", missing), "add them to the annotation table, or use a model trained on "
                    + "the columns you have (rareset train --annotations-list)");
        }
    }

    /** Default fill for missing annotation values, stored per column in model.json. */
    public static Map<String, Double> missingValueMap(List<String> annotations) {
        Map<String, Double> m = new java.util.LinkedHashMap<>();
        for (String a : annotations) m.put(a, MissingValues.fill(a));
        return m;
    }
}
