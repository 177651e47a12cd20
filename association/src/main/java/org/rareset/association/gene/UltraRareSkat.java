package org.rareset.association.gene;

import org.rareset.association.genotype.GeneGenotypes;
import org.rareset.association.nullmodel.NullModel;
import org.rareset.association.pvalue.MixtureTail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Upper tail of the SKAT statistic Q = sum_j (w_j U_j)^2 of a binary trait with its ultra-rare and
 * low-count columns kept discrete. A chi-square mixture treats every column as Gaussian; a column with a few
 * carriers is not: at low prevalence each carrier is a case with probability mu_i, and the column's
 * score jumps by about w_j when one is. The mixture, fitted to the observed kernel, misses that any
 * of a gene's singletons could have landed on a case (issue 17: 4.6x at 1e-3 with
 * {@code --collapse-mac 0} at 1% prevalence); scaling each column's variance by its own SPA p cannot
 * repair it (a singleton seen only in controls has an SPA p near 1).
 *
 * <p>The law is R SKAT's efficient-resampling one: the fitted mu held fixed, each carrier a case
 * with probability mu_i, and the scores taken on the carriers, U_j = sum_i g_ij (y_i - mu_i) (at the
 * observed y this is the reported score; the refit of the covariates, which this law leaves out,
 * removes about p/n of a rare column's variance, so it errs on the conservative side). The
 * ultra-rare columns D (at most {@value #MAX_ENTRIES} non-zero entries: SAIGE-GENE+'s MAC &lt;= 10)
 * are grouped by shared carriers; a block's 2^|C| carrier assignments are enumerated with
 * probabilities prod_i mu_i^y_i (1 - mu_i)^(1 - y_i) (|C| &lt;= {@value #MAX_BLOCK_CARRIERS}).
 * Columns with more entries that still expect few case alleles ({@link LowCountBlock#eligible}: at
 * most 5, e.g. MAC 10-100 at 1-3% prevalence) join the discrete set too; a block that has one, or
 * more than {@value #MAX_BLOCK_CARRIERS} carriers, gets its law from {@link LowCountBlock} (shared
 * carriers enumerated, the rest Poisson-binomial), with the observed q lowered by what its
 * small imputed entries could add ({@link LowCountBlock#slack}); a block it cannot resolve within its
 * cost bound stays Gaussian. Blocks share no carrier, so the law of Q_D = sum_{j in D} (w_j U_j)^2 is the
 * convolution of theirs, carried on a grid of step q / {@value #GRID} with every value rounded up
 * (conservative; at most one step per block). The other columns keep their calibrated kernel, a
 * mixture S(t) = P(sum_k lambda_k chi2_1 &gt; t) taken independent of Q_D (exact when no carrier is
 * shared). Then P(Q &gt;= q) = sum_v P(Q_D = v) S(q - v), S(t) = 1 for t &lt;= 0, so the observed
 * value counts whole (the exact test's convention). S is evaluated at the lower end of
 * {@value #EVAL_CELLS} cells of [0, q] (again conservative), and the sum stops, adding the rest of the
 * mass at the last S, once that bound is below 1e-3 of the sum.
 *
 * <p>SAIGE-GENE computes exact per-variant p-values for MAC &lt;= 4 (efficient resampling) but then
 * feeds them into the Gaussian kernel; here the exact law enters the gene statistic itself.
 */
final class UltraRareSkat {
    /** Columns with at most this many non-zero entries are ultra-rare (MAC &lt;= 10 for heterozygotes). */
    static final int MAX_ENTRIES = 10;
    /** Ultra-rare blocks enumerated whole (2^12 configurations); larger ones go to {@link LowCountBlock}. */
    static final int MAX_BLOCK_CARRIERS = 12;
    /** Grid of the discrete law: q / GRID. */
    static final int GRID = 10_000;
    /** Cells of [0, q] at whose lower ends the Gaussian tail is evaluated. */
    static final int EVAL_CELLS = 200;
    /** Most grid steps above q kept apart for the mid-p (one per rounding). */
    static final int MAX_MARGIN = 256;
    /** Relative accuracy of the mixture tails. */
    private static final double REL_TOL = 1e-6;
    /** The sum stops when the remaining mass can add at most this fraction. */
    private static final double STOP = 1e-3;

    private UltraRareSkat() {}

    /**
     * log10 P(Q &gt;= q) with the ultra-rare columns discrete, or NaN when the gene has no ultra-rare
     * column that can be enumerated (the plain mixture applies).
     *
     * @param kernel the calibrated kernel of all columns (its non-ultra-rare rows and columns are used)
     */
    static double log10Upper(GeneScores scores, double[][] kernel, double q) {
        return log10Upper(scores, kernel, q, 1.0);
    }

    /**
     * As {@link #log10Upper(GeneScores, double[][], double)}; {@code mixtureP}, the mixture p of the
     * whole kernel, sets how much probability the law of a low-count block may leave unresolved
     * (added to P(Q &gt;= q), so the result stays an upper bound): the discrete p matters only when it
     * is above mixtureP.
     */
    static double log10Upper(GeneScores scores, double[][] kernel, double q, double mixtureP) {
        int m = scores.variantCount();
        NullModel model = scores.model();
        GeneGenotypes g = scores.genotypes();
        List<int[]> blocks = blocks(scores);
        if (blocks.isEmpty() || !(q > 0)) return Double.NaN;
        // low-count blocks take their small imputed entries at their mean: what those entries could
        // add to sqrt(Q) lowers the threshold, and the chance that they add more is added to p
        double slack2 = 0, beyond = 0;
        int roundings = 0;   // values rounded up on the grid: one per ultra-rare block, one per low-count column
        for (int[] block : blocks) {
            if (carriersOf(g, block).length <= MAX_BLOCK_CARRIERS && allUltraRare(g, block)) {
                roundings++;
                continue;
            }
            roundings += block.length;
            double[] sl = LowCountBlock.slack(scores, block, mixtureP);
            slack2 += sl[0];
            beyond += sl[1];
        }
        double qLow = q;
        if (slack2 > 0) {
            double root = Math.sqrt(q) - Math.sqrt(slack2);
            if (!(root > 0)) return Double.NaN;
            qLow = root * root;
        }
        // the grid reaches a little above q, so that the values at q (moved up by at most one step
        // per rounding) can be told from those above it for the mid-p
        int margin = Math.min(roundings, MAX_MARGIN) + 2;
        double qHigh = q * (1.0 + (double) margin / GRID);
        double step = qHigh / GRID;
        double[] law = new double[GRID + 2];   // index GRID + 1: value above qHigh (stays there: values are >= 0)
        law[0] = 1.0;
        double s = model.scoreScale();
        boolean[] discrete = new boolean[m];
        for (int[] block : blocks) {
            int[] carriers = carriersOf(g, block);
            Map<Integer, Double> blockLaw;
            if (carriers.length <= MAX_BLOCK_CARRIERS && allUltraRare(g, block)) {
                int c = carriers.length;
                double[][] a = new double[c][block.length];   // w_j s g_ij on the block's carriers
                double[] mu = new double[c];
                for (int i = 0; i < c; i++) mu[i] = model.fitted(carriers[i]);
                for (int b = 0; b < block.length; b++) {
                    int j = block[b];
                    GeneGenotypes.Column col = g.column(j);
                    for (int i = 0; i < c; i++) a[i][b] = scores.weight(j) * s * dosageAt(col, carriers[i]);
                }
                blockLaw = blockLaw(a, mu, step);
            } else {
                blockLaw = LowCountBlock.law(scores, block, step, mixtureP);
                if (blockLaw == null) continue;   // too costly to resolve: the block stays in the mixture
            }
            for (int j : block) discrete[j] = true;
            law = convolve(law, blockLaw);
        }
        boolean any = false;
        for (boolean d : discrete) any |= d;
        if (!any) return Double.NaN;
        double[] lambda = gaussianPart(kernel, discrete);
        int from = (int) Math.ceil(qLow / step - 1e-9);   // first cell that may hold the observed value
        double p;
        if (lambda.length == 0) {
            // wholly discrete: R SKAT's efficient-resampling mid-p, P(Q > q) + P(Q = q) / 2; the
            // values that may be q itself (from qLow to q plus the rounding) count half
            p = law[GRID + 1];
            for (int x = from; x <= GRID; x++) p += law[x] / 2;
        } else {
            p = tail(law, lambda, qLow, step, from);   // a continuous part: no atom, P(Q >= q)
        }
        return Math.log10(Math.min(p + beyond, 1.0));
    }

    private static boolean allUltraRare(GeneGenotypes g, int[] block) {
        for (int j : block) if (g.column(j).samples().length > MAX_ENTRIES) return false;
        return true;
    }

    /** Whether the gene has a column kept discrete (so {@link #log10Upper} can differ from the mixture). */
    static boolean applies(GeneScores scores) {
        return !blocks(scores).isEmpty();
    }

    /**
     * Ultra-rare and low-count columns grouped by shared carriers (union-find over non-zero entries;
     * a low-count column's small imputed entries join nothing, being taken at their mean).
     */
    static List<int[]> blocks(GeneScores scores) {
        GeneGenotypes g = scores.genotypes();
        int m = scores.variantCount();
        int[] parent = new int[m];
        Map<Integer, Integer> owner = new HashMap<>();
        List<Integer> rare = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            parent[j] = j;
            GeneGenotypes.Column col = g.column(j);
            if (col.samples().length == 0) continue;
            if (!(scores.covariance(j, j) > 0) || scores.weight(j) == 0) continue;
            boolean ultraRare = col.samples().length <= MAX_ENTRIES;
            if (!ultraRare && !LowCountBlock.eligible(scores.model(), col)) continue;
            rare.add(j);
            for (int t = 0; t < col.samples().length; t++) {
                // a low-count column's imputed entries are taken at their mean, so they join nothing
                if (!ultraRare && col.dosages()[t] < LowCountBlock.SMALL) continue;
                Integer other = owner.putIfAbsent(col.samples()[t], j);
                if (other != null) parent[find(parent, j)] = find(parent, other);
            }
        }
        Map<Integer, List<Integer>> groups = new HashMap<>();
        for (int j : rare) groups.computeIfAbsent(find(parent, j), k -> new ArrayList<>()).add(j);
        List<int[]> out = new ArrayList<>();
        for (List<Integer> grp : groups.values()) {
            out.add(grp.stream().mapToInt(Integer::intValue).sorted().toArray());
        }
        out.sort((x, y) -> Integer.compare(x[0], y[0]));   // deterministic order
        return out;
    }

    private static int find(int[] parent, int j) {
        while (parent[j] != j) {
            parent[j] = parent[parent[j]];
            j = parent[j];
        }
        return j;
    }

    static double dosageAt(GeneGenotypes.Column col, int sample) {
        int[] samples = col.samples();
        for (int k = 0; k < samples.length; k++) if (samples[k] == sample) return col.dosages()[k];
        return 0.0;
    }

    static int[] carriersOf(GeneGenotypes g, int[] block) {
        TreeSet<Integer> set = new TreeSet<>();
        for (int j : block) for (int sample : g.column(j).samples()) set.add(sample);
        return set.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Law of sum_j (sum_i a_ij (y_i - mu_i))^2 over the 2^c carrier assignments, on the grid (values
     * rounded up; index GRID + 1 holds values &gt;= GRID steps).
     */
    private static Map<Integer, Double> blockLaw(double[][] a, double[] mu, double step) {
        int c = mu.length;
        int k = a.length == 0 ? 0 : a[0].length;
        int size = 1 << c;
        double[][] d = new double[size][k];
        double[] prob = new double[size];
        prob[0] = 1;
        for (int i = 0; i < c; i++) {
            prob[0] *= 1 - mu[i];
            for (int b = 0; b < k; b++) d[0][b] -= a[i][b] * mu[i];
        }
        Map<Integer, Double> out = new HashMap<>();
        for (int mask = 0; mask < size; mask++) {
            if (mask > 0) {
                int i = Integer.numberOfTrailingZeros(mask);
                int prev = mask & (mask - 1);
                prob[mask] = prob[prev] * mu[i] / (1 - mu[i]);
                for (int b = 0; b < k; b++) d[mask][b] = d[prev][b] + a[i][b];
            }
            double v = 0;
            for (int b = 0; b < k; b++) v += d[mask][b] * d[mask][b];
            out.merge(index(v, step), prob[mask], Double::sum);
        }
        return out;
    }

    static int index(double v, double step) {
        double x = Math.ceil(v / step - 1e-9);
        return x > GRID ? GRID + 1 : (int) Math.max(x, 0);
    }

    private static double[] convolve(double[] law, Map<Integer, Double> block) {
        double[] out = new double[law.length];
        for (int x = 0; x < law.length; x++) {
            if (law[x] == 0) continue;
            for (var e : block.entrySet()) {
                int y = x == GRID + 1 || e.getKey() == GRID + 1 ? GRID + 1 : Math.min(x + e.getKey(), GRID + 1);
                out[y] += law[x] * e.getValue();
            }
        }
        return out;
    }

    /** Eigenvalues of the Gaussian part: the kernel's rows and columns of the columns not enumerated. */
    private static double[] gaussianPart(double[][] kernel, boolean[] discrete) {
        int r = 0;
        for (boolean d : discrete) if (!d) r++;
        if (r == 0) return new double[0];
        double[][] k = new double[r][r];
        for (int j = 0, a = 0; j < kernel.length; j++) {
            if (discrete[j]) continue;
            for (int l = 0, b = 0; l < kernel.length; l++) if (!discrete[l]) k[a][b++] = kernel[j][l];
            a++;
        }
        return Eigenvalues.skatLambda(k);
    }

    /**
     * sum_v P(Q_D = v) S(q - v) for the threshold q at cell {@code from} (cells from there on have
     * S = 1), S evaluated at cell ends (upper bounds), stopping early.
     */
    private static double tail(double[] law, double[] lambda, double q, double step, int from) {
        double p = 0;
        for (int x = Math.max(from, 0); x <= GRID + 1; x++) p += law[x];
        int below = Math.min(Math.max(from, 0), GRID + 1);
        double rest = 0;
        for (int x = 0; x < below; x++) rest += law[x];
        int cellWidth = Math.max(below / EVAL_CELLS, 1);
        // walk from the values closest to q (largest S) down to 0
        for (int hi = below - 1; hi >= 0 && rest > 0; hi -= cellWidth) {
            int lo = Math.max(hi - cellWidth + 1, 0);
            double mass = 0;
            for (int x = lo; x <= hi; x++) mass += law[x];
            if (mass == 0) continue;
            double sv = survival(q - hi * step, lambda);   // the cell's largest value: the largest S
            p += mass * sv;
            rest -= mass;
            if (rest <= 0) break;
            if (rest * sv < STOP * p) {
                p += rest * sv;   // every remaining value is further from q: S there is at most sv
                break;
            }
        }
        return p;
    }

    private static double survival(double t, double[] lambda) {
        if (t <= 0) return 1.0;
        if (lambda.length == 0) return 0.0;
        return Math.pow(10, MixtureTail.log10Upper(t, lambda, REL_TOL));
    }
}
