package org.rareset.deepset.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rareset.annotate.InputException;

/** Numeric per-sample columns from a {@code sample col1 col2 ...} table (phenotypes, covariates). */
final class SampleColumns {
    private final List<String> columns;
    private final Map<String, double[]> bySample;

    private SampleColumns(List<String> columns, Map<String, double[]> bySample) {
        this.columns = columns;
        this.bySample = bySample;
    }

    List<String> columns() {
        return columns;
    }

    /** The sample's values in {@link #columns()} order (NaN missing), or null if absent. */
    double[] values(String sample) {
        return bySample.get(sample);
    }

    /**
     * Reads the named columns ({@code null}: every column but the first) keyed by the first column
     * ({@code sample}, or {@code IID}).
     */
    static SampleColumns read(Path file, List<String> wanted, String option) {
        try (TsvFile t = new TsvFile(file)) {
            int id = t.column("sample");
            if (id < 0) id = t.column("IID");
            if (id < 0) id = 0;
            List<String> cols = new ArrayList<>();
            if (wanted == null) {
                for (int i = 0; i < t.header().size(); i++) {
                    String h = t.header().get(i);
                    if (i != id && !h.equals("FID")) cols.add(h);
                }
            } else {
                cols.addAll(wanted);
            }
            int[] idx = new int[cols.size()];
            for (int j = 0; j < idx.length; j++) idx[j] = t.require(cols.get(j), "check " + option);
            Map<String, double[]> by = new HashMap<>();
            for (String[] f; (f = t.next()) != null; ) {
                double[] v = new double[idx.length];
                for (int j = 0; j < idx.length; j++) v[j] = t.number(f[idx[j]], cols.get(j));
                if (by.put(f[id], v) != null) {
                    throw InputException.atLine(file, t.line(), "sample " + f[id] + " appears twice", "keep one row per sample");
                }
            }
            return new SampleColumns(List.copyOf(cols), by);
        }
    }
}
