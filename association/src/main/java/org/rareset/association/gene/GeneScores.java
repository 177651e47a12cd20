package org.rareset.association.gene;

import org.rareset.association.genotype.GeneGenotypes;
import org.rareset.association.nullmodel.NullModel;

import java.util.HashMap;
import java.util.Map;

/**
 * Score statistics of one gene under one null model: U_j = s g_j'r and their null covariance
 * V_jk = g_j'W g_k - g_j'WX (X'WX)^-1 X'W g_k, with s = {@link NullModel#scoreScale()} (1/sigma
 * for a quantitative trait, W = I there, so both traits share one standardised form with
 * Var(U) = V). Unweighted; the
 * variant weights are kept beside them. Computed once per gene in O(m * carriers + m^2 p^2)
 * and shared by all tests of the gene.
 *
 * <p>Not thread-safe (it memoises results for tests that combine others, e.g. ACAT-O); create one
 * per gene and thread. The null model and genotypes it refers to are immutable.
 */
public final class GeneScores {
    private static final ThreadLocal<double[]> SCRATCH = new ThreadLocal<>();

    private final NullModel model;
    private final GeneGenotypes genotypes;
    private final double[] weights;
    private final TestOptions options;
    private final double[] u;
    private final double[][] v;
    private final double[][] xtwg;   // X'W g_j per column (for SPA and projections)
    private final Map<String, GeneResult> memo = new HashMap<>();

    private GeneScores(NullModel model, GeneGenotypes genotypes, double[] weights, TestOptions options,
                       double[] u, double[][] v, double[][] xtwg) {
        this.model = model;
        this.genotypes = genotypes;
        this.weights = weights;
        this.options = options;
        this.u = u;
        this.v = v;
        this.xtwg = xtwg;
    }

    /**
     * Scores of a gene.
     *
     * @param weights one weight per column of {@code genotypes}
     */
    public static GeneScores compute(NullModel model, GeneGenotypes genotypes, double[] weights, TestOptions options) {
        int m = genotypes.variantCount();
        if (weights.length != m) {
            throw new IllegalArgumentException(weights.length + " weights for " + m + " variants");
        }
        if (genotypes.sampleCount() != model.sampleCount()) {
            throw new IllegalArgumentException("genotypes for " + genotypes.sampleCount() + " samples, null model for "
                    + model.sampleCount());
        }
        int p = model.covariateCount();
        double s = model.scoreScale();
        double[] u = new double[m];
        double[][] xtwg = new double[m][p];
        double[][] proj = new double[m][];
        for (int j = 0; j < m; j++) {
            GeneGenotypes.Column c = genotypes.column(j);
            double uj = 0;
            for (int k = 0; k < c.samples().length; k++) uj += c.dosages()[k] * model.residual(c.samples()[k]);
            u[j] = s * uj;
            model.xtw(c.samples(), c.dosages(), xtwg[j]);
            proj[j] = model.solveGram(xtwg[j]);
        }
        double[] scratch = scratch(model.sampleCount());
        double[][] v = new double[m][m];
        for (int j = 0; j < m; j++) {
            GeneGenotypes.Column cj = genotypes.column(j);
            int[] sj = cj.samples();
            double[] dj = cj.dosages();
            for (int k = 0; k < sj.length; k++) scratch[sj[k]] = dj[k] * model.weight(sj[k]);
            for (int l = j; l < m; l++) {
                GeneGenotypes.Column cl = genotypes.column(l);
                int[] sl = cl.samples();
                double[] dl = cl.dosages();
                double gwg = 0;
                for (int k = 0; k < sl.length; k++) gwg += scratch[sl[k]] * dl[k];
                double corr = 0;
                for (int a = 0; a < p; a++) corr += xtwg[j][a] * proj[l][a];
                double val = gwg - corr;
                v[j][l] = val;
                v[l][j] = val;
            }
            for (int k = 0; k < sj.length; k++) scratch[sj[k]] = 0.0;
        }
        return new GeneScores(model, genotypes, weights.clone(), options, u, v, xtwg);
    }

