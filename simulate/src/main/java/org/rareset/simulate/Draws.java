package org.rareset.simulate;

import java.util.SplittableRandom;

/**
 * Random draws the simulator needs beyond uniforms and normals. All take a {@link SplittableRandom},
 * whose algorithm is fixed by the Java specification, so a seed gives the same cohort on every JVM.
 */
final class Draws {
    private Draws() {}

    /**
     * An independent stream for one purpose (genes, sites, genotypes...), so that changing how one
     * part draws does not shift the numbers every other part sees.
     */
    static SplittableRandom stream(long seed, String purpose) {
        long h = purpose.hashCode() * 0x9E3779B97F4A7C15L;
        return new SplittableRandom(seed ^ h ^ (h >>> 29));
    }

    /** Gamma(shape, 1) by Marsaglia and Tsang (2000); shapes below 1 by the u^(1/shape) boost. */
    static double gamma(SplittableRandom rng, double shape) {
        if (shape < 1) {
            double u = rng.nextDouble();
            return gamma(rng, shape + 1) * Math.pow(u, 1.0 / shape);
        }
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9 * d);
        while (true) {
            double x = rng.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) continue;
            v = v * v * v;
            double u = rng.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x) return d * v;
            if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
        }
    }

    /** Beta(a, b) as a ratio of gammas. */
    static double beta(SplittableRandom rng, double a, double b) {
        double x = gamma(rng, a);
        double y = gamma(rng, b);
        return x / (x + y);
    }

    /**
     * Binomial(n, p). Small means count geometric waiting times (exact, cost ~ n p); large means
     * use the normal approximation, plenty for allele counts of common simulated variants.
     */
    static int binomial(SplittableRandom rng, int n, double p) {
        if (n <= 0 || p <= 0) return 0;
        if (p >= 1) return n;
        double mean = n * p;
        if (mean < 40) {
            double logQ = Math.log1p(-p);
            int count = 0;
            long position = 0;
            while (true) {
                // Geometric gap to the next success: floor(log(U) / log(1 - p)) + 1.
                position += (long) Math.floor(Math.log(1.0 - rng.nextDouble()) / logQ) + 1;
                if (position > n) return count;
                count++;
            }
        }
        double x = Math.rint(mean + Math.sqrt(mean * (1 - p)) * rng.nextGaussian());
        return (int) Math.max(0, Math.min(n, x));
    }

    /** Log-uniform on [lo, hi]. */
    static double logUniform(SplittableRandom rng, double lo, double hi) {
        return lo * Math.pow(hi / lo, rng.nextDouble());
    }

    static double clamp01(double x) {
        return x < 0 ? 0 : (x > 1 ? 1 : x);
    }
}
