package org.rareset.association.gene;

import org.rareset.association.genotype.GeneGenotypes;
import org.rareset.association.nullmodel.NullModel;
import org.rareset.association.nullmodel.TraitType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The exact carrier law of part of SKAT's Q = sum_j (w_j U_j)^2 for a block of columns that are not
 * ultra-rare but still expect few case carriers (issue 17: at 1% prevalence a column of MAC 10-100
 * expects 0.1-1 case carriers, and one or two case carriers move its score by two or more of its
 * Gaussian standard deviations; the chi-square mixture has no such tail, and SKAT ran 1.3-1.5x
 * nominal at 1e-3 because of it).
 *
 * <p>The law is {@link UltraRareSkat}'s (R SKAT's efficient resampling): the fitted mu held fixed,
 * each carrier a case with probability mu_i, U_j = w_j s sum_i g_ij (y_i - mu_i) on the carriers.
 * Here the block may have many carriers, so its 2^c assignments are not enumerated. The carriers in
 * two or more columns of the block (H) are conditioned on: their assignments are enumerated
 * depth-first with probabilities prod mu^y (1 - mu)^(1 - y). Given them the columns are
 * independent, and column j's remaining carriers contribute S_j = sum_i g_ij y_i, whose law over
 * integer dosages is a Poisson-binomial computed by the recursion f(x) &lt;- f(x)(1 - mu_i) +
 * f(x - g_ij) mu_i in O(carriers x MAC). The block's law is then
 * sum_H P(H) conv_j law((w_j s (S_j + h_j - m_j))^2), m_j = sum_i g_ij mu_i over all its carriers and
 * h_j the dosage of the cases in H, on {@link UltraRareSkat}'s grid with every value rounded up.
 *
 * <p>Cost bound: any piece of probability below {@code drop} (a configuration of H, a grid cell of
 * a partial convolution) is not followed but counted as Q &gt;= q, so the law stays an upper bound
 * of the tail and the unresolved part is small against the p that matters; blocks with more than
 * {@value #MAX_SHARED} shared carriers are left to the mixture (null). Every assignment of H
 * (followed or pruned) and every convolution step is charged to the gene's {@link DiscreteWork};
 * once it is used up the law is abandoned (null, and the work reports it).
 */
final class LowCountBlock {
    /** Columns expecting at most this many case alleles, sum_i g_ij mu_i, are kept discrete. */
    static final double MAX_EXPECTED = 5.0;
    /**
     * Entries with a dosage below this (mean-imputed missing calls, 2f &lt;= 0.02 under a 1% MAF
     * limit; a collapsed column gathers hundreds) are taken at their mean: left out of the law and
     * of m_j, and what they can add to the scores is bounded by {@link #slack}.
     */
    static final double SMALL = 0.05;
    /** Columns with more non-integer entries (imputed missing calls, dosages) than this stay in the mixture. */
    static final int MAX_FRACTIONAL = 8;
    /** Blocks whose columns share more carriers than this stay in the mixture (at most 2^16 assignments, most pruned). */
    static final int MAX_SHARED = 16;
    /** Pieces of probability below this fraction of the mixture p are not followed (counted as Q &gt;= q). */
    static final double DROP = 1e-7;
    /** Floor of the mixture p in that bound (so very small p-values do not make it vanish). */
    static final double MIN_P = 1e-30;
    /** Most unresolved probability a block may leave, in units of the pruning threshold. */
    static final double LOST = 1000;
    /** Per thread: the two grids of a convolution in progress and the block's law (each 10,002 slots). */
    private static final ThreadLocal<Accumulator[]> SCRATCH =
            ThreadLocal.withInitial(() -> new Accumulator[] {new Accumulator(), new Accumulator(), new Accumulator()});

    private LowCountBlock() {}

    /**
     * Whether a column with more than {@link UltraRareSkat#MAX_ENTRIES} carriers is kept discrete:
     * binary trait, at most {@value #MAX_FRACTIONAL} non-integer entries (mean-imputed missing calls),
     * and sum_i g_ij mu_i at most {@value #MAX_EXPECTED}.
     */
    static boolean eligible(NullModel model, GeneGenotypes.Column col) {
        if (model.type() != TraitType.BINARY) return false;
        double expected = 0;
        int fractional = 0;
        for (int k = 0; k < col.samples().length; k++) {
            double d = col.dosages()[k];
            if (d < 0) return false;
            if (d < SMALL) continue;
            if (d != Math.rint(d) && ++fractional > MAX_FRACTIONAL) return false;
            expected += d * model.fitted(col.samples()[k]);
            if (expected > MAX_EXPECTED) return false;
        }
        return true;
    }

    /**
     * Law of sum_{j in block} (w_j U_j)^2 on the grid of {@code step} (index GRID + 1: at least
     * q), or null when the block is left to the mixture. {@code mixtureP}, the mixture p of the whole
     * kernel, sets the pruning: pieces below {@value #DROP} mixtureP (floored at {@value #MIN_P}) are
     * counted as Q &gt;= q; when they add up to more than {@value #LOST} times that, the law is
     * computed once more with pieces a thousand times smaller, and if that is not enough either (or
     * {@code work} is used up) the block is left to the mixture. The discrete p matters only when
     * it is above mixtureP, so what is counted without being resolved is at most about 1e-4 of it.
     */
    static Map<Integer, Double> law(GeneScores scores, int[] block, double step, double mixtureP, DiscreteWork work) {
        double drop = DROP * Math.max(Math.min(mixtureP, 1.0), MIN_P);
        for (int attempt = 0; attempt < 2 && !work.exceeded(); attempt++, drop *= 1e-3) {
            Map<Integer, Double> law = resolve(scores, block, step, drop, work);
            if (law != null) return law;
        }
        return null;
    }

    private static Map<Integer, Double> resolve(GeneScores scores, int[] block, double step, double drop,
                                                DiscreteWork work) {
        NullModel model = scores.model();
        GeneGenotypes g = scores.genotypes();
        int k = block.length;
        Map<Integer, Integer> seen = new HashMap<>();
        for (int j : block) {
            GeneGenotypes.Column col = g.column(j);
            for (int t = 0; t < col.samples().length; t++) if (col.dosages()[t] >= SMALL) seen.merge(col.samples()[t], 1, Integer::sum);
        }
        TreeMap<Integer, Integer> sharedIndex = new TreeMap<>();
        for (var e : seen.entrySet()) if (e.getValue() > 1) sharedIndex.put(e.getKey(), 0);
        if (sharedIndex.size() > MAX_SHARED) return null;
        int next = 0;
        for (var e : sharedIndex.entrySet()) e.setValue(next++);
        int h = next;
        int[] shared = sharedIndex.keySet().stream().mapToInt(Integer::intValue).toArray();
        double[] sharedMu = new double[h];
        for (int i = 0; i < h; i++) sharedMu[i] = model.fitted(shared[i]);

        double s = model.scoreScale();
        double[] a = new double[k];             // w_j s
        double[] mean = new double[k];          // m_j
        double[][] sharedDose = new double[k][h];
        double[][] value = new double[k][];     // support of S_j over the other entries
        double[][] law = new double[k][];       // and its probabilities
        for (int b = 0; b < k; b++) {
            int j = block[b];
            GeneGenotypes.Column col = g.column(j);
            a[b] = scores.weight(j) * s;
            int total = 0;
            for (int t = 0; t < col.samples().length; t++) {
                double d = col.dosages()[t];
                if (d < SMALL) continue;
                mean[b] += d * model.fitted(col.samples()[t]);
                Integer si = sharedIndex.get(col.samples()[t]);
                if (si != null) sharedDose[b][si] = d;
                else if (d == Math.rint(d)) total += (int) d;
            }
            // integer dosages: Poisson-binomial recursion over the sum
            double[] f = new double[total + 1];
            f[0] = 1;
            int top = 0;
            for (int t = 0; t < col.samples().length; t++) {
                double dd = col.dosages()[t];
                if (sharedIndex.containsKey(col.samples()[t]) || dd != Math.rint(dd) || dd < SMALL) continue;
                int d = (int) dd;
                double mu = model.fitted(col.samples()[t]);
                top += d;
                for (int x = top; x >= 0; x--) f[x] = f[x] * (1 - mu) + (x >= d ? f[x - d] * mu : 0);
            }
            TreeMap<Double, Double> support = new TreeMap<>();
            for (int x = 0; x <= total; x++) if (f[x] > 0) support.merge((double) x, f[x], Double::sum);
            // imputed (non-integer) entries, a few per column: each doubles the support
            for (int t = 0; t < col.samples().length; t++) {
                double d = col.dosages()[t];
                if (sharedIndex.containsKey(col.samples()[t]) || d == Math.rint(d) || d < SMALL) continue;
                double mu = model.fitted(col.samples()[t]);
                TreeMap<Double, Double> grown = new TreeMap<>();
                for (var e : support.entrySet()) {
                    if (e.getKey() == Double.POSITIVE_INFINITY) {
                        grown.merge(e.getKey(), e.getValue(), Double::sum);
                        continue;
                    }
                    grown.merge(e.getKey(), e.getValue() * (1 - mu), Double::sum);
                    grown.merge(e.getKey() + d, e.getValue() * mu, Double::sum);
                }
                support = new TreeMap<>();
                for (var e : grown.entrySet()) {
                    // pieces below drop are not followed: an infinite value (counted as Q >= q)
                    support.merge(e.getValue() < drop ? Double.POSITIVE_INFINITY : e.getKey(), e.getValue(), Double::sum);
                }
            }
            value[b] = support.keySet().stream().mapToDouble(Double::doubleValue).toArray();
            law[b] = support.values().stream().mapToDouble(Double::doubleValue).toArray();
        }

        Accumulator[] scratch = SCRATCH.get();   // reused by every assignment, block and gene of the thread
        Accumulator out = scratch[2].clear();
        boolean ok = configurations(0, 1.0, new int[h], sharedMu, drop, work, cfg -> {
            double[] hShift = new double[k];
            for (int b = 0; b < k; b++) for (int i = 0; i < h; i++) hShift[b] += cfg.y()[i] * sharedDose[b][i];
            return convolveColumns(cfg.prob(), a, mean, hShift, value, law, step, drop, out, scratch, work);
        }, out);
        if (!ok || out.lost > LOST * drop) return null;
        return out.toMap();
    }

    /**
     * What the block's small entries (dosage below {@value #SMALL}, taken at their mean) can add to
     * the score vector: {sum_j e_j^2, P(some column exceeds its e_j)}. For column j with such entries
     * (d_i, mu_i) the part left out is eps_j = w_j s sum_i d_i (y_i - mu_i), bounded by the smaller of
     * two bounds, each holding but with a small probability (chosen from the d_i and mu_i alone, so
     * the choice does not depend on the trait values):
     * <ul>
     *   <li>counting: k* is the smallest count of cases among them with P(K_j &gt; k*) below the
     *       pruning threshold (K_j Poisson-binomial, followed up to 64 cases), and
     *       e_j = w_j s max(sum of the k* largest d_i, sum_i d_i mu_i) bounds |eps_j| when K_j &lt;= k*.
     *       Tight for a few imputed calls (small cohorts);</li>
     *   <li>Bernstein's inequality: the terms d_i (y_i - mu_i) have mean 0, |.| &lt;= M = max d_i and
     *       variance sum sigma^2 = sum_i d_i^2 mu_i (1 - mu_i), so P(|sum| &gt;= t) &lt;= 2 exp(-t^2 /
     *       (2 (sigma^2 + M t / 3))); with L = ln(2 / drop), t = L M / 3 + sqrt((L M / 3)^2 + 2 L sigma^2)
     *       holds but with probability drop. Needed at biobank size, where a column gathers thousands
     *       of imputed calls whose expected cases are far beyond what the counting bound follows
     *       (it then bounded nothing, and every such gene's p became 1).</li>
     * </ul>
     * Then sqrt(Q) &lt;= sqrt(Q_law) + sqrt(sum_j e_j^2) (triangle inequality), so P(Q &gt;= q) is at
     * most P(Q_law &gt;= (sqrt(q) - sqrt(sum e_j^2))^2) + sum_j P(|eps_j| &gt; e_j).
     */
    static double[] slack(GeneScores scores, int[] block, double mixtureP) {
        double drop = DROP * Math.max(Math.min(mixtureP, 1.0), MIN_P);
        NullModel model = scores.model();
        GeneGenotypes g = scores.genotypes();
        double e2 = 0, beyond = 0;
        for (int j : block) {
            GeneGenotypes.Column col = g.column(j);
            List<Double> small = new ArrayList<>();
            double meanPart = 0, variance = 0;
            int kMax = 64;
            double[] f = new double[kMax + 2];   // law of K_j, index kMax + 1: more than kMax
            f[0] = 1;
            for (int t = 0; t < col.samples().length; t++) {
                double d = col.dosages()[t];
                if (!(d > 0) || d >= SMALL) continue;
                double mu = model.fitted(col.samples()[t]);
                small.add(d);
                meanPart += d * mu;
                variance += d * d * mu * (1 - mu);
                f[kMax + 1] += f[kMax] * mu;
                for (int x = kMax; x >= 0; x--) f[x] = f[x] * (1 - mu) + (x > 0 ? f[x - 1] * mu : 0);
            }
            if (small.isEmpty()) continue;
            small.sort(java.util.Collections.reverseOrder());
            double tailMass = 1;
            int kStar = 0;
            for (; kStar <= kMax; kStar++) {
                tailMass -= f[kStar];
                if (tailMass <= drop) break;
            }
            double top = 0;
            for (int i = 0; i < Math.min(kStar, small.size()); i++) top += small.get(i);
            double counting = tailMass <= drop ? Math.max(top, meanPart) : Double.POSITIVE_INFINITY;
            double bernstein = bernsteinBound(small.get(0), variance, drop);
            double scale = Math.abs(scores.weight(j) * model.scoreScale());
            double e = scale * Math.min(counting, bernstein);
            e2 += e * e;
            beyond += counting <= bernstein ? Math.max(tailMass, 0) : drop;
        }
        return new double[] {e2, beyond};
    }

    /**
     * The t with P(|sum_i X_i| &gt;= t) &lt;= {@code failure} by Bernstein's inequality, for independent
     * X_i of mean 0, |X_i| &lt;= {@code max} and total variance {@code variance}.
     */
    static double bernsteinBound(double max, double variance, double failure) {
        double l = Math.log(2 / failure);
        double a = l * max / 3;
        return a + Math.sqrt(a * a + 2 * l * variance);
    }

    /** One assignment of the shared carriers and its probability. */
    private record Config(int[] y, double prob) {}

    private interface ConfigVisitor {
        /** False to give up (the work is used up). */
        boolean visit(Config c);
    }

    /**
     * Depth-first over the shared carriers; a branch below {@code drop} counts whole as Q &gt;= q.
     * Each leaf (followed or pruned) is one step of {@code work}; false once it is used up.
     */
    private static boolean configurations(int i, double prob, int[] y, double[] mu, double drop, DiscreteWork work,
                                          ConfigVisitor visitor, Accumulator out) {
        if ((prob < drop || i == y.length) && !work.charge(1)) return false;
        if (prob < drop) {
            out.add(UltraRareSkat.GRID + 1, prob);
            out.lost += prob;
            return true;
        }
        if (i == y.length) return visitor.visit(new Config(y, prob));
        y[i] = 0;
        if (!configurations(i + 1, prob * (1 - mu[i]), y, mu, drop, work, visitor, out)) return false;
        y[i] = 1;
        boolean ok = configurations(i + 1, prob * mu[i], y, mu, drop, work, visitor, out);
        y[i] = 0;
        return ok;
    }

    /** Convolution of the columns' laws given the shared carriers, weighted by {@code prob}, into out. */
    private static boolean convolveColumns(double prob, double[] a, double[] mean, double[] shift, double[][] value,
                                           double[][] law, double step, double drop, Accumulator out,
                                           Accumulator[] scratch, DiscreteWork work) {
        int top = UltraRareSkat.GRID + 1;
        Accumulator cur = scratch[0].clear();
        Accumulator spare = scratch[1];
        cur.add(0, prob);
        for (int b = 0; b < a.length; b++) {
            double[] f = law[b];
            int[] cell = new int[f.length];
            for (int x = 0; x < f.length; x++) {
                double u = a[b] * (value[b][x] + shift[b] - mean[b]);
                cell[x] = Double.isInfinite(value[b][x]) ? -1 : UltraRareSkat.index(u * u, step);
            }
            Accumulator next = spare.clear();
            for (int e = 0; e < cur.size; e++) {
                int at = cur.index[e];
                double pa = cur.prob[e];
                if (at == top) {
                    next.add(top, pa);
                    continue;
                }
                if (!work.charge(f.length)) return false;
                for (int x = 0; x < f.length; x++) {
                    double pr = pa * f[x];
                    if (pr == 0) continue;
                    if (pr < drop || cell[x] < 0) {
                        next.add(top, pr);   // not followed: counted as Q >= q
                        out.lost += pr;
                        continue;
                    }
                    next.add(Math.min(at + cell[x], top), pr);
                }
            }
            spare = cur;
            cur = next;
        }
        for (int e = 0; e < cur.size; e++) out.add(cur.index[e], cur.prob[e]);
        return true;
    }

    /**
     * Sparse law on the grid: cells in first-touched order, found through a dense slot table (one int
     * per grid cell) so that adding is an array access; {@link #clear} resets only the cells used.
     */
    private static final class Accumulator {
        private final int[] slot = new int[UltraRareSkat.GRID + 2];
        int[] index = new int[16];
        double[] prob = new double[16];
        int size;
        double lost;   // probability counted as Q >= q without being resolved

        Accumulator() {
            java.util.Arrays.fill(slot, -1);
        }

        Accumulator clear() {
            for (int e = 0; e < size; e++) slot[index[e]] = -1;
            size = 0;
            lost = 0;
            return this;
        }

        void add(int cell, double p) {
            int at = slot[cell];
            if (at < 0) {
                if (size == index.length) {
                    index = java.util.Arrays.copyOf(index, size * 2);
                    prob = java.util.Arrays.copyOf(prob, size * 2);
                }
                slot[cell] = size;
                index[size] = cell;
                prob[size++] = p;
            } else {
                prob[at] += p;
            }
        }

        Map<Integer, Double> toMap() {
            Map<Integer, Double> m = new HashMap<>();
            for (int e = 0; e < size; e++) m.merge(index[e], prob[e], Double::sum);
            return m;
        }
    }
}
