package org.rareset.association.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Per-test totals and the slowest gene x mask of each test over a run, from {@link GeneTiming}s
 * handed in by worker threads (thread-safe).
 */
public final class GeneTimingSummary implements Consumer<GeneTiming> {
    private final Map<String, long[]> totals = new LinkedHashMap<>(); // test -> {sum of CPU ns, count}
    private final Map<String, GeneTiming> slowest = new LinkedHashMap<>();

    @Override
    public synchronized void accept(GeneTiming t) {
        for (String test : t.tests()) {
            long ns = t.cpuNanosOf(test);
            long[] tot = totals.computeIfAbsent(test, k -> new long[2]);
            tot[0] += ns;
            tot[1]++;
            GeneTiming s = slowest.get(test);
            if (s == null || ns > s.cpuNanosOf(test)) slowest.put(test, t);
        }
    }

    /**
     * One line per test: {@code timing skato: 12.34 s CPU over 300 gene x mask, slowest NB1 GENE7 all m=120 81.20 ms}.
     */
    public synchronized List<String> lines() {
        List<String> out = new ArrayList<>();
        totals.forEach((test, tot) -> {
            GeneTiming s = slowest.get(test);
            out.add(String.format(Locale.ROOT, "timing %s: %.2f s CPU over %d gene x mask, slowest %s %s %s m=%d %.2f ms",
                    test, tot[0] / 1e9, tot[1], s.phenotype(), s.gene(), s.mask(), s.nVariants(), s.cpuNanosOf(test) / 1e6));
        });
        return out;
    }
}
