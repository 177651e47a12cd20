package org.rareset.association.gene;

import org.rareset.association.genotype.GeneGenotypes;
import org.rareset.association.nullmodel.NullModel;

import java.util.List;
import java.util.Map;

/**
 * Upper tail of the SKAT statistic Q = sum_j (w_j U_j)^2 of a binary trait with its ultra-rare and
 * low-count columns kept discrete: {@link UltraRareSkat}'s law extended to columns that are not
 * ultra-rare but still expect few case carriers, for the genes whose kernel-mixture p is small
 * enough for it to matter ({@link GeneScores}: the gate, and a counted work bound per gene).
 *
 * <p>Why: at 1% prevalence a column of MAC 10-100 expects 0.1-1 case carriers, and one or two case
 * carriers move its score by two or more of its Gaussian standard deviations; the chi-square
 * mixture has no such tail, and SKAT ran 1.3-1.7x nominal at 1e-3 because of it (issue 17).
 *
 * <p>The law is R SKAT's efficient-resampling one, as in {@link UltraRareSkat}: the fitted mu held
 * fixed, each carrier a case with probability mu_i, U_j = sum_i g_ij (y_i - mu_i) on the carriers.
 * The discrete set D: ultra-rare columns (at most {@value UltraRareSkat#MAX_ENTRIES} non-zero
 * entries) and columns expecting at most 5 case alleles ({@link LowCountBlock#eligible}), grouped
 * into blocks by shared carriers. An ultra-rare block of at most
 * {@value UltraRareSkat#MAX_BLOCK_CARRIERS} carriers is enumerated whole (2^|C| assignments);
 * any other block gets its law from {@link LowCountBlock} (shared carriers enumerated, the rest
 * Poisson-binomial), with the observed q lowered by what its small imputed entries could add
 * ({@link LowCountBlock#slack}); a block with more than {@value LowCountBlock#MAX_SHARED} shared
 * carriers, or one whose unresolved probability stays too large, stays in the mixture. Blocks share
 * no carrier, so the law of Q_D is the convolution of theirs, on a grid of step q_high /
 * {@value UltraRareSkat#GRID} with every value rounded up (q_high = q plus one step per rounding,
 * so values equal to q can be told from those above it). The other columns keep their calibrated
 * kernel, a mixture S(t) = P(sum_k lambda_k chi2_1 &gt; t) taken independent of Q_D:
 * P(Q &gt;= q) = sum_v P(Q_D = v) S(q - v), S evaluated at the upper end of each of
 * {@value UltraRareSkat#EVAL_CELLS} cells of [0, q] (an upper bound).
 *
 * <p>When every column is discrete the p is R SKAT's efficient-resampling mid-p,
 * P(Q &gt; q) + P(Q = q) / 2 (the values within the rounding of q counting half).
 */
final class DiscreteSkat {
    /** Most grid steps above q kept apart for the mid-p (one per rounding). */
    static final int MAX_MARGIN = 256;
    /** The sum stops when the remaining mass can add at most this fraction. */
    private static final double STOP = 1e-3;

    private DiscreteSkat() {}

    /**
     * The discrete p of a gene.
     *
     * @param log10P  log10 P(Q &gt;= q) (mid-p when {@code wholly}); NaN when no column could be kept
     *                discrete, or when the work bound was reached
     * @param wholly  whether every column of the gene is discrete (no mixture part)
     */
    record Result(double log10P, boolean wholly) {
        static final Result NONE = new Result(Double.NaN, false);
    }

    /**
     * Whether the gene has a column that {@link UltraRareSkat} leaves in the mixture but this law
     * would keep discrete: a low-count column, or an ultra-rare block of more than
     * {@value UltraRareSkat#MAX_BLOCK_CARRIERS} carriers.
     */
    static boolean addsColumns(GeneScores scores) {
        GeneGenotypes g = scores.genotypes();
        for (int[] block : blocks(scores)) {
            if (!(allUltraRare(g, block) && UltraRareSkat.carriersOf(g, block).length <= UltraRareSkat.MAX_BLOCK_CARRIERS)) {
                return true;
            }
        }
        return false;
    }

