package org.rareset.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rareset.core.InputException;
import org.rareset.core.table.TableFiles;
import org.rareset.core.table.TextTable;

/**
 * Reads association result tables (TSV, optionally gzipped, with a header naming at least
 * {@code phenotype gene test pval}, as {@code rareset assoc} writes them with {@code mask
 * n_variants mac n_carriers beta se neg_log10p} and more).
 *
 * <p>{@code neg_log10p} is -log10 p (0 or positive) and preferred over {@code pval}, which
 * underflows. Files from before {@code neg_log10p} carry {@code log10p} = log10 p (negative); a
 * {@code log10p} column whose values are all non-negative is taken as -log10 p. Rows whose
 * p-value is missing are counted, not silently dropped: see {@link Table#skipped()}.
 */
public final class ResultTableReader {
    static final String[] REQUIRED = {"phenotype", "gene", "test", "pval"};

    /** Rows read from one or more files, and the number of rows without a p-value. */
    public record Table(List<ResultRow> rows, int skipped) {}

    private ResultTableReader() {}

    public static Table read(List<Path> files) {
        List<ResultRow> rows = new ArrayList<>();
        int skipped = 0;
        for (Path f : files) {
            Table t = read(f);
            rows.addAll(t.rows());
            skipped += t.skipped();
        }
        return new Table(rows, skipped);
    }

    /** Reads through the project's table reader (TSV, CSV with quoted fields, gzipped or not, Parquet). */
    public static Table read(Path file) {
        TextTable t = TableFiles.read(file);
        List<String[]> records = new ArrayList<>(t.rowCount());
        List<Long> lines = new ArrayList<>(t.rowCount());
        for (int r = 0; r < t.rowCount(); r++) {
            String[] f = new String[t.columns().size()];
            for (int c = 0; c < f.length; c++) f[c] = t.cell(r, c);
            records.add(f);
            lines.add(t.line(r));
        }
        return toRows(file, t.columns(), records, lines);
    }

    private static Table toRows(Path file, List<String> header, List<String[]> records, List<Long> lines) {
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < header.size(); i++) col.put(header.get(i).trim().toLowerCase(), i);
        for (String req : REQUIRED) {
            if (!col.containsKey(req)) {
                throw InputException.of(file, "column '" + req + "' is missing (header: " + String.join(" ", header) + ")",
                        "expected the columns phenotype gene mask test n_variants mac n_carriers beta se pval neg_log10p");
            }
        }
        List<ResultRow> rows = new ArrayList<>(records.size());
        List<double[]> logs = new ArrayList<>();
        int skipped = 0;
        boolean sawPositiveLog = false;
        boolean sawNegativeLog = false;
        for (int i = 0; i < records.size(); i++) {
            String[] f = records.get(i);
            long line = lines.get(i);
            double p = num(f, col.get("pval"), file, line, "pval");
            double lp = col.containsKey("neg_log10p") ? 0.0 - num(f, col.get("neg_log10p"), file, line, "neg_log10p")
                    : col.containsKey("log10p") ? num(f, col.get("log10p"), file, line, "log10p") : Double.NaN;
            if (Double.isNaN(lp) && !Double.isNaN(p)) lp = Math.log10(p);
            if (Double.isNaN(lp)) {
                skipped++;
                continue;
            }
            if (lp > 0) sawPositiveLog = true;
            if (lp < 0) sawNegativeLog = true;
            rows.add(new ResultRow(str(f, col.get("phenotype")), str(f, col.get("gene")),
                    col.containsKey("mask") ? str(f, col.get("mask")) : "all",
                    str(f, col.get("test")),
                    (int) orNaN(f, col.get("n_variants"), file, line),
                    orNaN(f, col.get("mac"), file, line),
                    (int) orNaN(f, col.get("n_carriers"), file, line),
                    orNaN(f, col.get("beta"), file, line), orNaN(f, col.get("se"), file, line), p, lp));
        }
        if (col.containsKey("neg_log10p") && sawPositiveLog) {
            throw InputException.of(file, "column neg_log10p has negative values",
                    "neg_log10p must be -log10 of the p-value (>= 0)");
        }
        if (sawPositiveLog && sawNegativeLog) {
            throw InputException.of(file, "column log10p has both positive and negative values",
                    "log10p must be log10 of the p-value (<= 0)");
        }
        if (sawPositiveLog) { // the file carries -log10 p: convert
            rows.replaceAll(r -> new ResultRow(r.phenotype(), r.gene(), r.mask(), r.test(), r.nVariants(), r.mac(),
                    r.nCarriers(), r.beta(), r.se(), r.pval(), -r.log10P()));
        }
        return new Table(rows, skipped);
    }

    private static String str(String[] f, int i) {
        return f[i].trim();
    }

    private static double orNaN(String[] f, Integer i, Path file, long line) {
        return i == null ? Double.NaN : num(f, i, file, line, null);
    }

    private static double num(String[] f, int i, Path file, long line, String what) {
        String s = f[i].trim();
        if (s.isEmpty() || s.equalsIgnoreCase("NA") || s.equalsIgnoreCase("nan")) return Double.NaN;
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw InputException.atLine(file, line, "'" + s + "' is not a number" + (what == null ? "" : " in column " + what),
                    "use NA for missing values");
        }
    }
}
