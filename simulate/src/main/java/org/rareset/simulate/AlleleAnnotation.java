package org.rareset.simulate;

/**
 * The annotations of one ALT allele, as written to annotations.tsv (values already rounded as
 * written), plus its latent {@code damage} in [0, 1]: the fraction of the gene's effect one copy
 * of the allele carries. The scores are noisy readouts of that damage, so a model can learn it.
 * Scores that VEP reports only for missense variants carry DeepRVAT's fill values otherwise
 * (sift_score 1, the others 0).
 */
record AlleleAnnotation(int terms, double damage, double caddPhred, double caddRaw, double sift,
                        double polyphen, double spliceAi, double alphaMissense, double abSplice,
                        double primateAi, double condel) {

    boolean has(Consequence c) {
        return (terms & c.bit()) != 0;
    }

    boolean isPlof() {
        for (Consequence c : Consequence.values()) if (c.isPlof() && has(c)) return true;
        return false;
    }
}
