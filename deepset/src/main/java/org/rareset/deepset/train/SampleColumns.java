package org.rareset.deepset.train;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rareset.core.formats.SampleTable;
import org.rareset.core.formats.SampleTableFile;
import org.rareset.core.table.MissingValues;

/**
 * Numeric per-sample columns (phenotypes, covariates) keyed by sample, read with the shared
 * {@link SampleTableFile} (its rules for sample ids, missing values and file types); one row per sample.
 */
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

    /** Reads the named columns ({@code null}: every column but the sample identifiers); missing cells become NaN. */
    static SampleColumns read(Path file, List<String> wanted, MissingValues missing) {
        SampleTable t = SampleTableFile.read(file, missing, wanted);
        Map<String, double[]> by = new HashMap<>();
        for (int r = 0; r < t.sampleCount(); r++) {
            double[] v = new double[t.columns().size()];
            for (int j = 0; j < v.length; j++) v[j] = t.value(j, r);
            by.put(t.samples().get(r), v);
        }
        return new SampleColumns(t.columns(), by);
    }
}