    private static double[] scratch(int n) {
        double[] a = SCRATCH.get();
        if (a == null || a.length < n) {
            a = new double[n];
            SCRATCH.set(a);
        }
        return a;
    }

    public NullModel model() { return model; }

    public GeneGenotypes genotypes() { return genotypes; }

    public TestOptions options() { return options; }

    public int variantCount() { return u.length; }

    /** Variant weight w_j. */
    public double weight(int j) { return weights[j]; }

    /** Copy of the weights. */
    public double[] weights() { return weights.clone(); }

    /** Standardised score U_j of column j. */
    public double score(int j) { return u[j]; }

    /** Null covariance V_jk of the standardised scores. */
    public double covariance(int j, int k) { return v[j][k]; }

    /** X'W g_j (unscaled), length p. */
    public double[] xtwg(int j) { return xtwg[j].clone(); }

    /** Weighted scores w_j U_j. */
    public double[] weightedScores() {
        double[] out = new double[u.length];
        for (int j = 0; j < u.length; j++) out[j] = weights[j] * u[j];
        return out;
    }

    /**
     * diag(w) V diag(w), the kernel of SKAT-type tests. For a binary trait with
     * {@link TestOptions#spa()} it is calibrated to the saddlepoint approximation as SAIGE-GENE does,
     * in two steps.
     * <ol>
     *   <li>Per variant: a variant whose |z| exceeds the cutoff gets the variance U_j^2 / q_j, q_j the
     *       chi2_1 quantile of its SPA p-value, and its covariances are rescaled to keep the
     *       correlations: A = diag(w c) V diag(w c), c_j = sqrt(U_j^2 / (q_j V_jj)).</li>
     *   <li>Whole kernel (SAIGE-GENE's {@code Phi_ccadj}): the burden direction of A must not claim
     *       more than the burden SPA p allows. With U_b = sum_j w_j U_j and q_b the chi2_1 quantile of
     *       the burden p ({@link #burdenLog10P()}, SPA beyond the cutoff), the burden variance that p
     *       implies is U_b^2 / q_b, and r = min(1'A1 / (U_b^2 / q_b), 1); the kernel is A / r. So the
     *       rho = 1 end of SKAT-O reproduces the burden SPA p (when r &lt; 1) instead of going below
     *       it. r = 1 when U_b = 0 or q_b is not positive (burden p = 1), where the ratio is undefined.</li>
     *   <li>Ultra-rare columns (not SAIGE-GENE's; see {@link UltraRareSkat}): when the gene has
     *       columns with at most 10 non-zero entries, the SKAT statistic Q = sum_j (w_j U_j)^2 gets
     *       its p p_d from their exact discrete law combined with the mixture of the rest. When p_d is
     *       above the mixture p of the kernel K from steps 1-2, the kernel is K c with c &gt; 1 chosen
     *       so that P(sum_k c lambda_k chi2_1 &gt; Q) = p_d: SKAT reports p_d and SKAT-O's rho = 0 end
     *       agrees with it. Like r, c only ever widens the kernel, and the larger of c and 1/r is used
     *       (both ends then claim no more than their calibrated p).</li>
     *   <li>Low-count columns, gated (see {@link DiscreteSkat}): when the mixture p of K is at most
     *       {@link #DISCRETE_GATE} and the gene has columns that expect at most 5 case alleles (or
     *       ultra-rare blocks too large for step 3), p_d comes from {@link DiscreteSkat}'s law of
     *       all those columns instead, within a counted work bound of {@link #DISCRETE_WORK_CAP}
     *       steps (past it, step 3 applies as if the gate were not passed, and
     *       {@link #discreteCapped()} says so). When every column is discrete, SKAT reports p_d (the
     *       exact carrier law's mid-p) itself, below the mixture p or not; the kernel is still only
     *       widened, as in step 3, so SKAT-O never goes below its burden end.</li>
     * </ol>
     */
    public double[][] weightedCovariance() {
        double[][] out = baseKernel();
        double c = Math.max(ultraRareFactor(out), 1.0 / burdenRatio(out));
        if (c > 1) {
            for (double[] row : out) for (int k = 0; k < row.length; k++) row[k] *= c;
        }
        return out;
    }

