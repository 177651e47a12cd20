package org.rareset.core.formats;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.rareset.core.InputException;
import org.rareset.core.table.Column;
import org.rareset.core.table.MissingValues;
import org.rareset.core.table.TableFiles;
import org.rareset.core.table.TableSchema;
import org.rareset.core.table.TextTable;

/**
 * The phenotype and covariate tables ({@code --pheno}, {@code --covar}) that {@code simulate} and
 * {@code import deeprvat} write and {@code assoc}, {@code seed-genes}, {@code train}, {@code risk} and
 * the pipeline's checks read: one row per sample, its column names and its one reader.
 *
 * <p><b>File</b>: TSV, CSV (quoted fields as RFC 4180), either gzipped, PLINK-style space-separated
 * text, or Parquet (see {@link TableFiles}); a UTF-8 byte-order mark is ignored.
 *
 * <p><b>Sample</b>: a {@code sample} column, or PLINK-style {@code FID IID} columns (the IID is the
 * sample; {@code FID_IID} is kept for REGENIE prediction files), else a {@code sample_id} column;
 * names are matched exactly first, then ignoring case. An empty identifier or one that appears twice
 * is an error naming the line.
 *
 * <p><b>Values</b>: every other column is a number. A cell is missing when {@link MissingValues}
 * says so (by default {@code NA}, {@code -9} (also as {@code -9.0}) and empty; {@code --missing}
 * changes it). A cell that is not a number, or is {@code NaN}/{@code Inf} in any spelling R, numpy,
 * pandas or Java use, is an error naming the line and column: such values usually come from a
 * broken upstream computation, so they are not taken as missing.
 */
public final class SampleTableFile {
    public static final String SAMPLE = "sample";
    public static final String SAMPLE_ID = "sample_id";
    public static final String FID = "FID";
    public static final String IID = "IID";

    /** Texts of non-finite numbers as other tools write them (R, numpy, pandas, Java). */
    private static final Pattern NON_FINITE = Pattern.compile("(?i)[+-]?(nan|inf|infinity)");

    private SampleTableFile() {}

    /** The schema {@code sample} then one number column per name, as writers of the table use it. */
    public static TableSchema schema(List<String> columns) {
        List<Column> all = new ArrayList<>();
        all.add(Column.string(SAMPLE));
        for (String c : columns) all.add(Column.float64(c));
        return new TableSchema(all);
    }

    /**
     * Reads a phenotype or covariate file.
     *
     * @param wanted columns to keep (null = every column but the sample identifiers), in this order;
     *               an absent one is an error
     * @throws InputException naming the file and line for every rule above
     */
    public static SampleTable read(Path file, MissingValues missing, List<String> wanted) {
        return parse(TableFiles.read(file), missing, wanted);
    }

    /** As {@link #read} from a table already read as text. */
    public static SampleTable parse(TextTable t, MissingValues missing, List<String> wanted) {
        int sampleCol = t.indexOf(SAMPLE);
        int fidCol = t.indexOf(FID);
        int iidCol = t.indexOf(IID);
        if (sampleCol < 0 && iidCol < 0) sampleCol = t.indexOf(SAMPLE_ID);
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
                vals[k][r] = number(t, r, keep.get(k), missing);
            }
        }
        return new SampleTable(t.source(), ids, fidIids, names, vals);
    }

    private static double number(TextTable t, int r, int c, MissingValues missing) {
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
}
