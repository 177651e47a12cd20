package org.rareset.core.table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rareset.core.InputException;

/**
 * A per-sample numeric table (phenotypes or covariates): sample identifiers from a {@code sample}
 * column or PLINK-style {@code FID IID} columns, and the other columns as numbers with missing
 * values as {@code NaN}.
 *
 * <p>With {@code FID IID} the sample is matched to genotypes by IID; {@code FID_IID} is kept for
 * REGENIE prediction files, which name samples that way.
 */
public final class SampleTable {
    /** Texts of non-finite numbers as other tools write them (R, numpy, pandas, Java). */
    private static final java.util.regex.Pattern NON_FINITE =
            java.util.regex.Pattern.compile("(?i)[+-]?(nan|inf|infinity)");
    private final String source;
    private final List<String> samples;
    private final List<String> fidIid;
    private final List<String> columns;
    private final double[][] values; // [column][row]
    private final Map<String, Integer> rowOf = new HashMap<>();

    private SampleTable(String source, List<String> samples, List<String> fidIid, List<String> columns, double[][] values) {
        this.source = source;
        this.samples = samples;
        this.fidIid = fidIid;
        this.columns = columns;
        this.values = values;
        for (int i = 0; i < samples.size(); i++) rowOf.put(samples.get(i), i);
    }

    /**
     * Reads every non-identifier column as numbers.
     *
     * @param wanted columns to keep (null = all), in this order; absent ones are an error
     */
    public static SampleTable from(TextTable t, MissingValues missing, List<String> wanted) {
        int sampleCol = t.indexOf("sample");
        int fidCol = t.indexOf("FID");
        int iidCol = t.indexOf("IID");
        if (sampleCol < 0 && iidCol < 0) sampleCol = t.indexOf("sample_id");
        if (sampleCol < 0 && iidCol < 0) {
            throw new InputException(t.source(), "line 1", "no sample column (columns: " + String.join(", ", t.columns()) + ")",
                    "name the sample column 'sample', or use PLINK-style 'FID IID' columns");
        }
        int idCol = iidCol >= 0 ? iidCol : sampleCol;
        List<Integer> keep = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (wanted == null) {
            for (int c = 0; c < t.columns().size(); c++) {
                if (c == idCol || c == fidCol || c == sampleCol) continue;
                keep.add(c);
                names.add(t.columns().get(c));
            }
        } else {
            for (String w : wanted) {
                int c = t.indexOf(w);
                if (c < 0 || c == idCol || c == fidCol) {
                    throw new InputException(t.source(), "line 1", "no column '" + w + "'",
                            "columns are: " + String.join(", ", t.columns()));
                }
                keep.add(c);
                names.add(t.columns().get(c));
            }
        }
        int n = t.rowCount();
        List<String> ids = new ArrayList<>(n);
        List<String> fidIids = new ArrayList<>(n);
        double[][] vals = new double[keep.size()][n];
        Map<String, Long> seen = new HashMap<>();
        for (int r = 0; r < n; r++) {
            String id = t.cell(r, idCol);
            if (id.isEmpty()) throw new InputException(t.source(), "line " + t.line(r), "empty sample identifier", null);
            Long previous = seen.put(id, t.line(r));
            if (previous != null) {
                throw new InputException(t.source(), "line " + t.line(r), "sample '" + id + "' appears twice (also line " + previous + ")",
                        "keep one row per sample");
            }
            ids.add(id);
            fidIids.add(fidCol >= 0 ? t.cell(r, fidCol) + "_" + id : id);
            for (int k = 0; k < keep.size(); k++) {
                vals[k][r] = parse(t, r, keep.get(k), missing);
            }
        }
        return new SampleTable(t.source(), ids, fidIids, names, vals);
    }

    private static double parse(TextTable t, int r, int c, MissingValues missing) {
        String cell = t.cell(r, c);
        if (missing.isMissing(cell)) return Double.NaN;
        double v;
        try {
            v = NON_FINITE.matcher(cell).matches() ? Double.NaN : Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new InputException(t.source(), "line " + t.line(r),
                    "column '" + t.columns().get(c) + "' value '" + cell + "' is not a number",
                    "use numbers; write missing values as NA (or set --missing); encode categories as 0/1 columns");
        }
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new InputException(t.source(), "line " + t.line(r),
                    "column '" + t.columns().get(c) + "' value '" + cell + "' is not finite",
                    "fix the value or write it as NA to mark it missing");
        }
        return missing.isMissingNumber(v) ? Double.NaN : v;
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
