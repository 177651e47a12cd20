package org.rareset.association.gene;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.rareset.association.genotype.GeneGenotypes;
import org.rareset.association.genotype.VariantWeights;
import org.rareset.association.pvalue.Davies;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gene whose SKAT-O p-value was the most expensive in the reproduction of the SKAT-O cost
 * problem (testdata/skato: 205 variants, 5,000 samples, five null binary traits at 2%; see the
 * README there), each p-value against a reference computed independently of SkatO's numerics:
 * kernels formed explicitly (R^{1/2} from commons-math) and diagonalised by commons-math instead of
 * rank-one updates; per-rho tails and the remainder's tail by Davies' algorithm at acc 1e-10 instead
 * of the contour inversion; the Liu quantiles from commons-math's chi-square; the integral by a
 * composite Simpson rule between the kinks (16 panels each, Davies at every node) instead of
 * adaptive Gauss-Kronrod over an interpolated tail. The definition (R SKAT's {@code optimal.adj}) is the same.
 */
@Tag("slow")
class SkatOSlowCaseTest {
    private static final double[] RHO = {0, 0.01, 0.04, 0.09, 0.25, 0.5, 0.999};
    private static final double DAVIES_ACC = 1e-10;
    /** R^{1/2} per (m, rho), shared by the traits. */
    private static final Map<String, RealMatrix> ROOTS = new HashMap<>();

    @Test
    void slowGeneMatchesIndependentReference() throws IOException {
        SkatSlowCase d = SkatSlowCase.load();
        assertEquals(205, d.variants().size());
        GeneGenotypes g = GeneGenotypes.fromVariants(d.variants(), null, d.n());
        double[] weights = VariantWeights.defaultBeta(g);
        for (int t = 0; t < 5; t++) {
            GeneScores scores = GeneScores.compute(d.models()[t], g, weights, TestOptions.plainScore());
            double got = SkatO.INSTANCE.apply(scores).log10P();
            double ref = Math.log10(reference(scores.weightedScores(), scores.weightedCovariance()));
            assertTrue(got < 0 && got > -4, "a null gene: log10 p " + got);
            // observed agreement ~1e-9; the bar leaves room for the reference's Simpson rule (1.5e-8)
            assertEquals(ref, got, 1e-6, "NB" + (t + 1));
        }
    }

    /** R SKAT's optimal.adj p-value from the weighted scores and kernel A, by independent numerics. */
    /** Simpson panels per piece: 16 and 32 agree to 1.5e-8 in log10 p on this gene (a single rule over [0, u] converges only like 1/panels). */
    private static final int PANELS = 16;
    private static double reference(double[] wu, double[][] a) {
        int m = wu.length;
        double sumSq = 0, sum = 0;
        for (double x : wu) {
            sumSq += x * x;
            sum += x;
        }
        int nr = RHO.length;
        double[][] lambda = new double[nr][];
        double[] q = new double[nr];
        double pmin = 1;
        for (int i = 0; i < nr; i++) {
            double rho = RHO[i];
            RealMatrix root = ROOTS.computeIfAbsent(m + " " + rho, key -> {
                double[][] r = new double[m][m];
                for (int j = 0; j < m; j++) for (int k = 0; k < m; k++) r[j][k] = (j == k ? 1 - rho : 0) + rho;
                return new EigenDecomposition(new Array2DRowRealMatrix(r)).getSquareRoot();
            });
            RealMatrix am = new Array2DRowRealMatrix(a);
            lambda[i] = cut(eigenvalues(root.multiply(am).multiply(root).getData()));
            q[i] = (1 - rho) * sumSq + rho * sum * sum;
            pmin = Math.min(pmin, davies(q[i], lambda[i]));
        }
        // Liu "modified" quantile of each Q_rho at p_min (R's SKAT_Optimal_Each_Q)
        double[] qmin = new double[nr];
        for (int i = 0; i < nr; i++) {
            double c1 = 0, c2 = 0, c3 = 0, c4 = 0;
            for (double l : lambda[i]) {
                c1 += l;
                c2 += l * l;
                c3 += l * l * l;
                c4 += l * l * l * l;
            }
            double s1 = c3 / Math.pow(c2, 1.5), s2 = c4 / (c2 * c2);
            double df = s1 * s1 > s2 ? Math.pow(1 / (s1 - Math.sqrt(s1 * s1 - s2)), 2) - 2 * (s1 * Math.pow(1 / (s1 - Math.sqrt(s1 * s1 - s2)), 3) - Math.pow(1 / (s1 - Math.sqrt(s1 * s1 - s2)), 2)) : 1 / s2;
            assertTrue(s1 * s1 <= s2 || df > 0);
            double qOrg = new ChiSquaredDistribution(df).inverseCumulativeProbability(1 - pmin);
            qmin[i] = (qOrg - df) / Math.sqrt(2 * df) * Math.sqrt(2 * c2) + c1;
        }
        // R's SKAT_Optimal_Param in kernel form: the mean direction and the remainder
        double total = 0;
        double[] rowSum = new double[m];
        for (int j = 0; j < m; j++) {
            for (int k = 0; k < m; k++) rowSum[j] += a[j][k];
            total += rowSum[j];
        }
        double zz = total / ((double) m * m);
        double[] cof = new double[m];
        double cofSq = 0;
        for (int j = 0; j < m; j++) {
            cof[j] = rowSum[j] / m / zz;
            cofSq += cof[j] * cof[j];
        }
        double[][] rest = new double[m][m];
        double w33 = 0;
        for (int j = 0; j < m; j++) {
            for (int k = 0; k < m; k++) {
                double item1 = zz * cof[j] * cof[k];
                rest[j][k] = a[j][k] - item1;
                w33 += 4 * item1 * rest[j][k];
            }
        }
        double[] restLambda = cut(eigenvalues(rest));
        double muQ = 0, l2 = 0;
        for (double l : restLambda) {
            muQ += l;
            l2 += l * l;
        }
        double varQ = 2 * l2 + w33;
        double sd1 = Math.sqrt(varQ - w33) / Math.sqrt(varQ);
        double[] tau = new double[nr];
        for (int i = 0; i < nr; i++) tau[i] = ((double) m * m * RHO[i] + cofSq * (1 - RHO[i])) * zz;
        // p = int_0^inf S(x) dchisq(x, 1) dx, x = t^2; S = 1 beyond the support end u
        double target = muQ - muQ / sd1;
        double u = Double.POSITIVE_INFINITY;
        for (int i = 0; i < nr; i++) u = Math.min(u, (qmin[i] - target * (1 - RHO[i])) / tau[i]);
        double tail = 2 * (1 - new org.apache.commons.math3.distribution.NormalDistribution().cumulativeProbability(Math.sqrt(u)));
        // Simpson between the kinks of the minimum over rho (where one line takes over from another
        // the integrand turns steeply: the rho = 0.999 line falls 1000x faster than rho = 0)
        java.util.TreeSet<Double> cuts = new java.util.TreeSet<>(List.of(0.0, u));
        for (int i = 0; i < nr; i++) {
            for (int k = i + 1; k < nr; k++) {
                double x = (qmin[i] / (1 - RHO[i]) - qmin[k] / (1 - RHO[k])) / (tau[i] / (1 - RHO[i]) - tau[k] / (1 - RHO[k]));
                if (x > 0 && x < u) cuts.add(x);
            }
        }
        Double[] xs = cuts.toArray(new Double[0]);
        double integral = 0;
        for (int piece = 0; piece + 1 < xs.length; piece++) {
            double t0 = Math.sqrt(xs[piece]), t1 = Math.sqrt(xs[piece + 1]);
            int panels = PANELS;
            double h = (t1 - t0) / panels, part = 0;
            for (int k = 0; k <= panels; k++) {
                double t = t0 + k * h;
                double x = t * t;
                double min1 = Double.POSITIVE_INFINITY;
                for (int i = 0; i < nr; i++) min1 = Math.min(min1, (qmin[i] - tau[i] * x) / (1 - RHO[i]));
                double st = (min1 - muQ) * sd1 + muQ;
                double s = min1 > 1e4 * muQ ? 0 : st <= 0 ? 1 : davies(st, restLambda);
                double f = s * 2 / Math.sqrt(2 * Math.PI) * Math.exp(-0.5 * x);
                part += f * (k == 0 || k == panels ? 1 : (k % 2 == 1 ? 4 : 2));
            }
            integral += part * h / 3;
        }
        double p = integral + tail;
        return Math.min(p, nr * pmin);
    }

    private static double davies(double q, double[] lambda) {
        Davies.Result r = Davies.upperTail(q, lambda, DAVIES_ACC, 50_000_000);
        assertEquals(0, r.ifault(), "Davies did not converge at " + q);
        return r.upper();
    }

    private static double[] eigenvalues(double[][] k) {
        double[] ev = new EigenDecomposition(new Array2DRowRealMatrix(k)).getRealEigenvalues();
        Arrays.sort(ev);
        return ev;
    }

    /** R SKAT's Get_Lambda: eigenvalues above mean(non-negative ones) / 1e5. */
    private static double[] cut(double[] ev) {
        double s = 0;
        int nn = 0;
        for (double e : ev) if (e >= 0) {
            s += e;
            nn++;
        }
        double c = s / nn / 1e5;
        return Arrays.stream(ev).filter(e -> e > c).toArray();
    }
}
