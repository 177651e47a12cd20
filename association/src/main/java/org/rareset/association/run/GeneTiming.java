package org.rareset.association.run;

import java.util.List;
import java.util.Locale;

/**
 * Cost of one gene x mask for one trait: the score statistics (U, V) and each gene test, as CPU
 * time of the worker thread (the fair figure on a shared machine, where wall time depends on the
 * load). Written under
 * {@code --debug} to find genes whose tests are slow.
 *
 * @param nVariants      columns tested (after collapsing rare variants)
 * @param scoresCpuNanos CPU time of the score statistics (null-model projections, covariance)
 * @param tests          test names, in the order they were run
 * @param cpuNanos       CPU time per test (same order); a test that combines earlier results
 *                       (ACAT-O) reuses them, so its time is its own part only
 */
public record GeneTiming(String phenotype, String gene, String mask, int nVariants, long scoresCpuNanos,
                         List<String> tests, long[] cpuNanos) {

    /** CPU time of {@code test} in nanoseconds, or -1 when it was not run. */
    public long cpuNanosOf(String test) {
        int i = tests.indexOf(test);
        return i < 0 ? -1 : cpuNanos[i];
    }

    /** One log line: {@code timing NB1 GENE7 all m=120: scores 1.20 ms, burden 0.05 ms, skat 0.81 ms, ...} (CPU). */
    public String format() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "timing %s %s %s m=%d: scores %.2f ms",
                phenotype, gene, mask, nVariants, scoresCpuNanos / 1e6));
        for (int i = 0; i < tests.size(); i++) {
            sb.append(String.format(Locale.ROOT, ", %s %.2f ms", tests.get(i), cpuNanos[i] / 1e6));
        }
        return sb.append(" (CPU)").toString();
    }
}
