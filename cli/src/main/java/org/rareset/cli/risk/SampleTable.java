package org.rareset.cli.risk;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rareset.annotate.InputException;
import org.rareset.annotate.table.MissingValues;
import org.rareset.cli.report.TabularFile;

/**
 * Per-sample numeric columns from a phenotype or covariate table (TSV/CSV/Parquet) keyed by a
 * {@code sample} column or PLINK-style {@code FID IID} columns (IID is the sample). Missing values
 * (empty cells and the {@code --missing} texts, by default {@code NA} and {@code -9}, as in
 * {@code rareset assoc}) become NaN.
 */
public final class SampleTable {

    private final Path file;
    private final List<String> columns;
    private final Map<String, double[]> values;

    private SampleTable(Path file, List<String> columns, Map<String, double[]> values) {
        this.file = file;
        this.columns = columns;
        this.values = values;
    }

    /** Reads the named columns (all non-ID columns when {@code wanted} is null). */
    public static SampleTable read(Path file, List<String> wanted, MissingValues missing) {
        TabularFile t = TabularFile.read(file);
        Map<String, Integer> col = t.columns();
        Integer id = col.get("sample");
        if (id == null) id = col.get("iid");
        if (id == null) {
            throw InputException.of(file, "no 'sample' or 'FID IID' columns (header: " + String.join(" ", t.header()) + ")",
                    "name the sample column 'sample'");
        }
        List<String> names = new ArrayList<>();
        List<Integer> idx = new ArrayList<>();
        if (wanted == null) {
            for (int i = 0; i < t.header().size(); i++) {
                String h = t.header().get(i).trim().toLowerCase();
                if (!h.equals("sample") && !h.equals("fid") && !h.equals("iid")) {
                    names.add(t.header().get(i).trim());
                    idx.add(i);
                }
            }
        } else {
            for (String w : wanted) {
                Integer i = col.get(w.toLowerCase());
                if (i == null) throw InputException.of(file, "column '" + w + "' not found (header: " + String.join(" ", t.header()) + ")",
                        "check the trait or covariate name");
                names.add(w);
                idx.add(i);
            }
        }
        Map<String, double[]> values = new LinkedHashMap<>();
        for (int r = 0; r < t.records().size(); r++) {
            String[] f = t.records().get(r);
            double[] v = new double[idx.size()];
            for (int c = 0; c < v.length; c++) {
                String s = f[idx.get(c)].trim();
                if (missing.isMissing(s)) {
                    v[c] = Double.NaN;
                    continue;
                }
                try {
                    v[c] = Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    throw InputException.atLine(file, t.lines().get(r), "'" + s + "' in column " + names.get(c) + " is not a number",
                            "use NA for missing values (or set --missing)");
                }
                if (!Double.isFinite(v[c])) {
                    throw InputException.atLine(file, t.lines().get(r), "value " + s + " in column " + names.get(c) + " is not finite",
                            "use NA for missing values (or set --missing)");
                }
                if (missing.isMissingNumber(v[c])) v[c] = Double.NaN;
            }
            String sample = f[id].trim();
            if (values.put(sample, v) != null) {
                throw InputException.atLine(file, t.lines().get(r), "sample " + sample + " appears twice", "one row per sample");
            }
        }
        return new SampleTable(file, names, values);
    }

    public Path file() { return file; }
    public List<String> columns() { return columns; }
    public Map<String, double[]> values() { return values; }
}
