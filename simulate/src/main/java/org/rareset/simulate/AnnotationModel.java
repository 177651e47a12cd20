package org.rareset.simulate;

import java.util.SplittableRandom;

/**
 * Draws each ALT allele's consequence, alleles and annotation scores. Rare alleles follow an
 * exome-like consequence mix (about 6% pLoF, 45% missense); common ones are never pLoF and carry
 * little damage (purifying selection). pLoF alleles are fully damaging (damage 1); a missense
 * allele's damage is Beta(0.6, 1.4) and shows in CADD, SIFT, PolyPhen, AlphaMissense, PrimateAI
 * and Condel with noise; splice-region damage shows in SpliceAI and AbSplice; synonymous and
 * other alleles do nothing.
 */
final class AnnotationModel {
    private static final String BASES = "ACGT";

    /** Primary class of an allele; SYNONYMOUS stands for every term outside DeepRVAT's eleven. */
    enum Kind {
        STOP_GAINED(Consequence.STOP_GAINED, 0.025, true), FRAMESHIFT(Consequence.FRAMESHIFT, 0.020, false),
        SPLICE_ACCEPTOR(Consequence.SPLICE_ACCEPTOR, 0.006, true), SPLICE_DONOR(Consequence.SPLICE_DONOR, 0.008, true),
        START_LOST(Consequence.START_LOST, 0.003, true), STOP_LOST(Consequence.STOP_LOST, 0.002, true),
        MISSENSE(Consequence.MISSENSE, 0.450, true), INFRAME_INSERTION(Consequence.INFRAME_INSERTION, 0.010, false),
        INFRAME_DELETION(Consequence.INFRAME_DELETION, 0.015, false), PROTEIN_ALTERING(Consequence.PROTEIN_ALTERING, 0.005, false),
        SPLICE_REGION(Consequence.SPLICE_REGION, 0.030, true), SYNONYMOUS(null, 0.426, true);

        final Consequence term;
        final double rareShare;
        final boolean snv;

        Kind(Consequence term, double rareShare, boolean snv) {
            this.term = term;
            this.rareShare = rareShare;
            this.snv = snv;
        }
    }

    /** An allele drawn at a site: the REF it implies, the ALT, and its annotations. */
    record Drawn(String ref, String alt, AlleleAnnotation annotation) {}

    private final SplittableRandom rng;

    AnnotationModel(SplittableRandom rng) {
        this.rng = rng;
    }

    Kind drawKind(boolean common, boolean snvOnly) {
        while (true) {
            Kind k;
            if (common) {
                double u = rng.nextDouble();
                k = u < 0.35 ? Kind.MISSENSE : (u < 0.40 ? Kind.SPLICE_REGION : Kind.SYNONYMOUS);
            } else {
                double u = rng.nextDouble();
                k = Kind.SYNONYMOUS;
                double acc = 0;
                for (Kind candidate : Kind.values()) {
                    acc += candidate.rareShare;
                    if (u < acc) { k = candidate; break; }
                }
            }
            if (!snvOnly || k.snv) return k;
        }
    }

    /**
     * Draws an allele of the given kind. {@code ref} is the site's REF when a previous allele fixed
     * it (multi-allelic sites are SNVs only), otherwise null and a REF is drawn.
     */
    Drawn draw(Kind kind, boolean common, String ref, String takenAlt) {
        String r;
        String a;
        switch (kind) {
            case FRAMESHIFT -> {
                int len = 1 + rng.nextInt(2);
                if (rng.nextBoolean()) { r = base(); a = r + bases(len); } else { a = base(); r = a + bases(len); }
            }
            case INFRAME_INSERTION -> { r = base(); a = r + bases(3); }
            case INFRAME_DELETION -> { a = base(); r = a + bases(3); }
            case PROTEIN_ALTERING -> { r = bases(2); a = otherThan(r.substring(0, 1), null) + otherThan(r.substring(1), null); }
            default -> {
                r = ref != null ? ref : base();
                a = otherThan(r, takenAlt);
            }
        }
        return new Drawn(r, a, annotate(kind, common));
    }

