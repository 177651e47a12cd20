package org.rareset.association.pvalue;

import java.util.function.DoubleUnaryOperator;

/** Adaptive Gauss-Kronrod (7-15) quadrature with a relative and an absolute tolerance. */
final class Quadrature {
    private static final double[] XGK = {
        0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
        0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
        0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
        0.207784955007898467600689403773245, 0.000000000000000000000000000000000};
    private static final double[] WGK = {
        0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
        0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
        0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
        0.204432940075298892414161999234649, 0.209482141084727828012999174891714};
    private static final double[] WG = {
        0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
        0.381830050505118944950369775488975, 0.417959183673469387755102040816327};

    private Quadrature() {}

    /** Integral of f over [a, b] to max(relTol * |I|, absTol). */
    static double integrate(DoubleUnaryOperator f, double a, double b, double relTol, double absTol) {
        if (b <= a) return 0.0;
        double[] whole = gk15(f, a, b);
        return refine(f, a, b, whole, relTol, absTol, 0, new double[]{Math.abs(whole[0])});
    }

    private static double refine(DoubleUnaryOperator f, double a, double b, double[] est, double relTol, double absTol,
                                 int depth, double[] scale) {
        double tol = Math.max(relTol * scale[0], absTol);
        if (est[1] <= tol || depth > 40 || b - a < 1e-14 * Math.max(1, Math.abs(a))) return est[0];
        double m = 0.5 * (a + b);
        double[] left = gk15(f, a, m);
        double[] right = gk15(f, m, b);
        double sum = left[0] + right[0];
        scale[0] = Math.max(scale[0], Math.abs(sum));
        if (left[1] + right[1] <= tol && Math.abs(sum - est[0]) <= Math.max(tol, 0)) return sum;
        return refine(f, a, m, left, relTol, absTol * 0.5, depth + 1, scale)
                + refine(f, m, b, right, relTol, absTol * 0.5, depth + 1, scale);
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
