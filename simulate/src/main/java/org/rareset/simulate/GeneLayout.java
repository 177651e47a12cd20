package org.rareset.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Places genes along the chromosomes: counts per chromosome proportional to its length, one gene
 * per equal slot at a random offset, bodies of 5-150 kb, and about 3% of genes overlapping the
 * previous one (so some variants belong to two genes, as in real annotations).
 */
final class GeneLayout {
    static final double OVERLAP_RATE = 0.03;

    private GeneLayout() {}

    static List<SimGene> build(SimulationSettings s, Genome genome, SplittableRandom rng) {
        int[] perContig = largestRemainder(genome.lengths(), s.genes());
        int[] sizes = geneSizes(s, rng);
        int width = Math.max(5, Integer.toString(s.genes()).length());
        List<SimGene> genes = new ArrayList<>(s.genes());
        int next = 0;
        for (int c = 0; c < genome.size(); c++) {
            int g = perContig[c];
            if (g == 0) continue;
            long length = genome.lengths()[c];
            double slot = 0.9 * length / g;
            long first = (long) (0.05 * length);
            SimGene prev = null;
            for (int i = 0; i < g; i++) {
                int nVar = sizes[next];
                long slotStart = first + (long) (i * slot);
                long slotEnd = first + (long) ((i + 1) * slot);
                long minBody = Math.max(50L, 10L * nVar);
                long body = Math.max(minBody, (long) Draws.logUniform(rng, 5_000, 150_000));
                body = Math.min(body, Math.max(minBody, (long) (0.6 * slot)));
                long start = slotStart + (long) (rng.nextDouble() * Math.max(0, slot - body) * 0.5);
                boolean overlap = rng.nextDouble() < OVERLAP_RATE;
                if (overlap && prev != null) {
                    long candidate = prev.start0() + (prev.end() - prev.start0()) / 2;
                    if (slotEnd - candidate - 1 >= minBody) {
                        start = candidate;
                        body = Math.min(body, slotEnd - candidate - 1);
                    }
                }
                long end = Math.min(start + body, length);
                String id = "G" + pad(next + 1, width);
                SimGene gene = new SimGene(next, id, "GENE" + (next + 1), c, genome.contigs().get(c),
                        (int) start, (int) end, rng.nextBoolean() ? '+' : '-', nVar);
                genes.add(gene);
                prev = gene;
                next++;
            }
        }
        return List.copyOf(genes);
    }

    /** Sites per gene: log-uniform 3..100, or, when a total is asked for, that total spread in proportion. */
    private static int[] geneSizes(SimulationSettings s, SplittableRandom rng) {
        int n = s.genes();
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = Draws.logUniform(rng, SimulationSettings.MIN_GENE_VARIANTS, SimulationSettings.MAX_GENE_VARIANTS + 1);
        }
        int[] sizes = new int[n];
        if (s.variants() == 0) {
            for (int i = 0; i < n; i++) sizes[i] = (int) Math.floor(w[i]);
            return sizes;
        }
        // Every gene gets one site, the rest are spread in proportion to the drawn weights.
        int[] extra = largestRemainder(w, s.variants() - n);
        for (int i = 0; i < n; i++) sizes[i] = 1 + extra[i];
        return sizes;
    }

    static int[] largestRemainder(long[] weights, int total) {
        double[] w = new double[weights.length];
        for (int i = 0; i < w.length; i++) w[i] = weights[i];
        return largestRemainder(w, total);
    }

    /** Splits {@code total} into integer shares proportional to {@code weights}, summing exactly. */
    static int[] largestRemainder(double[] weights, int total) {
        double sum = 0;
        for (double x : weights) sum += x;
        int[] share = new int[weights.length];
        double[] rest = new double[weights.length];
        int given = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = total * weights[i] / sum;
            share[i] = (int) Math.floor(exact);
            rest[i] = exact - share[i];
            given += share[i];
        }
        Integer[] order = new Integer[weights.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> rest[a] != rest[b] ? Double.compare(rest[b], rest[a]) : Integer.compare(a, b));
        for (int k = 0; given < total; k = (k + 1) % order.length) {
            share[order[k]]++;
            given++;
        }
        return share;
    }

    private static String pad(int x, int width) {
        String s = Integer.toString(x);
        return "0".repeat(Math.max(0, width - s.length())) + s;
    }
}