    private AlleleAnnotation annotate(Kind kind, boolean common) {
        int terms = kind.term == null ? 0 : kind.term.bit();
        boolean plof = kind.term != null && kind.term.isPlof();
        double damage;
        double spliceDamage = 0;
        switch (kind) {
            case MISSENSE -> damage = Draws.beta(rng, 0.6, 1.4);
            case INFRAME_INSERTION, INFRAME_DELETION, PROTEIN_ALTERING -> damage = Draws.beta(rng, 1, 3);
            case SPLICE_REGION -> { spliceDamage = Draws.beta(rng, 0.5, 5); damage = spliceDamage; }
            case SYNONYMOUS -> damage = 0;
            default -> damage = 1; // pLoF
        }
        double missenseDamage = kind == Kind.MISSENSE ? damage : 0;
        // Some missense and synonymous alleles also sit in a splice region.
        if ((kind == Kind.MISSENSE && rng.nextDouble() < 0.10) || (kind == Kind.SYNONYMOUS && rng.nextDouble() < 0.05)) {
            terms |= Consequence.SPLICE_REGION.bit();
            spliceDamage = Draws.beta(rng, 0.5, 5);
            damage = Math.max(damage, spliceDamage);
        }
        if (common) damage *= 0.3;

        double phred = plof ? 25 + 15 * Draws.beta(rng, 2, 2) + 1.5 * rng.nextGaussian()
                : 1 + 27 * damage + 4 * Draws.beta(rng, 1.5, 3) + 1.5 * rng.nextGaussian();
        phred = round(Math.max(0.001, Math.min(60, phred)), 3);
        double raw = round(0.17 * phred - 0.9 + 0.1 * rng.nextGaussian(), 4);
        double sift = 1;
        double polyphen = 0;
        double alphaMissense = 0;
        double primateAi = 0;
        double condel = 0;
        if (kind == Kind.MISSENSE) {
            double d = missenseDamage * (common ? 0.3 : 1);
            sift = round(Draws.clamp01(Math.pow(1 - d, 1.5) + 0.1 * rng.nextGaussian()), 3);
            polyphen = round(Draws.clamp01(Math.pow(d, 0.7) + 0.12 * rng.nextGaussian()), 3);
            alphaMissense = round(Draws.clamp01(0.05 + 0.9 * d + 0.07 * rng.nextGaussian()), 4);
            primateAi = round(Draws.clamp01(0.25 + 0.65 * d + 0.1 * rng.nextGaussian()), 4);
            condel = round(Draws.clamp01(0.5 * (1 - sift) + 0.5 * polyphen + 0.04 * rng.nextGaussian()), 3);
        }
        double spliceAi;
        if (kind == Kind.SPLICE_ACCEPTOR || kind == Kind.SPLICE_DONOR) {
            spliceAi = 0.5 + 0.5 * Draws.beta(rng, 3, 1.5);
        } else if ((terms & Consequence.SPLICE_REGION.bit()) != 0) {
            spliceAi = 1.1 * spliceDamage + 0.03 * rng.nextGaussian();
        } else {
            spliceAi = 0.1 * Draws.beta(rng, 0.3, 8);
        }
        spliceAi = round(Draws.clamp01(spliceAi), 2);
        double abSplice = round(Draws.clamp01(0.7 * spliceAi + 0.02 * rng.nextGaussian()), 3);
        return new AlleleAnnotation(terms, damage, phred, raw, sift, polyphen, spliceAi, alphaMissense,
                abSplice, primateAi, condel);
    }

    private String base() {
        return String.valueOf(BASES.charAt(rng.nextInt(4)));
    }

    private String bases(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) sb.append(BASES.charAt(rng.nextInt(4)));
        return sb.toString();
    }

    private String otherThan(String ref, String taken) {
        while (true) {
            String b = base();
            if (!b.equals(ref) && !b.equals(taken)) return b;
        }
    }

    static double round(double x, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.rint(x * f) / f;
    }
}
