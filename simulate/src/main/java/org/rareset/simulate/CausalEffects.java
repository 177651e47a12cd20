package org.rareset.simulate;

import java.util.SplittableRandom;
import org.rareset.core.InputException;

/**
 * How a causal gene's variants carry its effect on a genetic trait, and how large the effect is.
 *
 * <p>Per ALT allele v of a causal gene g, one copy changes the trait (the liability for BT) by
 * {@code effect_g x w_v}. The per-variant weight {@code w_v} depends on the model:
 * <ul>
 *   <li>{@link Model#DAMAGE}: {@code w_v} = the allele's hidden damage (1 for pLoF), which the
 *       annotation scores read out with noise; common alleles too (their damage is x0.3).</li>
 *   <li>{@link Model#ANNOTATION}: {@code w_v = f(a_v) x exp(sigma z_v - sigma^2 / 2)}, z_v ~ N(0, 1),
 *       a function of the allele's annotation scores as written to annotations.tsv,
 *       <pre>f(a) = 1                                                    for pLoF (is_plof)
 *       f(a) = 0.5 logistic((CADD_PHRED - 20) / 2.5) + 0.5 alphamissense^2   otherwise</pre>
 *       (alphamissense is 0 for non-missense alleles), times mean-one log-normal noise of
 *       log-scale {@code sigma = noise}. Only rare alleles (drawn frequency at most 0.01) act:
 *       the benchmark compares rare-variant tests.</li>
 * </ul>
 * With {@code geneVariance} V > 0 the per-allele effect {@code effect_g} is not {@code --effect-size}
 * but is rescaled after the genotypes are drawn so that gene g's part of the trait has variance
 * {@code h_g} (noise variance 1), {@code h_g} log-uniform on [V/2, 2V]: every causal gene then has
 * a power that depends on its share of the variance rather than on its carrier count, which is
 * what makes a benchmark's power controllable.
 *
 * @param model        per-variant weight model
 * @param geneVariance target variance of each causal gene's part (0: per-allele effect --effect-size)
 * @param noise        sigma of the log-normal noise on the annotation model's weights (0: none)
 */
public record CausalEffects(Model model, double geneVariance, double noise) {
    /** The model before these options existed: damage weights, per-allele effect --effect-size. */
    public static final CausalEffects DEFAULT = new CausalEffects(Model.DAMAGE, 0, 0);
    /** Alleles with a drawn frequency above this are common and carry no effect in the annotation model. */
    static final double MAX_RARE_FREQUENCY = 0.01;
    static final double CADD_MIDPOINT = 20;
    static final double CADD_SCALE = 2.5;

    /** The per-variant weight model ({@code --effect-model damage|annotation}). */
    public enum Model { DAMAGE, ANNOTATION }

    /** Checks the values; each problem names its option. */
    public CausalEffects validate() {
        if (!(Double.isFinite(geneVariance) && geneVariance >= 0 && geneVariance <= 0.5)) {
            throw new InputException("--gene-variance", null, "must be 0..0.5 (got " + geneVariance + ")",
                    "e.g. --gene-variance 0.0005: each causal gene explains about 0.05% of the trait's noise variance");
        }
        if (!(Double.isFinite(noise) && noise >= 0 && noise <= 3)) {
            throw new InputException("--effect-noise", null, "must be 0..3 (got " + noise + ")", "e.g. --effect-noise 0.5");
        }
        if (noise > 0 && model != Model.ANNOTATION) {
            throw new InputException("--effect-noise", null, "applies to --effect-model annotation only",
                    "add --effect-model annotation, or leave --effect-noise out");
        }
        return this;
    }

    /**
     * The annotation function f in [0, 1] of an allele's written scores (see the class comment).
     */
    static double annotationFunction(AlleleAnnotation a) {
        if (a.isPlof()) return 1;
        double cadd = 1 / (1 + Math.exp(-(a.caddPhred() - CADD_MIDPOINT) / CADD_SCALE));
        double am = a.alphaMissense();
        return 0.5 * cadd + 0.5 * am * am;
    }

    /**
     * The weight {@code w_v} of one ALT allele; draws the annotation model's noise from {@code rng}
     * only for rare alleles, so the draws follow the alleles in file order.
     */
    double weight(AlleleAnnotation a, double frequency, SplittableRandom rng) {
        if (model == Model.DAMAGE) return a.damage();
        if (frequency > MAX_RARE_FREQUENCY) return 0;
        double f = annotationFunction(a);
        return noise == 0 ? f : f * Math.exp(noise * rng.nextGaussian() - noise * noise / 2);
    }
}
