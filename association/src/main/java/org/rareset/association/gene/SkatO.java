package org.rareset.association.gene;

import org.rareset.association.pvalue.ChiSquare;
import org.rareset.association.pvalue.Liu;
import org.rareset.association.pvalue.MixtureTail;
import org.rareset.association.pvalue.Normal;
import org.rareset.association.pvalue.SharedContourTail;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * SKAT-O (Lee et al. 2012) as R SKAT {@code method = "optimal.adj"}, with stringent numerics.
 *
 * <p>For each rho of the grid (rho = 1 used as 0.999): Q_rho = (1 - rho) sum_j (w_j U_j)^2 +
 * rho (sum_j w_j U_j)^2, whose null law is sum_k lambda_k chi2_1 with lambda the eigenvalues of
 * R_rho^{1/2} A R_rho^{1/2} (A = diag(w) V diag(w), R_rho = (1 - rho) I + rho 11'); p_rho by
 * {@link MixtureTail}. With p_min = min_rho p_rho, each rho's p_min quantile q_rho comes from the
 * Liu "modified" moment match (R's {@code SKAT_Optimal_Each_Q}). Decomposing the kernel into
 * its projection on the mean direction (tau_rho chi2_1) and the remainder (mixture with
 * eigenvalues lambda, moment-adjusted by sqrt((VarQ - VarRemain)/VarQ)), the p-value is
 * p = 1 - int F(min_rho (q_rho - tau_rho x)/(1 - rho)) dchisq(x, 1) dx, computed in upper-tail form
 * p = int_0^u S(x) dchisq(x, 1) dx + P(chi2_1 > u) on the support [0, u] of S = 1 - F, piecewise
 * between the kinks of the minimum over rho (x = t^2 removes the density's singularity), and
 * capped at n_rho * p_min (Bonferroni) as R does. A gene with one variant returns the SKAT result.
 * With {@link TestOptions.SkatoMethod#EXACT} the per-rho p-values are the same and the combination
 * is {@link SkatOExact}'s exact integration instead.
 */
public final class SkatO implements GeneTest {
    /** Shared instance (the class is stateless). */
    public static final SkatO INSTANCE = new SkatO();
    /** R SKAT replaces rho >= 0.999 by 0.999. */
    static final double MAX_RHO = 0.999;
    private static final double LN10 = Math.log(10);
    /** Relative accuracy of the per-rho p-values (p_min moves the result proportionally). */
    static final double RHO_REL_TOL = 1e-6;

    @Override
    public String name() {
        return "skato";
    }

    @Override
    public GeneResult apply(GeneScores scores) {
        int m = scores.variantCount();
        if (m == 1) {
            GeneResult s = scores.result(Skat.INSTANCE);
            return scores.resultOf(name(), Double.NaN, Double.NaN, s.log10P());
        }
        double[] rho = scores.options().skatoRho();
        for (int i = 0; i < rho.length; i++) rho[i] = Math.min(rho[i], MAX_RHO);
        int nr = rho.length;
        double[] wu = scores.weightedScores();
        double[][] a = scores.weightedCovariance();
        double sumSq = 0, sum = 0;
        for (double x : wu) {
            sumSq += x * x;
            sum += x;
        }
        // per-rho statistics and their exact p-values
        double[] q = new double[nr];
        double[][] lambdaRho = new double[nr][];
        double[] log10P = new double[nr];
        double log10Pmin = Double.POSITIVE_INFINITY;
        // one eigen-analysis of A serves every rho kernel and the remainder (rank-one updates)
        KernelSpectrum spectrum = KernelSpectrum.of(a);
        for (int i = 0; i < nr; i++) {
            q[i] = (1 - rho[i]) * sumSq + rho[i] * sum * sum;
            lambdaRho[i] = spectrum != null ? Eigenvalues.skatCut(spectrum.rhoKernel(rho[i]))
                    : Eigenvalues.skatLambda(rhoKernel(a, rho[i]));
            if (lambdaRho[i].length == 0) return scores.resultOf(name(), Double.NaN, Double.NaN, Double.NaN);
            log10P[i] = MixtureTail.log10Upper(q[i], lambdaRho[i], RHO_REL_TOL);
            log10Pmin = Math.min(log10Pmin, log10P[i]);
        }
        double log10Cap = Math.log10(nr) + log10Pmin;
        // quantile of each Q_rho at p_min by the modified Liu match
        double[] qmin = new double[nr];
        for (int i = 0; i < nr; i++) {
            Liu.Parameters lp = Liu.modifiedParameters(lambdaRho[i]);
            double df = lp.df();
            double qOrg = ChiSquare.upperQuantileLog(log10Pmin * LN10, df);
            qmin[i] = (qOrg - df) / Math.sqrt(2 * df) * lp.sigmaQ() + lp.muQ();
        }
        if (scores.options().skatoMethod() == TestOptions.SkatoMethod.EXACT) {
            double exact = SkatOExact.log10P(a, rho, q, lambdaRho, log10P, qmin);
            return scores.resultOf(name(), Double.NaN, Double.NaN, Double.isNaN(exact) ? log10Cap : exact);
        }
        Mixture mix = Mixture.of(a, rho, spectrum);
        if (mix == null) return scores.resultOf(name(), Double.NaN, Double.NaN, log10Cap);
        // the integral is computed relative to p_min (p lies in [p_min, n_rho p_min]) so it never underflows
        double logScale = log10Pmin * LN10;
        double lnP = logScale + Math.log(integrate(qmin, rho, mix, logScale));
        double log10 = Double.isFinite(lnP) ? Math.min(lnP / LN10, 0.0) : log10Cap;
        return scores.resultOf(name(), Double.NaN, Double.NaN, Math.min(log10, log10Cap));
    }

    /** R^{1/2} A R^{1/2} with R = (1 - rho) I + rho 11' (same non-zero spectrum as R's L A L'). */
    static double[][] rhoKernel(double[][] a, double rho) {
        int m = a.length;
        // R^{1/2} = alpha I + beta 11' with alpha = sqrt(1 - rho), alpha + m beta = sqrt(1 - rho + m rho)
        double alpha = Math.sqrt(1 - rho);
        double beta = (Math.sqrt(1 - rho + m * rho) - alpha) / m;
        double[] rowSum = new double[m];
        double total = 0;
        for (int j = 0; j < m; j++) {
            double s = 0;
            for (int k = 0; k < m; k++) s += a[j][k];
            rowSum[j] = s;
            total += s;
        }
        double[][] out = new double[m][m];
        for (int j = 0; j < m; j++) {
            for (int k = 0; k < m; k++) {
                out[j][k] = alpha * alpha * a[j][k] + alpha * beta * (rowSum[j] + rowSum[k]) + beta * beta * total;
            }
        }
        return out;
    }

    /**
     * R's {@code SKAT_Optimal_Param}: the remainder mixture (eigenvalues lambda) after removing the
     * mean direction, its moments and the chi2_1 coefficients tau_rho.
     */
    record Mixture(double[] lambda, double muQ, double varQ, double varRemain, double[] tau) {
        static Mixture of(double[][] a, double[] rho, KernelSpectrum spectrum) {
            int m = a.length;
            double[] rowMean = new double[m]; // (A 1) / m = Z1' z_mean
            double total = 0;
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int k = 0; k < m; k++) s += a[j][k];
                rowMean[j] = s / m;
                total += s;
            }
            double zz = total / ((double) m * m); // sum(z_mean^2)
            if (!(zz > 0)) return null;
            double[] cof = new double[m];
            double cofSq = 0;
            for (int j = 0; j < m; j++) {
                cof[j] = rowMean[j] / zz;
                cofSq += cof[j] * cof[j];
            }
            double[][] rest = new double[m][m];
            double w33 = 0;
            for (int j = 0; j < m; j++) {
                for (int k = 0; k < m; k++) {
                    double item1 = zz * cof[j] * cof[k];
                    rest[j][k] = a[j][k] - item1;
                    w33 += item1 * rest[j][k];
                }
            }
            w33 *= 4;
            double[] restSpectrum = spectrum == null ? null : spectrum.remainderKernel();
            double[] lambda = restSpectrum != null ? Eigenvalues.skatCut(restSpectrum) : Eigenvalues.skatLambda(rest);
            if (lambda.length == 0) return null;
            double mu = 0, l2 = 0;
            for (double l : lambda) {
                mu += l;
                l2 += l * l;
            }
            double[] tau = new double[rho.length];
            for (int i = 0; i < rho.length; i++) {
                tau[i] = ((double) m * m * rho[i] + cofSq * (1 - rho[i])) * zz;
            }
            return new Mixture(lambda, mu, 2 * l2 + w33, w33, tau);
        }
    }

    /**
     * p / exp(logScale) with p = int_0^u S(x) dchisq(x,1) dx + P(chi2_1 > u), piecewise between kinks.
     */
    static double integrate(double[] qmin, double[] rho, Mixture mix, double logScale) {
        int nr = rho.length;
        double sd1 = Math.sqrt(mix.varQ() - mix.varRemain()) / Math.sqrt(mix.varQ());
        double muQ = mix.muQ();
        // S = 1 once the standardised argument is <= 0, i.e. min1 <= target
        double target = muQ - muQ / sd1;
        double ceiling = 1e4 * muQ; // R: S = 0 above this
        double u = Double.POSITIVE_INFINITY;
        double xCeil = Double.POSITIVE_INFINITY;
        for (int i = 0; i < nr; i++) {
            u = Math.min(u, (qmin[i] - target * (1 - rho[i])) / mix.tau()[i]);
            xCeil = Math.min(xCeil, (qmin[i] - ceiling * (1 - rho[i])) / mix.tau()[i]);
        }
        if (!(u > 0)) return Math.exp(-logScale);
        TreeSet<Double> cuts = new TreeSet<>();
        cuts.add(0.0);
        cuts.add(u);
        if (xCeil > 0 && xCeil < u) cuts.add(xCeil);
        for (int i = 0; i < nr; i++) {
            for (int k = i + 1; k < nr; k++) {
                // (qmin_i - tau_i x)/(1 - rho_i) = (qmin_k - tau_k x)/(1 - rho_k)
                double den = mix.tau()[i] / (1 - rho[i]) - mix.tau()[k] / (1 - rho[k]);
                if (den == 0) continue;
                double x = (qmin[i] / (1 - rho[i]) - qmin[k] / (1 - rho[k])) / den;
                if (x > 0 && x < u) cuts.add(x);
            }
        }
        double norm = 2 / Math.sqrt(2 * Math.PI);
        // S is needed for arguments st in [0, st(x_start)]; tabulate ln S on Chebyshev nodes in
        // v = sqrt(st), where it is analytic (F ~ v^m near 0, ln S ~ -v^2 / (2 lambda_max) far out)
        double xStart = Math.max(0, Math.min(xCeil, u));
        double stMax = Math.max(0, (minLine(qmin, rho, mix.tau(), xStart) - muQ) * sd1 + muQ);
        TailInterpolant logS = new TailInterpolant(mix.lambda(), Math.sqrt(stMax));
        java.util.function.DoubleUnaryOperator integrand = t -> {
            double x = t * t;
            double min1 = minLine(qmin, rho, mix.tau(), x);
            if (min1 > ceiling) return 0.0;
            double st = (min1 - muQ) * sd1 + muQ;
            double lnS = st <= 0 ? 0.0 : logS.at(Math.sqrt(st));
            return norm * Math.exp(lnS - 0.5 * x - logScale);
        };
        double tail = 2 * Math.exp(Normal.logUpper(Math.sqrt(u)) - logScale);
        Double[] pts = cuts.toArray(new Double[0]);
        double total = tail;
        double[] parts = new double[pts.length - 1];
        for (int i = pts.length - 2; i >= 0; i--) {
            double t0 = Math.sqrt(pts[i]);
            double t1 = Math.sqrt(pts[i + 1]);
            parts[i] = integrateRel(integrand, t0, t1, total);
            total += parts[i];
        }
        return total;
    }

    private static double minLine(double[] qmin, double[] rho, double[] tau, double x) {
        double min1 = Double.POSITIVE_INFINITY;
        for (int i = 0; i < rho.length; i++) min1 = Math.min(min1, (qmin[i] - tau[i] * x) / (1 - rho[i]));
        return min1;
    }

    /**
     * ln P(mixture > v^2) by barycentric interpolation on Chebyshev-Lobatto nodes over [0, vMax],
     * each level's new nodes together by {@link SharedContourTail} (shared contours, so a level costs
     * about one contour inversion instead of one per node; two or fewer eigenvalues: {@link MixtureTail}
     * per node). The node count doubles (nested nodes, so no value is computed twice) from {@link #MIN_NODES} until the previous interpolant matches the
     * new nodes to {@link #LOG_TOL}, and stops at {@link #MAX_NODES}: at most MAX_NODES + 1 tail
     * tail values per gene, typically 17 or 33 instead of a fixed 49.
     */
    static final class TailInterpolant {
        static final int MIN_NODES = 8;
        static final int MAX_NODES = 64;
        /** Absolute accuracy of ln S, i.e. relative accuracy of S (the integral needs ~1e-6). */
        static final double LOG_TOL = 1e-7;
        /** Relative accuracy of the tabulated tail. */
        static final double NODE_REL_TOL = 1e-8;
        private double[] nodes;
        private double[] values;
        private double[] weights;
        private final double[] lambda;
        private final double vMax;
        private final SharedContourTail shared;

        TailInterpolant(double[] lambda, double vMax) {
            this.lambda = lambda;
            this.vMax = vMax;
            this.shared = lambda.length >= 3 ? new SharedContourTail(lambda, NODE_REL_TOL) : null;
            int n = MIN_NODES;
            fill(n, null);
            while (n < MAX_NODES) {
                double[] oldNodes = nodes, oldValues = values, oldWeights = weights;
                fill(2 * n, oldValues);
                double worst = 0;
                for (int k = 1; k <= 2 * n; k += 2) {
                    double prev = interpolate(oldNodes, oldValues, oldWeights, nodes[k]);
                    worst = Math.max(worst, Math.abs(prev - values[k]));
                }
                n *= 2;
                if (!(worst > LOG_TOL)) break;
            }
        }

        /** Nodes for degree n; the even ones are those of degree n / 2, taken from {@code half}. */
        private void fill(int n, double[] half) {
            nodes = new double[n + 1];
            values = new double[n + 1];
            weights = new double[n + 1];
            int[] fresh = new int[n + 1];
            int nFresh = 0;
            for (int k = 0; k <= n; k++) {
                double v = 0.5 * vMax * (1 - Math.cos(Math.PI * k / n));
                nodes[k] = v;
                if (half != null && k % 2 == 0) values[k] = half[k / 2];
                else if (v == 0) values[k] = 0.0;
                else fresh[nFresh++] = k;
                weights[k] = ((k % 2 == 0) ? 1.0 : -1.0) * ((k == 0 || k == n) ? 0.5 : 1.0);
            }
            if (lambda.length < 3) {
                for (int i = 0; i < nFresh; i++) {
                    double v = nodes[fresh[i]];
                    values[fresh[i]] = MixtureTail.log10Upper(v * v, lambda, NODE_REL_TOL) * LN10;
                }
                return;
            }
            // the new nodes of this level in one pass over shared contours
            double[] q = new double[nFresh];
            for (int i = 0; i < nFresh; i++) q[i] = nodes[fresh[i]] * nodes[fresh[i]];
            double[] lnS = shared.logUpper(q);
            for (int i = 0; i < nFresh; i++) values[fresh[i]] = lnS[i];
        }

        /** Number of tail evaluations (nodes) used. */
        int size() {
            return nodes.length;
        }

        double at(double v) {
            return interpolate(nodes, values, weights, v);
        }

        private static double interpolate(double[] nodes, double[] values, double[] weights, double v) {
            double num = 0, den = 0;
            for (int k = 0; k < nodes.length; k++) {
                double d = v - nodes[k];
                if (d == 0) return values[k];
                double t = weights[k] / d;
                num += t * values[k];
                den += t;
            }
            return num / den;
        }
    }

    private static double integrateRel(java.util.function.DoubleUnaryOperator f, double a, double b, double scale) {
        return org.rareset.association.pvalue.Integration.adaptive(f, a, b, 1e-8, 1e-10 * scale);
    }
}