    /** The kernel after steps 1 and 2 (SAIGE-GENE's), without the ultra-rare step 3. */
    double[][] saigeKernel() {
        double[][] out = baseKernel();
        double r = burdenRatio(out);
        if (r < 1) for (double[] row : out) for (int k = 0; k < row.length; k++) row[k] /= r;
        return out;
    }

    /** The per-variant SPA-scaled kernel (step 1), not yet widened. */
    private double[][] baseKernel() {
        int m = u.length;
        double[] scale = spaScale();
        double[][] out = new double[m][m];
        for (int j = 0; j < m; j++) {
            for (int k = 0; k < m; k++) {
                out[j][k] = weights[j] * scale[j] * v[j][k] * scale[k] * weights[k];
            }
        }
        return out;
    }

    private double burdenRatioCache = Double.NaN;

    /** r of step 2 for the step-1 kernel {@code a} (1 when not applicable). */
    private double burdenRatio(double[][] a) {
        if (Double.isNaN(burdenRatioCache)) {
            double total = 0;
            for (double[] row : a) for (double x : row) total += x;
            burdenRatioCache = kernelRatio(total);
        }
        return burdenRatioCache;
    }

    /**
     * Genes whose SKAT p under the SAIGE-GENE kernel (steps 1-2) is at most this get the discrete
     * law of their low-count columns (step 4); above it they keep step 3 exactly. Under the null a
     * gene above the gate could only be moved below 0.01 if its discrete p were 5 times below its
     * mixture p, while the mixture p of a low-count column is the smaller one (issue 17).
     */
    static final double DISCRETE_GATE = 0.05;
    /** Work bound of step 4 per gene x mask, in {@link DiscreteWork} steps (about 50 ms at most). */
    static final long DISCRETE_WORK_CAP = 3_000_000L;

    private double ultraRareFactorCache = Double.NaN;
    /** SKAT's p when it is not the mixture of the kernel (step 4, every column discrete), else NaN. */
    private double skatLog10POverride = Double.NaN;
    /** Eigenvalues of {@link #saigeKernel()} when step 3 or 4 computed them, else null. */
    private double[] saigeLambda;
    private boolean discreteCapped;

    /**
     * c of steps 3-4 for the step-1 kernel {@code a}: 1 when not applicable or when the discrete p is
     * not above the mixture p of the step-2 kernel a / r; otherwise the widening of a that gives the
     * discrete p (capped at {@link #MAX_WIDENING}).
     */
    private double ultraRareFactor(double[][] a) {
        if (!Double.isNaN(ultraRareFactorCache)) return ultraRareFactorCache;
        double c = 1.0;
        if (spaApplies()) {
            double r = burdenRatio(a);
            double[][] k = saigeKernel();
            double q = 0;
            for (double x : weightedScores()) q += x * x;
            boolean ultraRare = !UltraRareSkat.blocks(this).isEmpty();
            boolean lowCount = DiscreteSkat.addsColumns(this);
            // no discrete block: nothing to widen and no eigen-decomposition to pay for
            double[] lambda = ultraRare || lowCount ? Eigenvalues.skatLambda(k) : new double[0];
            if (lambda.length > 0) {
                saigeLambda = lambda;
                double mixture = org.rareset.association.pvalue.MixtureTail.log10Upper(q, lambda, WIDENING_TOL);
                double discrete = Double.NaN;
                if (mixture <= Math.log10(DISCRETE_GATE)) {
                    DiscreteWork work = new DiscreteWork(DISCRETE_WORK_CAP);
                    DiscreteSkat.Result d = DiscreteSkat.log10Upper(this, k, q, Math.pow(10, mixture), work);
                    if (work.exceeded()) {
                        discreteCapped = true;   // step 3's p, as above the gate
                    } else if (!Double.isNaN(d.log10P())) {
                        discrete = d.log10P();
                        if (d.wholly()) skatLog10POverride = discrete;
                    }
                }
                if (Double.isNaN(discrete) && ultraRare) discrete = UltraRareSkat.log10Upper(this, k, q);   // step 3
                if (discrete > mixture) c = widening(q, lambda, discrete) / r;
            }
        }
        ultraRareFactorCache = Math.max(c, 1.0);
        return ultraRareFactorCache;
    }

