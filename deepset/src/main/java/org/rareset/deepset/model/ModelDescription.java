package org.rareset.deepset.model;

import java.util.List;
import java.util.Map;

/**
 * The contents of a trained model folder's {@code model.json}: what the networks read, how inputs
 * were standardised and filtered, their sizes, the traits and seed genes they were trained on, the
 * seeds and the software versions. Serialised with Gson (field names are the JSON keys).
 */
public record ModelDescription(
        String format,
        String rareset_version,
        String djl_version,
        String engine,
        List<String> annotations,
        Scaling scaling,
        Map<String, Double> missing_values,
        String train_filter,
        List<String> plof_annotations,
        Network network,
        Training training,
        List<Trait> traits,
        List<Member> members,
        CrossValidation cross_validation) {

    /** Without cross-validation. */
    public ModelDescription(String format, String rareset_version, String djl_version, String engine,
                            List<String> annotations, Scaling scaling, Map<String, Double> missing_values,
                            String train_filter, List<String> plof_annotations, Network network, Training training,
                            List<Trait> traits, List<Member> members) {
        this(format, rareset_version, djl_version, engine, annotations, scaling, missing_values, train_filter,
                plof_annotations, network, training, traits, members, null);
    }

    /** This description for a subset of its networks (one cross-validation fold's): those members, no cross-validation. */
    public ModelDescription withMembersOnly(List<Member> subset) {
        return new ModelDescription(format, rareset_version, djl_version, engine, annotations, scaling, missing_values,
                train_filter, plof_annotations, network, training, traits, subset);
    }

    public static final String FORMAT = "rareset-deepset-model/1";
    public static final String FILE_NAME = "model.json";

    /** Means and sds of the input annotations (see {@link AnnotationScaling}). */
    public record Scaling(double[] mean, double[] sd) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Scaling s && java.util.Arrays.equals(mean, s.mean) && java.util.Arrays.equals(sd, s.sd);
        }

        @Override
        public int hashCode() {
            return 31 * java.util.Arrays.hashCode(mean) + java.util.Arrays.hashCode(sd);
        }

        @Override
        public String toString() {
            return "Scaling[mean=" + java.util.Arrays.toString(mean) + ", sd=" + java.util.Arrays.toString(sd) + "]";
        }
    }

    /** Network sizes; pooling is always a masked max with a learned empty-gene embedding. */
    public record Network(int phi_hidden, int rho_hidden, double negative_slope, String pool, boolean use_sigmoid) {}

    /**
     * Hyperparameters and data facts of the training run. With cross-validation the sample counts are
     * those of fold 0 (every fold's are in {@link CrossValidation}).
     */
    public record Training(long seed, int repeats, double learning_rate, double weight_decay, int batch_size,
                           int min_epochs, int max_epochs, int patience, double min_delta, double validation_fraction,
                           String trait_transform, String trait_batches,
                           int training_samples, int validation_samples, int training_variants,
                           List<String> covariates) {}

    /**
     * K-fold cross-validated training: {@code folds} sample folds (listed in {@code sample_file},
     * one {@code sample fold} row per training sample); fold k's members trained on the samples
     * outside fold k ({@code training_samples[k]} of them, {@code held_out[k]} held out).
     */
    public record CrossValidation(int folds, String sample_file, List<Integer> held_out, List<Integer> training_samples) {}

    /** One trait: its name, kind ({@code binary}: only 0/1 values; else {@code quantitative}), seed genes. */
    public record Trait(String name, String kind, List<String> seed_genes) {}

    /** One network of the ensemble and how its training went; {@code fold} is null without cross-validation. */
    public record Member(int repeat, long seed, String parameters, boolean reverse, int epochs, int best_epoch,
                         double validation_loss, String sign_check, Integer fold) {
        /** A member of an ensemble trained without cross-validation. */
        public Member(int repeat, long seed, String parameters, boolean reverse, int epochs, int best_epoch,
                      double validation_loss, String sign_check) {
            this(repeat, seed, parameters, reverse, epochs, best_epoch, validation_loss, sign_check, null);
        }
    }
}
