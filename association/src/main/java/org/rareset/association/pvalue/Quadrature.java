package org.rareset.association.pvalue;

import java.util.function.DoubleUnaryOperator;

/**
 * Globally adaptive Gauss-Kronrod (7-15) quadrature with a relative and an absolute tolerance and a
 * bounded cost (QUADPACK's QAG strategy): the interval with the largest error estimate is halved
 * until the summed error estimate meets max(relTol * |I|, absTol), at most {@link #MAX_INTERVALS}
 * intervals (so at most 15 * (2 * MAX_INTERVALS - 1) evaluations). A non-finite integrand value
 * makes the result NaN at once instead of subdividing forever around it.
 */
final class Quadrature {
    /** Interval limit per call; QUADPACK's and R's {@code integrate} default is 100. */
    static final int MAX_INTERVALS = 200;
    /** Gauss-Kronrod 7-15 nodes and weights (QUADPACK's qk15), also used by {@link SharedContourTail}. */
    static final double[] XGK = {
        0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
        0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
        0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
        0.207784955007898467600689403773245, 0.000000000000000000000000000000000};
    static final double[] WGK = {
        0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
        0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
        0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
        0.204432940075298892414161999234649, 0.209482141084727828012999174891714};
    static final double[] WG = {
        0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
        0.381830050505118944950369775488975, 0.417959183673469387755102040816327};

    private Quadrature() {}

    /** Integral of f over [a, b] to max(relTol * |I|, absTol), or the best estimate after {@link #MAX_INTERVALS}. */
    static double integrate(DoubleUnaryOperator f, double a, double b, double relTol, double absTol) {
        return integrate(f, a, b, relTol, absTol, MAX_INTERVALS);
    }

    /**
     * The integral of {@code f} over [0, yMax] on panels that start {@code firstWidth} wide and double:
     * the saddlepoint contour integrands of the mixture tails are largest near y = 0 and decay like a
     * Gaussian, so narrow panels go where the mass is. Each panel is integrated to {@code relTol},
     * and to an absolute tolerance relative to the running total.
     */
    static double integrateDoublingPanels(DoubleUnaryOperator f, double firstWidth, double yMax, double relTol) {
        double total = 0;
        double y0 = 0;
        double width = firstWidth;
        while (y0 < yMax) {
            double y1 = Math.min(yMax, y0 + width);
            total += integrate(f, y0, y1, relTol, relTol * 1e-3 * Math.abs(total) + 1e-300);
            y0 = y1;
            width *= 2;
        }
        return total;
    }

    /** As {@link #integrate(DoubleUnaryOperator, double, double, double, double)} with an interval limit. */
    static double integrate(DoubleUnaryOperator f, double a, double b, double relTol, double absTol, int maxIntervals) {
        if (b <= a) return 0.0;
        // intervals as parallel arrays: {a, b, integral, error}; a max-heap on error would only pay off for
        // far more intervals than the limit allows, so the largest error is found by a scan
        double[] lo = new double[maxIntervals];
        double[] hi = new double[maxIntervals];
        double[] val = new double[maxIntervals];
        double[] err = new double[maxIntervals];
        double[] r = gk15(f, a, b);
        if (!Double.isFinite(r[0]) || !Double.isFinite(r[1])) return Double.NaN;
        lo[0] = a;
        hi[0] = b;
        val[0] = r[0];
        err[0] = r[1];
        int n = 1;
        double total = r[0];
        double totalErr = r[1];
        while (totalErr > Math.max(relTol * Math.abs(total), absTol) && n < maxIntervals) {
            int worst = 0;
            for (int i = 1; i < n; i++) if (err[i] > err[worst]) worst = i;
            double x0 = lo[worst], x1 = hi[worst];
            double mid = 0.5 * (x0 + x1);
            if (!(mid > x0 && mid < x1)) break; // the interval cannot be split in doubles
            double[] left = gk15(f, x0, mid);
            double[] right = gk15(f, mid, x1);
            if (!Double.isFinite(left[0] + right[0] + left[1] + right[1])) return Double.NaN;
            total += left[0] + right[0] - val[worst];
            totalErr += left[1] + right[1] - err[worst];
            hi[worst] = mid;
            val[worst] = left[0];
            err[worst] = left[1];
            lo[n] = mid;
            hi[n] = x1;
            val[n] = right[0];
            err[n] = right[1];
            n++;
        }
        // re-sum so that the running updates leave no rounding drift
        double sum = 0;
        for (int i = 0; i < n; i++) sum += val[i];
        return sum;
    }

    /** {integral, error estimate} on [a, b]. */
    static double[] gk15(DoubleUnaryOperator f, double a, double b) {
        double c = 0.5 * (a + b);
        double h = 0.5 * (b - a);
        double fc = f.applyAsDouble(c);
        double resG = fc * WG[3];
        double resK = fc * WGK[7];
        for (int j = 0; j < 7; j++) {
            double x = h * XGK[j];
            double f1 = f.applyAsDouble(c - x);
            double f2 = f.applyAsDouble(c + x);
            resK += WGK[j] * (f1 + f2);
            if (j % 2 == 1) resG += WG[j / 2] * (f1 + f2);
        }
        return new double[]{resK * h, Math.abs((resK - resG) * h)};
    }
}
