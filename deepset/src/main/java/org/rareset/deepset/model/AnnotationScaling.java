package org.rareset.deepset.model;

import java.util.Arrays;

/**
 * Standardisation of the model's input annotations: {@code z = (x - mean) / sd} per column.
 *
 * <p>DeepRVAT feeds raw annotations (MAF_MB runs to 10,000 while flags are 0/1); a network
 * trained from scratch with a few thousand steps converges far better on standardised inputs, so
 * RareSet models learn on z-scores and keep the means and sds in model.json. A column with no
 * spread (sd 0 or not finite) gets sd 1, so it only shifts.
 */
public record AnnotationScaling(double[] mean, double[] sd) {

    public AnnotationScaling {
        if (mean.length != sd.length) throw new IllegalArgumentException("means and sds differ in length");
        mean = mean.clone();
        sd = sd.clone();
        for (int j = 0; j < sd.length; j++) if (!(sd[j] > 0) || !Double.isFinite(sd[j])) sd[j] = 1.0;
    }

    public int width() {
        return mean.length;
    }

    /** Identity scaling (mean 0, sd 1). */
    public static AnnotationScaling identity(int width) {
        double[] sd = new double[width];
        Arrays.fill(sd, 1.0);
        return new AnnotationScaling(new double[width], sd);
    }

    public double apply(int column, double x) {
        return (x - mean[column]) / sd[column];
    }

    /** Standardises {@code nRows} row-major rows of {@link #width()} values into {@code out}. */
    public void apply(double[] rows, int nRows, double[] out) {
        int w = width();
        for (int r = 0; r < nRows; r++) {
            for (int j = 0; j < w; j++) out[r * w + j] = (rows[r * w + j] - mean[j]) / sd[j];
        }
    }

    /** Running mean and variance (Welford) per column, to fit a scaling in one pass. */
    public static final class Accumulator {
        private final double[] mean;
        private final double[] m2;
        private long n;

        public Accumulator(int width) {
            mean = new double[width];
            m2 = new double[width];
        }

        public void add(double[] row) {
            n++;
            for (int j = 0; j < mean.length; j++) {
                double d = row[j] - mean[j];
                mean[j] += d / n;
                m2[j] += d * (row[j] - mean[j]);
            }
        }

        public long count() {
            return n;
        }

        /** The fitted scaling; population sd (divisor n). */
        public AnnotationScaling scaling() {
            double[] sd = new double[mean.length];
            for (int j = 0; j < sd.length; j++) sd[j] = n > 0 ? Math.sqrt(m2[j] / n) : 1.0;
            return new AnnotationScaling(mean, sd);
        }
    }
}
