package org.rareset.association.regression;

/**
 * The term added to the log-likelihood l(b) of a logistic regression, a strategy of
 * {@link LogisticRegression#fit}: the objective is l*(b) = l(b) + pen(b), its gradient
 * X'(y - mu) + grad pen, and the Newton matrix X'WX + H_pen.
 * <ul>
 *   <li>{@link #NONE}: maximum likelihood.</li>
 *   <li>{@link #FIRTH}: Firth (1993), pen = 0.5 log|X'WX| (Jeffreys prior on the full design). Its
 *   gradient is the modified score sum_i (h_i (0.5 - mu_i)) x_i with h_i = w_i x_i'(X'WX)^-1 x_i the
 *   leverages of W^1/2 X; the Newton matrix is the Fisher information X'WX, as in R logistf.</li>
 *   <li>{@link #ridge(double)}: pen = -lambda/2 |b|^2 (intercept included), gradient -lambda b,
 *   Newton matrix X'WX + lambda I: keeps a prediction model finite under separation and with
 *   constant features.</li>
 * </ul>
 * Subclasses live in this package only (the fitter relies on their contract).
 */
public abstract class Penalty {
    /** Maximum likelihood. */
    public static final Penalty NONE = new Penalty() {
        @Override
        double value(LogisticRegression.Point p) {
            return 0;
        }

        @Override
        public String toString() {
            return "none";
        }
    };

    /** Firth's Jeffreys-prior penalty 0.5 log|X'WX|. */
    public static final Penalty FIRTH = new Penalty() {
        @Override
        double value(LogisticRegression.Point p) {
            return 0.5 * p.newtonFactor().logDeterminant();
        }

        @Override
        void addToGradient(LogisticRegression.Point p, double[] gradient) {
            double[][] cov = p.newtonFactor().inverse();
            int k = gradient.length;
            int n = p.sampleCount();
            int i = 0;
            // two samples at a time when both rows end in 0 (a tested column's non-carriers, nearly
            // every sample): the two leverages are independent chains of adds, so the processor can
            // overlap them; each is summed in the same order as alone, so the doubles are the same
            for (; i + 1 < n; i += 2) {
                double[] r0 = p.row(i);
                double[] r1 = p.row(i + 1);
                if (r0[k - 1] != 0.0 || r1[k - 1] != 0.0) {
                    addLeverageTerm(p, cov, i, gradient);
                    addLeverageTerm(p, cov, i + 1, gradient);
                    continue;
                }
                int end = k - 1;
                double h0 = 0, h1 = 0;
                for (int a = 0; a < end; a++) {
                    double[] ca = cov[a];
                    double t0 = 0, t1 = 0;
                    for (int c = 0; c < end; c++) {
                        t0 += ca[c] * r0[c];
                        t1 += ca[c] * r1[c];
                    }
                    h0 += r0[a] * t0;
                    h1 += r1[a] * t1;
                }
                double s0 = h0 * p.weight(i) * (0.5 - p.fitted(i));
                double s1 = h1 * p.weight(i + 1) * (0.5 - p.fitted(i + 1));
                for (int a = 0; a < end; a++) gradient[a] += s0 * r0[a];
                for (int a = 0; a < end; a++) gradient[a] += s1 * r1[a];
            }
            for (; i < n; i++) addLeverageTerm(p, cov, i, gradient);
        }

        /** Adds h_i (0.5 - mu_i) x_i, h_i = w_i x_i' cov x_i, of sample i. */
        private void addLeverageTerm(LogisticRegression.Point p, double[][] cov, int i, double[] gradient) {
            int k = gradient.length;
            double[] row = p.row(i);
            // a row ending in 0 (a tested column's non-carrier): its terms of that column are exact
            // zeros and are left out, so h_i is the same double
            int end = row[k - 1] == 0.0 ? k - 1 : k;
            double h = 0;
            for (int a = 0; a < end; a++) {
                double t = 0;
                for (int c = 0; c < end; c++) t += cov[a][c] * row[c];
                h += row[a] * t;
            }
            double r = h * p.weight(i) * (0.5 - p.fitted(i));
            for (int a = 0; a < end; a++) gradient[a] += r * row[a];
        }

        @Override
        public String toString() {
            return "Firth";
        }
    };

    Penalty() {}

    /** Ridge penalty -lambda/2 |b|^2. */
    public static Penalty ridge(double lambda) {
        if (!(lambda >= 0)) throw new IllegalArgumentException("ridge lambda " + lambda);
        return new Penalty() {
            @Override
            double value(LogisticRegression.Point p) {
                double s = 0;
                for (double v : p.coefficients()) s += v * v;
                return -0.5 * lambda * s;
            }

            @Override
            void addToGradient(LogisticRegression.Point p, double[] gradient) {
                double[] b = p.coefficients();
                for (int a = 0; a < b.length; a++) gradient[a] -= lambda * b[a];
            }

            @Override
            void addToNewtonMatrix(double[][] m) {
                for (int a = 0; a < m.length; a++) m[a][a] += lambda;
            }

            @Override
            public String toString() {
                return "ridge(" + lambda + ")";
            }
        };
    }

    /** pen(b) at the point. */
    abstract double value(LogisticRegression.Point p);

    /** Adds grad pen(b) to the log-likelihood gradient X'(y - mu). */
    void addToGradient(LogisticRegression.Point p, double[] gradient) {}

    /** Adds the penalty's part of the Newton matrix to X'WX (in place, before it is factored). */
    void addToNewtonMatrix(double[][] m) {}
}