    /**
     * Whether this gene's discrete law (step 4 of {@link #weightedCovariance()}) ran past its work
     * bound, so its SKAT and SKAT-O kept step 3's p. Known once SKAT or SKAT-O has been computed.
     */
    public boolean discreteCapped() {
        return discreteCapped;
    }

    /**
     * log10 p of SKAT: the mixture tail of the eigenvalues of {@link #weightedCovariance()}, or the
     * discrete law's mid-p when every column is discrete (step 4). NaN when the kernel has no
     * eigenvalue left after R SKAT's filter.
     */
    public double skatLog10P() {
        double[][] w = weightedCovariance();
        if (!Double.isNaN(skatLog10POverride)) return skatLog10POverride;
        double[] lambda;
        if (saigeLambda != null) {
            // w is the SAIGE-GENE kernel times a scalar: its eigenvalues are saigeLambda times it
            double factor = Math.max(ultraRareFactorCache, 1.0 / burdenRatioCache) * Math.min(burdenRatioCache, 1.0);
            lambda = saigeLambda.clone();
            for (int i = 0; i < lambda.length; i++) lambda[i] *= factor;
        } else {
            lambda = Eigenvalues.skatLambda(w);
        }
        if (lambda.length == 0) return Double.NaN;
        double q = 0;
        for (double x : weightedScores()) q += x * x;
        return org.rareset.association.pvalue.MixtureTail.log10Upper(q, lambda);
    }

    /** Largest widening of the kernel by the ultra-rare step (p = 1 would need an infinite one). */
    static final double MAX_WIDENING = 1e6;
    private static final double WIDENING_TOL = 1e-8;

    /**
     * c with P(sum_k c lambda_k chi2_1 &gt; q) = 10^log10P, i.e. q / t for the mixture's upper
     * quantile t; Illinois false position on (ln t, log10 P(mix &gt; t)), which is nearly linear.
     */
    private static double widening(double q, double[] lambda, double log10P) {
        double lo = Math.log(q / MAX_WIDENING), hi = Math.log(q);
        double flo = org.rareset.association.pvalue.MixtureTail.log10Upper(Math.exp(lo), lambda, WIDENING_TOL) - log10P;
        double fhi = org.rareset.association.pvalue.MixtureTail.log10Upper(q, lambda, WIDENING_TOL) - log10P;
        if (flo <= 0) return MAX_WIDENING;   // even the widest kernel claims less than the target
        int side = 0;
        double x = hi;
        for (int it = 0; it < 100 && hi - lo > 1e-10; it++) {
            x = (lo * fhi - hi * flo) / (fhi - flo);
            double fx = org.rareset.association.pvalue.MixtureTail.log10Upper(Math.exp(x), lambda, WIDENING_TOL) - log10P;
            if (Math.abs(fx) < 1e-7 * Math.max(1, Math.abs(log10P))) break;
            if (fx > 0) {
                lo = x;
                flo = fx;
                if (side == -1) fhi /= 2;
                side = -1;
            } else {
                hi = x;
                fhi = fx;
                if (side == 1) flo /= 2;
                side = 1;
            }
        }
        return q / Math.exp(x);
    }