    /**
     * log10 P(Q &gt;= q) with the ultra-rare and low-count columns discrete.
     *
     * @param kernel   the calibrated kernel of all columns (its rows and columns not kept discrete are used)
     * @param mixtureP the mixture p of the whole kernel: sets how much probability the law of a
     *                 low-count block may leave unresolved (added to the p, so it stays an upper bound)
     * @param work     the gene's work bound; when it is passed the result is {@link Result#NONE}
     */
    static Result log10Upper(GeneScores scores, double[][] kernel, double q, double mixtureP, DiscreteWork work) {
        int grid = UltraRareSkat.GRID;
        int m = scores.variantCount();
        NullModel model = scores.model();
        GeneGenotypes g = scores.genotypes();
        List<int[]> blocks = blocks(scores);
        if (blocks.isEmpty() || !(q > 0)) return Result.NONE;
        // low-count blocks take their small imputed entries at their mean: what those entries could
        // add to sqrt(Q) lowers the threshold, and the chance that they add more is added to p
        double slack2 = 0, beyond = 0;
        int roundings = 0;   // values rounded up on the grid: one per ultra-rare block, one per low-count column
        for (int[] block : blocks) {
            if (enumeratedWhole(g, block)) {
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
            if (!(root > 0)) return Result.NONE;
            qLow = root * root;
        }
        int margin = Math.min(roundings, MAX_MARGIN) + 2;
        double qHigh = q * (1.0 + (double) margin / grid);
        double step = qHigh / grid;
        double[] law = new double[grid + 2];   // index GRID + 1: value above qHigh (stays there: values are >= 0)
        law[0] = 1.0;
        int occupied = 1;                      // non-zero cells of law (the cost of the next convolution)
        double s = model.scoreScale();
        boolean[] discrete = new boolean[m];
        for (int[] block : blocks) {
            Map<Integer, Double> blockLaw;
            if (enumeratedWhole(g, block)) {
                int[] carriers = UltraRareSkat.carriersOf(g, block);
                int c = carriers.length;
                if (!work.charge((long) block.length << c)) return Result.NONE;
                double[][] a = new double[c][block.length];   // w_j s g_ij on the block's carriers
                double[] mu = new double[c];
                for (int i = 0; i < c; i++) mu[i] = model.fitted(carriers[i]);
                for (int b = 0; b < block.length; b++) {
                    int j = block[b];
                    GeneGenotypes.Column col = g.column(j);
                    for (int i = 0; i < c; i++) a[i][b] = scores.weight(j) * s * UltraRareSkat.dosageAt(col, carriers[i]);
                }
                blockLaw = UltraRareSkat.blockLaw(a, mu, step);
            } else {
                blockLaw = LowCountBlock.law(scores, block, step, mixtureP, work);
                if (work.exceeded()) return Result.NONE;
                if (blockLaw == null) continue;   // not resolved within its own bounds: the block stays in the mixture
            }
            if (!work.charge((long) occupied * blockLaw.size())) return Result.NONE;
            for (int j : block) discrete[j] = true;
            law = UltraRareSkat.convolve(law, blockLaw);
            occupied = 0;
            for (double x : law) if (x != 0) occupied++;
        }
        boolean any = false;
        for (boolean d : discrete) any |= d;
        if (!any) return Result.NONE;
        double[] lambda = UltraRareSkat.gaussianPart(kernel, discrete);
        int from = (int) Math.ceil(qLow / step - 1e-9);   // first cell that may hold the observed value
        double p;
        if (lambda.length == 0) {
            // wholly discrete: R SKAT's efficient-resampling mid-p, P(Q > q) + P(Q = q) / 2; the
            // values that may be q itself (from qLow to q plus the rounding) count half
            p = law[grid + 1];
            for (int x = from; x <= grid; x++) p += law[x] / 2;
        } else {
            p = tail(law, lambda, qLow, step, from, work);   // a continuous part: no atom, P(Q >= q)
            if (work.exceeded()) return Result.NONE;
        }
        return new Result(Math.log10(Math.min(p + beyond, 1.0)), lambda.length == 0);
    }

    /** Whether a block is enumerated whole: ultra-rare columns with at most 12 carriers in all. */
    private static boolean enumeratedWhole(GeneGenotypes g, int[] block) {
        return allUltraRare(g, block) && UltraRareSkat.carriersOf(g, block).length <= UltraRareSkat.MAX_BLOCK_CARRIERS;
    }

    private static boolean allUltraRare(GeneGenotypes g, int[] block) {
        for (int j : block) if (g.column(j).samples().length > UltraRareSkat.MAX_ENTRIES) return false;
        return true;
    }

    /**
     * Ultra-rare and low-count columns grouped by shared carriers (union-find over non-zero entries;
     * a low-count column's small imputed entries join nothing, being taken at their mean).
     */
    static List<int[]> blocks(GeneScores scores) {
        GeneGenotypes g = scores.genotypes();
        return CarrierBlocks.group(g, scores.variantCount(), j -> {
            GeneGenotypes.Column col = g.column(j);
            if (col.samples().length == 0 || !(scores.covariance(j, j) > 0) || scores.weight(j) == 0) return false;
            return col.samples().length <= UltraRareSkat.MAX_ENTRIES || LowCountBlock.eligible(scores.model(), col);
        }, (j, k) -> {
            // a low-count column's imputed entries are taken at their mean, so they join nothing
            GeneGenotypes.Column col = g.column(j);
            return col.samples().length <= UltraRareSkat.MAX_ENTRIES || col.dosages()[k] >= LowCountBlock.SMALL;
        });
    }

    /**
     * sum_v P(Q_D = v) S(q - v) for the threshold q at cell {@code from} (cells from there on have
     * S = 1), S evaluated at each cell's largest value (the largest S: an upper bound), stopping early.
     */
    private static double tail(double[] law, double[] lambda, double q, double step, int from, DiscreteWork work) {
        int grid = UltraRareSkat.GRID;
        double p = 0;
        for (int x = Math.max(from, 0); x <= grid + 1; x++) p += law[x];
        int below = Math.min(Math.max(from, 0), grid + 1);
        double rest = 0;
        for (int x = 0; x < below; x++) rest += law[x];
        int cellWidth = Math.max(below / UltraRareSkat.EVAL_CELLS, 1);
        // walk from the values closest to q (largest S) down to 0
        for (int hi = below - 1; hi >= 0 && rest > 0; hi -= cellWidth) {
            int lo = Math.max(hi - cellWidth + 1, 0);
            double mass = 0;
            for (int x = lo; x <= hi; x++) mass += law[x];
            if (mass == 0) continue;
            if (!work.charge(DiscreteWork.MIXTURE_TAIL)) return Double.NaN;
            double sv = UltraRareSkat.survival(q - hi * step, lambda);
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
}
