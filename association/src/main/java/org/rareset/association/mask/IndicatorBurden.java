package org.rareset.association.mask;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.rareset.association.genotype.GeneGenotypes;
import org.rareset.association.genotype.GeneGenotypes.Column;

/**
 * REGENIE's burden masks ({@code --build-mask max|sum}): one unweighted column per gene and mask,
 * per sample the maximum ({@code max}) or the sum ({@code sum}) of the minor-allele counts over
 * the mask's variants, tested with the single-column score test. Written as tests
 * {@code burden-max} and {@code burden-sum}.
 */
public enum IndicatorBurden {
    MAX("burden-max"), SUM("burden-sum");

    public final String testName;

    IndicatorBurden(String testName) { this.testName = testName; }

    public static IndicatorBurden byName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (IndicatorBurden b : values()) if (b.testName.equals(n)) return b;
        return null;
    }

    /** The combined column over all of {@code g}'s columns. */
    public Column combine(GeneGenotypes g) {
        if (this == MAX) return MaskBuilder.collapse(g.columns(), g.sampleCount());
        List<Column> cols = g.columns();
        int total = 0;
        for (Column c : cols) total += c.samples().length;
        long[] packed = new long[total];
        double[] val = new double[total];
        boolean[] observed = new boolean[total];
        int k = 0;
        for (Column c : cols) {
            for (int e = 0; e < c.samples().length; e++) {
                packed[k] = ((long) c.samples()[e] << 32) | k;
                val[k] = c.dosages()[e];
                observed[k] = e < c.carriers();
                k++;
            }
        }
        Arrays.sort(packed);
        int[] rows = new int[total];
        double[] dos = new double[total];
        boolean[] carrier = new boolean[total];
        int m = 0;
        double sum = 0;
        for (int i = 0; i < total; ) {
            int s = (int) (packed[i] >>> 32);
            double acc = 0;
            boolean obs = false;
            for (; i < total && (int) (packed[i] >>> 32) == s; i++) {
                int idx = (int) packed[i];
                acc += val[idx];
                obs |= observed[idx] && val[idx] > 0;
            }
            rows[m] = s;
            dos[m] = acc;
            carrier[m++] = obs;
            sum += acc;
        }
        // carriers first, then imputed-only samples, as GeneGenotypes.Column expects
        int[] r2 = new int[m];
        double[] d2 = new double[m];
        int nc = 0;
        for (int i = 0; i < m; i++) if (carrier[i]) { r2[nc] = rows[i]; d2[nc++] = dos[i]; }
        int j = nc;
        for (int i = 0; i < m; i++) if (!carrier[i]) { r2[j] = rows[i]; d2[j++] = dos[i]; }
        int n = g.sampleCount();
        double f = sum / (2.0 * n);
        return new Column(testName, r2, d2, Math.min(f, 1 - f), Math.min(sum, 2.0 * n - sum), nc, m - nc);
    }
}
