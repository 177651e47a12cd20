package org.rareset.deepset.score;

import org.rareset.deepset.model.ScoringEnsemble;
import org.rareset.deepset.model.DeepSetNetwork;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.rareset.core.concurrent.DaemonPools;

/**
 * Scores genes gene-major and sparsely with a {@link ScoringEnsemble}.
 *
 * <p>For each gene, phi runs once per carried annotation row and member. Samples carrying exactly
 * one row (the common case for rare variants) share that row's score, computed once. Samples
 * carrying several rows are pooled one by one over their rows. Samples carrying nothing get the
 * ensemble's empty-set score without any per-sample work. No samples x variants matrix exists.
 *
 * <p>Scores are means over the members, accumulated in double precision. Thread-safe: one engine
 * can score many genes at once.
 */
public final class GeneScoringEngine {
    private final ScoringEnsemble ensemble;
    private final List<? extends DeepSetNetwork> members;
    private final int width;
    private final double emptyScore;

    public GeneScoringEngine(ScoringEnsemble ensemble) {
        this.ensemble = ensemble;
        this.members = ensemble.members();
        if (members.isEmpty()) throw new IllegalArgumentException("ensemble without members");
        this.width = ensemble.annotations().size();
        double sum = 0;
        for (DeepSetNetwork m : members) {
            if (m.inputSize() != width) {
                throw new IllegalArgumentException("member reads " + m.inputSize()
                        + " annotations, ensemble lists " + width);
            }
            sum += m.emptyScore();
        }
        this.emptyScore = sum / members.size();
    }

    public ScoringEnsemble ensemble() {
        return ensemble;
    }

    /** Mean score of a sample carrying nothing in a gene. */
    public double emptyScore() {
        return emptyScore;
    }

    /** Scores every sample for one gene. */
    public GeneScores score(GeneRows gene) {
        if (gene.width() != width) {
            throw new IllegalArgumentException("gene " + gene.gene() + " has rows of width " + gene.width()
                    + ", the ensemble reads " + width);
        }
        // Carried rows only: rows nobody carries never reach phi.
        int[] carried = carriedRows(gene);
        if (carried.length == 0) return new GeneScores(gene.gene(), emptyScore, new int[0], new double[0], gene.nRows(), 0);
        double[] rows = new double[carried.length * width];
        for (int k = 0; k < carried.length; k++) {
            System.arraycopy(gene.values(), carried[k] * width, rows, k * width, width);
        }

        // (sample, compact row) pairs sorted by sample: each sample's carried row set.
        long[] pairs = samplePairs(gene, carried);
        int nSamples = 0;
        int nMulti = 0;
        for (int i = 0; i < pairs.length; ) {
            int j = i + 1;
            while (j < pairs.length && (pairs[j] >>> 32) == (pairs[i] >>> 32)) j++;
            if (j - i > 1) nMulti++;
            nSamples++;
            i = j;
        }
        int[] samples = new int[nSamples];
        int[] start = new int[nSamples + 1];
        for (int i = 0, s = 0; i < pairs.length; s++) {
            int j = i + 1;
            while (j < pairs.length && (pairs[j] >>> 32) == (pairs[i] >>> 32)) j++;
            samples[s] = (int) (pairs[i] >>> 32);
            start[s] = i;
            i = j;
        }
        start[nSamples] = pairs.length;

        // Pooled sets to score: one per carried row (its single-row carriers), then one per
        // multi-row sample.
        int nSets = carried.length + nMulti;
        double[] sums = new double[nSets];
        double[] setScores = new double[nSets];
        int h0 = -1;
        double[] embedded = null;
        double[] pooled = null;
        for (DeepSetNetwork m : members) {
            int h = m.embeddingSize();
            if (h != h0) {
                embedded = new double[carried.length * h];
                pooled = new double[nSets * h];
                h0 = h;
            }
            m.embed(rows, carried.length, embedded);
            double[] poolStart = m.poolStart();
            for (int r = 0; r < carried.length; r++) {
                maxInto(pooled, r * h, poolStart, 0, embedded, r * h, h);
            }
            int set = carried.length;
            for (int s = 0; s < nSamples; s++) {
                if (start[s + 1] - start[s] == 1) continue;
                int off = set * h;
                System.arraycopy(poolStart, 0, pooled, off, h);
                for (int p = start[s]; p < start[s + 1]; p++) {
                    int r = (int) pairs[p];
                    maxInto(pooled, off, pooled, off, embedded, r * h, h);
                }
                set++;
            }
            m.scoreEmbeddings(pooled, nSets, setScores);
            for (int i = 0; i < nSets; i++) sums[i] += setScores[i];
        }
        double n = members.size();
        double[] scores = new double[nSamples];
        for (int s = 0, set = carried.length; s < nSamples; s++) {
            int idx = start[s + 1] - start[s] == 1 ? (int) pairs[start[s]] : set++;
            scores[s] = sums[idx] / n;
        }
        return new GeneScores(gene.gene(), emptyScore, samples, scores, gene.nRows(), carried.length);
    }

