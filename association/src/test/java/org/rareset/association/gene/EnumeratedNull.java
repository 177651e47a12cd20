package org.rareset.association.gene;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.rareset.association.genotype.GeneGenotypes;
import org.rareset.association.nullmodel.NullModel;

/**
 * Exact null p-values of the weighted burden and SKAT statistics on cohorts small enough to
 * enumerate: with the fitted null probabilities mu_i held fixed (the law the SPA approximates), every
 * one of the 2^n case/control assignments y has probability prod mu_i^y_i (1 - mu_i)^(1 - y_i), and
 * the scores are T_j(y) = w_j g~_j'(y - mu), g~ the covariate-adjusted genotypes (computed here
 * densely, independently of {@link GeneScores}). The two halves of the samples are enumerated
 * separately (T = T_low + T_high, P = P_low P_high).
 */
final class EnumeratedNull {
    private EnumeratedNull() {}

    /** A cohort: null model, its covariates (with the intercept column), genotypes and weights. */
    record Case(NullModel model, double[][] x, GeneGenotypes genotypes, double[] weights) {}

    /**
     * Exact p-values: {@code mid} counts half the probability of the observed value (what a
     * continuous approximation such as the SPA targets), {@code full} all of it (the exact test).
     */
    record Exact(double burdenMid, double skatMid, double burdenFull, double skatFull) {}

