package org.rareset.association.pvalue;

import java.util.function.DoubleUnaryOperator;

/** Public entry to the adaptive Gauss-Kronrod quadrature used by the p-value methods. */
public final class Integration {
    private Integration() {}

    /** Integral of f over [a, b] to max(relTol * |I|, absTol). */
    public static double adaptive(DoubleUnaryOperator f, double a, double b, double relTol, double absTol) {
        return Quadrature.integrate(f, a, b, relTol, absTol);
    }
}
