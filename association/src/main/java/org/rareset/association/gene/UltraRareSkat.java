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
 * Upper tail of the SKAT statistic Q = sum_j (w_j U_j)^2 of a binary trait with its ultra-rare
 * columns kept discrete. A chi-square mixture treats every column as Gaussian; a column with a few
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
 * probabilities prod_i mu_i^y_i (1 - mu_i)^(1 - y_i) (|C| &lt;= {@value #MAX_BLOCK_CARRIERS}; larger
 * blocks stay Gaussian). Blocks share no carrier, so the law of Q_D = sum_{j in D} (w_j U_j)^2 is the
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
    /** Blocks enumerated exactly (2^12 configurations); larger ones stay in the Gaussian part. */
    static final int MAX_BLOCK_CARRIERS = 12;
    /** Grid of the discrete law: q / GRID. */
    static final int GRID = 10_000;
    /** Cells of [0, q] at whose lower ends the Gaussian tail is evaluated. */
    static final int EVAL_CELLS = 200;
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
        int m = scores.variantCount();
        NullModel model = scores.model();
        GeneGenotypes g = scores.genotypes();
        List<int[]> blocks = blocks(scores);
        if (blocks.isEmpty() || !(q > 0)) return Double.NaN;
        boolean[] discrete = new boolean[m];
        for (int[] b : blocks) for (int j : b) discrete[j] = true;

        double step = q / GRID;
        double[] law = new double[GRID + 2];   // index GRID + 1: value >= q (stays there: values are >= 0)
        law[0] = 1.0;
        double s = model.scoreScale();
        for (int[] block : blocks) {
            int[] carriers = carriersOf(g, block);
            int c = carriers.length;
            double[][] a = new double[c][block.length];   // w_j s g_ij on the block's carriers
            double[] mu = new double[c];
            for (int i = 0; i < c; i++) mu[i] = model.fitted(carriers[i]);
            for (int b = 0; b < block.length; b++) {
                int j = block[b];
                GeneGenotypes.Column col = g.column(j);
                for (int i = 0; i < c; i++) a[i][b] = scores.weight(j) * s * dosageAt(col, carriers[i]);
            }
            law = convolve(law, blockLaw(a, mu, step));
        }
        double[] lambda = gaussianPart(kernel, discrete);
        return Math.log10(Math.min(tail(law, lambda, q, step), 1.0));
    }

    /**
     * Ultra-rare columns grouped by shared carriers (union-find over non-zero entries); blocks with
     * more than {@link #MAX_BLOCK_CARRIERS} carriers are left out.
     */
    static List<int[]> blocks(GeneScores scores) {
        GeneGenotypes g = scores.genotypes();
        List<int[]> out = new ArrayList<>();
        for (int[] block : CarrierBlocks.group(g, scores.variantCount(), j -> {
            int entries = g.column(j).samples().length;
            return entries > 0 && entries <= MAX_ENTRIES && scores.covariance(j, j) > 0 && scores.weight(j) != 0;
        }, (j, k) -> true)) {
            if (carriersOf(g, block).length <= MAX_BLOCK_CARRIERS) out.add(block);
        }
        return out;
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
    static Map<Integer, Double> blockLaw(double[][] a, double[] mu, double step) {
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

    static double[] convolve(double[] law, Map<Integer, Double> block) {
        // the block's cells as arrays, in the map's order (the sums below keep their order)
        int n = block.size(), e = 0;
        int[] cell = new int[n];
        double[] prob = new double[n];
        for (var entry : block.entrySet()) {
            cell[e] = entry.getKey();
            prob[e++] = entry.getValue();
        }
        double[] out = new double[law.length];
        for (int x = 0; x < law.length; x++) {
            if (law[x] == 0) continue;
            for (int k = 0; k < n; k++) {
                int y = x == GRID + 1 || cell[k] == GRID + 1 ? GRID + 1 : Math.min(x + cell[k], GRID + 1);
                out[y] += law[x] * prob[k];
            }
        }
        return out;
    }

    /** Eigenvalues of the Gaussian part: the kernel's rows and columns of the columns not enumerated. */
    static double[] gaussianPart(double[][] kernel, boolean[] discrete) {
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

    /** sum_v P(Q_D = v) S(q - v) with S evaluated at cell ends (upper bounds), stopping early. */
    private static double tail(double[] law, double[] lambda, double q, double step) {
        double p = law[GRID + 1];
        double rest = 0;
        for (int x = 0; x <= GRID; x++) rest += law[x];
        int cellWidth = GRID / EVAL_CELLS;
        // walk from the values closest to q (largest S) down to 0
        for (int cell = EVAL_CELLS - 1; cell >= 0 && rest > 0; cell--) {
            int lo = cell * cellWidth;
            int hi = cell == EVAL_CELLS - 1 ? GRID : lo + cellWidth - 1;
            double mass = 0;
            for (int x = lo; x <= hi; x++) mass += law[x];
            if (mass == 0) continue;
            double t = q - (lo * step);          // smallest remaining gap in the cell: largest S
            double sv = survival(t, lambda);
            if (hi == GRID && law[GRID] > 0) {
                // values rounded up to q itself: S(0) = 1
                p += law[GRID];
                mass -= law[GRID];
                rest -= law[GRID];
            }
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

    static double survival(double t, double[] lambda) {
        if (t <= 0) return 1.0;
        if (lambda.length == 0) return 0.0;
        return Math.pow(10, MixtureTail.log10Upper(t, lambda, REL_TOL));
    }
}
