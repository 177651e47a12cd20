package org.rareset.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.rareset.core.InputException;
import org.rareset.core.expr.ColumnExpression;
import org.rareset.core.expr.ColumnValues;
import org.rareset.core.table.Row;
import org.rareset.core.table.TableReader;
import org.rareset.core.table.TableReaders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Prints any RareSet table (Parquet, TSV or CSV, gzipped or not) as TSV on stdout, optionally
 * restricted to some columns, to rows passing an expression and to the first rows, so Parquet
 * outputs can be read without outside tools. Rows stream: memory stays flat.
 */
@Command(name = "view", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print a RareSet table (results, scores, annotations: Parquet, TSV or CSV, gzipped or not) as TSV on stdout.",
                "",
                "Examples:",
                "  rareset view results.parquet --head 20",
                "  rareset view results.parquet --columns gene,mask,test,pval \\",
                "      --where \"pval < 1e-6 && test == 'skato'\"",
                "",
                "--where uses the mask expression language (== != < <= > >= && || ! and parentheses, quoted text",
                "compares text); a missing value fails every comparison."})
public final class ViewCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The table: .parquet, or text (TSV/CSV, gzipped or not).")
    Path file;

    @Option(names = "--columns", split = ",", paramLabel = "NAME", description = "Columns to print, in this order (default: all).")
    List<String> columns;

    @Option(names = "--where", paramLabel = "EXPR", description = "Print only rows passing this expression, e.g. \"pval < 0.05 && mask == 'plof'\".")
    String where;

    @Option(names = "--head", defaultValue = "-1", paramLabel = "N", description = "Print at most N rows (default: all).")
    long head;

    @Option(names = "--debug", description = "Print stack traces for errors.")
    boolean debug;

    @Override
    public Integer call() {
        if (head < -1) throw new InputException(null, null, "--head " + head + " is negative", "give a row count, e.g. --head 20");
        PrintWriter out = spec.commandLine().getOut();
        try (TableReader reader = TableReaders.open(file)) {
            List<String> header = reader.columns();
            int[] shown = selectColumns(header);
            ColumnExpression expression = null;
            int[] bound = null;
            if (where != null) {
                ColumnExpression.Syntax syntax = new ColumnExpression.Syntax(ColumnExpression.Missing.FAILS_EVERY_COMPARISON, true, true,
                        (problem, offset) -> new InputException(null, null,
                                "--where '" + where + "': " + problem + " at character " + (offset + 1),
                                "write comparisons like pval < 1e-6 joined with && || ! and parentheses"));
                expression = ColumnExpression.parse(where, syntax);
                bound = expression.bind(header, file.toString(), "--where");
            }
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < shown.length; i++) sb.append(i > 0 ? "\t" : "").append(header.get(shown[i]));
            out.println(sb);
            long printed = 0;
            for (Row row : reader) {
                if (head >= 0 && printed >= head) break;
                if (expression != null && !expression.test(values(row, bound))) continue;
                sb.setLength(0);
                for (int i = 0; i < shown.length; i++) {
                    String v = row.getString(shown[i]);
                    sb.append(i > 0 ? "\t" : "").append(v == null ? "NA" : v);
                }
                out.println(sb);
                printed++;
            }
            out.flush();
        }
        return 0;
    }

    private int[] selectColumns(List<String> header) {
        if (columns == null || columns.isEmpty()) {
            int[] all = new int[header.size()];
            for (int i = 0; i < all.length; i++) all[i] = i;
            return all;
        }
        List<Integer> idx = new ArrayList<>();
        for (String c : columns) {
            int i = header.indexOf(c.strip());
            if (i < 0) {
                throw InputException.of(file, "no column '" + c.strip() + "'", "columns are: " + String.join(", ", header));
            }
            idx.add(i);
        }
        return idx.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A row's cells as the expression sees them: text as is, numbers parsed, a non-number as NaN. */
    private static ColumnValues values(Row row, int[] bound) {
        return new ColumnValues() {
            @Override
            public double number(int slot) {
                String s = row.getString(bound[slot]);
                if (s == null) return Double.NaN;
                try {
                    return Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    return Double.NaN;
                }
            }

            @Override
            public String text(int slot) {
                return row.getString(bound[slot]);
            }
        };
    }
}