    /** Whether the SPA calibrations apply (binary trait with {@link TestOptions#spa()}). */
    private boolean spaApplies() {
        return model.type() == org.rareset.association.nullmodel.TraitType.BINARY && options.spa();
    }

    /** SAIGE-GENE's r = min(1'A1 q_b / U_b^2, 1) for the per-variant scaled kernel A (1 when not applicable). */
    private double kernelRatio(double oneAOne) {
        if (!spaApplies()) return 1.0;
        double ub = burdenScore();
        if (ub == 0 || !(oneAOne > 0)) return 1.0;
        double qb = org.rareset.association.pvalue.ChiSquare.upperQuantileLog(burdenLog10P() * Math.log(10), 1);
        if (!(qb > 0) || !Double.isFinite(qb)) return 1.0;
        return Math.min(oneAOne * qb / (ub * ub), 1.0);
    }

    /** Weighted burden score U_b = sum_j w_j U_j. */
    public double burdenScore() {
        double ub = 0;
        for (int j = 0; j < u.length; j++) ub += weights[j] * u[j];
        return ub;
    }

    /** Null variance w'Vw of the weighted burden score (no SPA calibration). */
    public double burdenVariance() {
        double vb = 0;
        for (int j = 0; j < u.length; j++) {
            for (int k = 0; k < u.length; k++) vb += weights[j] * v[j][k] * weights[k];
        }
        return vb;
    }

    private double burdenLog10PCache = Double.NaN;

    /**
     * log10 p of the weighted burden score test: chi2_1 of U_b^2 / w'Vw, or for a binary trait with
     * {@link TestOptions#spa()} the two-sided SPA p beyond the |z| cutoff. NaN when w'Vw = 0.
     */
    public double burdenLog10P() {
        if (!Double.isNaN(burdenLog10PCache)) return burdenLog10PCache;
        double ub = burdenScore();
        double vb = burdenVariance();
        if (!(vb > 0)) return Double.NaN;
        double lp = org.rareset.association.pvalue.ChiSquare.log10Upper(ub * ub / vb, 1);
        if (spaApplies() && Math.abs(ub) / Math.sqrt(vb) > options.spaZCutoff()) {
            lp = BinaryAdjustments.spaLog10P(this, weights, ub, vb);
        }
        burdenLog10PCache = lp;
        return lp;
    }

    private double[] spaScaleCache;

    /** Per-variant standard-deviation factors from the SPA calibration (all 1 when not applicable). */
    private double[] spaScale() {
        if (spaScaleCache != null) return spaScaleCache;
        int m = u.length;
        double[] scale = new double[m];
        java.util.Arrays.fill(scale, 1.0);
        if (spaApplies()) {
            for (int j = 0; j < m; j++) {
                double var = v[j][j];
                if (!(var > 0) || Math.abs(u[j]) / Math.sqrt(var) <= options.spaZCutoff()) continue;
                double[] unit = new double[m];
                unit[j] = 1;
                double log10P = BinaryAdjustments.spaLog10P(this, unit, u[j], var);
                double q = org.rareset.association.pvalue.ChiSquare.upperQuantileLog(log10P * Math.log(10), 1);
                if (q > 0 && Double.isFinite(q)) scale[j] = Math.sqrt(u[j] * u[j] / q / var);
            }
        }
        spaScaleCache = scale;
        return scale;
    }

    /** Result of {@code test} on this gene, computed once (tests such as ACAT-O combine others). */
    public GeneResult result(GeneTest test) {
        GeneResult r = memo.get(test.name());
        if (r == null) {
            r = test.apply(this);
            memo.put(test.name(), r);
        }
        return r;
    }

    /** A result record for this gene with the gene-level counts filled in. */
    public GeneResult resultOf(String test, double beta, double se, double log10P) {
        return new GeneResult(test, genotypes.variantCount(), genotypes.mac(), genotypes.carrierCount(), beta, se, log10P);
    }
}
