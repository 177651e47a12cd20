package org.rareset.core.formats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rareset.core.InputException;

/**
 * A per-sample numeric table (phenotypes or covariates) as {@link SampleTableFile} reads it: sample
 * identifiers, and the other columns as numbers with missing values as {@code NaN}.
 *
 * <p>With {@code FID IID} the sample is matched to genotypes by IID; {@code FID_IID} is kept for
 * REGENIE prediction files, which name samples that way.
 */
public final class SampleTable {
    private final String source;
    private final List<String> samples;
    private final List<String> fidIid;
    private final List<String> columns;
    private final double[][] values; // [column][row]
    private final Map<String, Integer> rowOf = new HashMap<>();

    SampleTable(String source, List<String> samples, List<String> fidIid, List<String> columns, double[][] values) {
        this.source = source;
        this.samples = samples;
        this.fidIid = fidIid;
        this.columns = columns;
        this.values = values;
        for (int i = 0; i < samples.size(); i++) rowOf.put(samples.get(i), i);
    }

    public String source() { return source; }
    public List<String> samples() { return samples; }
    public List<String> fidIid() { return fidIid; }
    public List<String> columns() { return columns; }
    public int sampleCount() { return samples.size(); }

    /** Row of the sample, -1 when absent. */
    public int rowOf(String sample) { return rowOf.getOrDefault(sample, -1); }

    public int columnIndex(String name) { return columns.indexOf(name); }

    /** Value of column c for row r; NaN when missing. */
    public double value(int column, int row) { return values[column][row]; }
}