    /**
     * The score of a sample carrying only row r's variant, for every row of the gene (carried or
     * not): {@code mean_m sigmoid-output_m(rho_m(max(poolStart_m, phi_m(x_r))))}, the same set
     * {@link #score} scores for a single-variant carrier. A row's contribution is this minus
     * {@link #emptyScore()}.
     */
    public double[] singleRowScores(GeneRows gene) {
        int n = gene.nRows();
        double[] sums = new double[n];
        if (n == 0) return sums;
        double[] out = new double[n];
        for (DeepSetNetwork m : members) {
            int h = m.embeddingSize();
            double[] embedded = new double[n * h];
            double[] pooled = new double[n * h];
            m.embed(gene.values(), n, embedded);
            double[] poolStart = m.poolStart();
            for (int r = 0; r < n; r++) maxInto(pooled, r * h, poolStart, 0, embedded, r * h, h);
            m.scoreEmbeddings(pooled, n, out);
            for (int r = 0; r < n; r++) sums[r] += out[r];
        }
        for (int r = 0; r < n; r++) sums[r] /= members.size();
        return sums;
    }

    /**
     * Scores genes on {@code threads} threads and hands the results to {@code sink} in input order,
     * keeping at most a few genes per thread in flight.
     */
    public void scoreAll(Iterator<GeneRows> genes, int threads, Consumer<GeneScores> sink) {
        scoreAll(genes, threads, this::score, sink);
    }

    /** Applies {@code scorer} to genes on {@code threads} threads, handing results to {@code sink} in input order. */
    static void scoreAll(Iterator<GeneRows> genes, int threads, java.util.function.Function<GeneRows, GeneScores> scorer,
                         Consumer<GeneScores> sink) {
        if (threads <= 1) {
            while (genes.hasNext()) sink.accept(scorer.apply(genes.next()));
            return;
        }
        ExecutorService pool = DaemonPools.fixed(threads, "gene-scoring");
        try {
            ArrayDeque<Future<GeneScores>> inFlight = new ArrayDeque<>();
            int limit = threads * 8;
            while (genes.hasNext() || !inFlight.isEmpty()) {
                while (genes.hasNext() && inFlight.size() < limit) {
                    GeneRows g = genes.next();
                    inFlight.add(pool.submit(() -> scorer.apply(g)));
                }
                sink.accept(await(inFlight.poll()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static GeneScores await(Future<GeneScores> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scoring", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        }
    }

    private static int[] carriedRows(GeneRows gene) {
        int n = 0;
        for (int[] c : gene.carriers()) if (c.length > 0) n++;
        int[] out = new int[n];
        for (int r = 0, k = 0; r < gene.nRows(); r++) if (gene.carriers()[r].length > 0) out[k++] = r;
        return out;
    }

    private static long[] samplePairs(GeneRows gene, int[] carried) {
        int total = 0;
        for (int r : carried) total += gene.carriers()[r].length;
        long[] pairs = new long[total];
        int p = 0;
        for (int k = 0; k < carried.length; k++) {
            for (int s : gene.carriers()[carried[k]]) pairs[p++] = ((long) s << 32) | k;
        }
        Arrays.sort(pairs);
        // A sample listed twice for one row (should not happen) counts once: drop repeats.
        int w = 0;
        for (int i = 0; i < pairs.length; i++) if (i == 0 || pairs[i] != pairs[i - 1]) pairs[w++] = pairs[i];
        return w == pairs.length ? pairs : Arrays.copyOf(pairs, w);
    }

    private static void maxInto(double[] dst, int dOff, double[] a, int aOff, double[] b, int bOff, int h) {
        for (int i = 0; i < h; i++) dst[dOff + i] = Math.max(a[aOff + i], b[bOff + i]);
    }
}
