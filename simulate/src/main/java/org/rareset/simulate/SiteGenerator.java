package org.rareset.simulate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws the variant sites of one chromosome, in position order: each gene's planned number of
 * distinct positions inside its body, shared positions merged, each site annotated with every gene
 * containing it.
 *
 * <p>Allele frequencies give a rare-variant spectrum: 98% of sites draw an expected allele count
 * from a Pareto distribution (x_min 0.5, shape 1: most alleles are seen once or a few times, at any
 * cohort size), capped at frequency 0.01; 2% are common, frequency log-uniform on [0.01, 0.45].
 */
final class SiteGenerator {
    static final double COMMON_FRACTION = 0.02;
    static final double MAX_RARE_FREQUENCY = 0.01;

    private final SimulationSettings settings;
    private final SplittableRandom rng;
    private final AnnotationModel annotations;

    SiteGenerator(SimulationSettings settings, SplittableRandom rng, AnnotationModel annotations) {
        this.settings = settings;
        this.rng = rng;
        this.annotations = annotations;
    }

    /** The sites of one chromosome; {@code genes} are that chromosome's genes in start order. */
    List<SimSite> sites(String chrom, List<SimGene> genes) {
        int[] positions = positions(genes);
        List<List<Integer>> members = new ArrayList<>(positions.length);
        for (int i = 0; i < positions.length; i++) members.add(new ArrayList<>(1));
        for (SimGene g : genes) {
            int i = firstAfter(positions, g.start0());
            for (; i < positions.length && positions[i] <= g.end(); i++) members.get(i).add(g.index());
        }
        List<SimSite> sites = new ArrayList<>(positions.length);
        for (int i = 0; i < positions.length; i++) {
            int[] geneIdx = members.get(i).stream().mapToInt(Integer::intValue).toArray();
            sites.add(site(chrom, positions[i], geneIdx));
        }
        return sites;
    }

    private int[] positions(List<SimGene> genes) {
        int total = 0;
        for (SimGene g : genes) total += g.plannedVariants();
        int[] all = new int[total];
        int k = 0;
        for (SimGene g : genes) {
            int span = g.end() - g.start0();
            // Distinct positions within the body (the body holds at least 10 per planned site).
            int[] chosen = new int[g.plannedVariants()];
            int have = 0;
            java.util.HashSet<Integer> seen = new java.util.HashSet<>();
            while (have < chosen.length) {
                int p = g.start0() + 1 + rng.nextInt(span);
                if (seen.add(p)) chosen[have++] = p;
            }
            System.arraycopy(chosen, 0, all, k, chosen.length);
            k += chosen.length;
        }
        Arrays.sort(all);
        int unique = 0;
        for (int i = 0; i < all.length; i++) if (i == 0 || all[i] != all[i - 1]) all[unique++] = all[i];
        return Arrays.copyOf(all, unique);
    }

    private static int firstAfter(int[] sorted, int start0) {
        int i = Arrays.binarySearch(sorted, start0 + 1);
        return i >= 0 ? i : -i - 1;
    }

    private SimSite site(String chrom, int pos, int[] geneIdx) {
        boolean common = rng.nextDouble() < COMMON_FRACTION;
        boolean multi = rng.nextDouble() < settings.multiAllelicRate();
        int nAlts = multi ? 2 : 1;
        String[] alts = new String[nAlts];
        AlleleAnnotation[] ann = new AlleleAnnotation[nAlts];
        double[] freq = new double[nAlts];
        String ref = null;
        for (int a = 0; a < nAlts; a++) {
            boolean alleleCommon = common && a == 0;
            AnnotationModel.Kind kind = annotations.drawKind(alleleCommon, multi);
            AnnotationModel.Drawn d = annotations.draw(kind, alleleCommon, ref, a == 0 ? null : alts[0]);
            ref = d.ref();
            alts[a] = d.alt();
            ann[a] = d.annotation();
            freq[a] = alleleCommon ? Draws.logUniform(rng, MAX_RARE_FREQUENCY, 0.45) : rareFrequency();
        }
        return new SimSite(chrom, pos, ref, alts, ann, freq, geneIdx);
    }

    private double rareFrequency() {
        double expectedCount = 0.5 / (1.0 - rng.nextDouble()); // Pareto(0.5, 1)
        return Math.min(MAX_RARE_FREQUENCY, expectedCount / (2.0 * settings.samples()));
    }
}