    static Exact of(Case c) {
        int n = c.model().sampleCount();
        int p = c.x()[0].length;
        int m = c.genotypes().variantCount();
        NullModel model = c.model();
        double[] mu = new double[n];
        double[] wgt = new double[n];
        for (int i = 0; i < n; i++) {
            mu[i] = model.fitted(i);
            wgt[i] = mu[i] * (1 - mu[i]);
        }
        double[][] xtwx = new double[p][p];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < p; a++) for (int b = 0; b < p; b++) xtwx[a][b] += c.x()[i][a] * wgt[i] * c.x()[i][b];
        }
        RealMatrix inv = new LUDecomposition(new Array2DRowRealMatrix(xtwx)).getSolver().getInverse();
        double[][] gt = new double[n][m]; // weighted adjusted genotypes w_j g~_ij
        for (int j = 0; j < m; j++) {
            double[] g = new double[n];
            GeneGenotypes.Column col = c.genotypes().column(j);
            for (int k = 0; k < col.samples().length; k++) g[col.samples()[k]] = col.dosages()[k];
            double[] xtwg = new double[p];
            for (int i = 0; i < n; i++) for (int a = 0; a < p; a++) xtwg[a] += c.x()[i][a] * wgt[i] * g[i];
            double[] gamma = inv.operate(xtwg);
            for (int i = 0; i < n; i++) {
                double adj = g[i];
                for (int a = 0; a < p; a++) adj -= c.x()[i][a] * gamma[a];
                gt[i][j] = c.weights()[j] * adj;
            }
        }
        double[] obs = new double[m];
        for (int i = 0; i < n; i++) for (int j = 0; j < m; j++) obs[j] += gt[i][j] * (model.y(i) - mu[i]);
        double obsB = 0, obsQ = 0;
        for (double t : obs) {
            obsB += t;
            obsQ += t * t;
        }
        int h = n / 2;
        double[][] tLow = new double[1 << h][m];
        double[] pLow = new double[1 << h];
        double[][] tHigh = new double[1 << (n - h)][m];
        double[] pHigh = new double[1 << (n - h)];
        half(gt, mu, 0, h, tLow, pLow);
        half(gt, mu, h, n, tHigh, pHigh);
        double tolB = 1e-9 * Math.max(1, Math.abs(obsB));
        double tolQ = 1e-9 * Math.max(1, obsQ);
        double moreB = 0, tieB = 0, moreQ = 0, tieQ = 0;
        for (int a = 0; a < pLow.length; a++) {
            for (int b = 0; b < pHigh.length; b++) {
                double sb = 0, sq = 0;
                for (int j = 0; j < m; j++) {
                    double t = tLow[a][j] + tHigh[b][j];
                    sb += t;
                    sq += t * t;
                }
                double pr = pLow[a] * pHigh[b];
                if (Math.abs(sb) > Math.abs(obsB) + tolB) moreB += pr;
                else if (Math.abs(sb) >= Math.abs(obsB) - tolB) tieB += pr;
                if (sq > obsQ + tolQ) moreQ += pr;
                else if (sq >= obsQ - tolQ) tieQ += pr;
            }
        }
        return new Exact(moreB + tieB / 2, moreQ + tieQ / 2, moreB + tieB, moreQ + tieQ);
    }

    /**
     * Exact p P(Q &gt;= q_obs) of SKAT's Q = sum_j (w_j U_j)^2 with the scores on the carriers only,
     * U_j = sum_i g_ij (y_i - mu_i) (no refit of the covariates: R SKAT's efficient-resampling law),
     * by enumeration of the carriers' 2^c assignments.
     */
    static double carrierSkat(Case c) {
        return carrierSkat(c, false);
    }

    /** As {@link #carrierSkat(Case)}; {@code mid}: P(Q &gt; q_obs) + P(Q = q_obs) / 2 (R SKAT's ER mid-p). */
    static double carrierSkat(Case c, boolean mid) {
        Carriers cs = Carriers.of(c);
        int[] carriers = cs.ids();
        double[][] g = cs.g();
        int m = c.genotypes().variantCount();
        double obs = cs.observedQ();
        double p = 0;
        for (int mask = 0; mask < 1 << carriers.length; mask++) {
            double prob = 1, q = 0;
            double[] u = new double[m];
            for (int i = 0; i < carriers.length; i++) {
                double mu = cs.mu()[i];
                int yi = (mask >> i) & 1;
                prob *= yi == 1 ? mu : 1 - mu;
                for (int j = 0; j < m; j++) u[j] += g[i][j] * (yi - mu);
            }
            for (double x : u) q += x * x;
            double tol = 1e-9 * Math.max(1, obs);
            if (q > obs + tol) p += prob;
            else if (q >= obs - tol) p += mid ? prob / 2 : prob;
        }
        return p;
    }

    /**
     * The same carrier-law p as {@link #carrierSkat} for genes with up to about 26 carriers: the
     * carriers are split in two halves, each half's 2^(c/2) assignments enumerated once with their
     * score vectors, and every pair combined (U = U_low + U_high, P = P_low P_high).
     */
    static double carrierSkatSplit(Case c) {
        return carrierSkatSplit(c, false);
    }

    /** As {@link #carrierSkatSplit(Case)}; {@code mid}: P(Q &gt; q_obs) + P(Q = q_obs) / 2. */
    static double carrierSkatSplit(Case c, boolean mid) {
        Carriers cs = Carriers.of(c);
        double[][] g = cs.g();
        double[] mu = cs.mu();
        double obs = cs.observedQ();
        int m = c.genotypes().variantCount();
        int n = cs.ids().length;
        int h = n / 2;
        double[][] tLow = new double[1 << h][m];
        double[] pLow = new double[1 << h];
        double[][] tHigh = new double[1 << (n - h)][m];
        double[] pHigh = new double[1 << (n - h)];
        half(g, mu, 0, h, tLow, pLow);
        half(g, mu, h, n, tHigh, pHigh);
        double tol = 1e-9 * Math.max(1, obs);
        double p = 0;
        for (int a = 0; a < pLow.length; a++) {
            for (int b = 0; b < pHigh.length; b++) {
                double q = 0;
                for (int j = 0; j < m; j++) {
                    double t = tLow[a][j] + tHigh[b][j];
                    q += t * t;
                }
                if (q > obs + tol) p += pLow[a] * pHigh[b];
                else if (q >= obs - tol) p += mid ? pLow[a] * pHigh[b] / 2 : pLow[a] * pHigh[b];
            }
        }
        return p;
    }

    /**
     * A gene's carriers (the samples with a non-zero entry in any column, ascending), w_j g_ij on
     * them, their fitted mu_i and the observed Q = sum_j (sum_i w_j g_ij (y_i - mu_i))^2.
     */
    private record Carriers(int[] ids, double[][] g, double[] mu, double observedQ) {
        static Carriers of(Case c) {
            NullModel model = c.model();
            int m = c.genotypes().variantCount();
            java.util.TreeSet<Integer> set = new java.util.TreeSet<>();
            for (int j = 0; j < m; j++) for (int i : c.genotypes().column(j).samples()) set.add(i);
            int[] ids = set.stream().mapToInt(Integer::intValue).toArray();
            int n = ids.length;
            double[][] g = new double[n][m];
            double[] mu = new double[n];
            for (int i = 0; i < n; i++) mu[i] = model.fitted(ids[i]);
            for (int j = 0; j < m; j++) {
                GeneGenotypes.Column col = c.genotypes().column(j);
                for (int k = 0; k < col.samples().length; k++) {
                    g[java.util.Arrays.binarySearch(ids, col.samples()[k])][j] = c.weights()[j] * col.dosages()[k];
                }
            }
            double obs = 0;
            for (int j = 0; j < m; j++) {
                double u = 0;
                for (int i = 0; i < n; i++) u += g[i][j] * (model.y(ids[i]) - mu[i]);
                obs += u * u;
            }
            return new Carriers(ids, g, mu, obs);
        }
    }

    private static void half(double[][] gt, double[] mu, int from, int to, double[][] t, double[] p) {
        int m = gt[0].length;
        for (int mask = 0; mask < p.length; mask++) {
            double prob = 1;
            for (int i = from; i < to; i++) {
                int yi = (mask >> (i - from)) & 1;
                prob *= yi == 1 ? mu[i] : 1 - mu[i];
                for (int j = 0; j < m; j++) t[mask][j] += gt[i][j] * (yi - mu[i]);
            }
            p[mask] = prob;
        }
    }

    /**
     * SKAT's p by the rule documented in {@link GeneScores#weightedCovariance()} (call after SKAT has
     * run): a gene whose SAIGE-GENE kernel mixture p is at most {@link GeneScores#DISCRETE_GATE}
     * (and that did not run past the work bound) reports its discrete law's p, the mid-p itself when
     * every column is discrete, else the larger of it and the mixture p; any other gene reports the
     * larger of the ultra-rare law's p (NaN: none) and the mixture p.
     *
     * @return {rule p, 1 when the gene was under the gate (and within the bound) else 0}
     */
    static double[] skatRule(GeneScores scores) {
        double q = 0;
        for (double u : scores.weightedScores()) q += u * u;
        double[][] k = scores.saigeKernel();
        double mixture = Math.pow(10, org.rareset.association.pvalue.MixtureTail.log10Upper(q, Eigenvalues.skatLambda(k)));
        if (mixture <= GeneScores.DISCRETE_GATE && !scores.discreteCapped()) {
            DiscreteSkat.Result d = DiscreteSkat.log10Upper(scores, k, q, mixture, new DiscreteWork(Long.MAX_VALUE));
            if (d.wholly()) return new double[] {Math.pow(10, d.log10P()), 1};
            if (!Double.isNaN(d.log10P())) return new double[] {Math.max(Math.pow(10, d.log10P()), mixture), 1};
        }
        double today = UltraRareSkat.log10Upper(scores, k, q);
        return new double[] {Double.isNaN(today) ? mixture : Math.max(Math.pow(10, today), mixture), 0};
    }
}
