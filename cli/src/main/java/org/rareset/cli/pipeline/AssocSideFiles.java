package org.rareset.cli.pipeline;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rareset.core.InputException;
import org.rareset.core.output.OutputFiles;
import org.rareset.core.table.TableFiles;
import org.rareset.core.table.TextTable;
import org.rareset.association.multiple.SignificanceTable;
import org.rareset.core.formats.AssocSideFile;
import org.rareset.core.formats.ResultFile;
import org.rareset.core.formats.ResultRow;
import org.rareset.association.run.SettingsWriter;
import org.rareset.association.run.SummaryWriter;

/**
 * The side files of merged {@code assoc} chunks. Each chunk's {@code summary.tsv},
 * {@code significant.tsv} and {@code significant_per_test.tsv} describe that chunk alone (lambda of its genes, Bonferroni over its rows),
 * so after merging they are computed again over every row with assoc's own code
 * ({@link SignificanceTable}, {@link SummaryWriter}) and the chunks' alpha; {@code skipped.tsv} is
 * summed over the chunks and {@code settings.tsv} is the first chunk's with {@code n_genes} summed.
 */
public final class AssocSideFiles {
    private AssocSideFiles() {}

    /** True when every chunk has the summary assoc writes beside its results. */
    public static boolean present(List<Path> chunks) {
        return chunks.stream().allMatch(c -> Files.isRegularFile(SummaryWriter.summaryPath(c)));
    }

    /** @return the number of phenotype x test summaries written */
    public static int write(Path merged, List<Path> chunks) throws IOException {
        double alpha = alpha(chunks);
        ResultFile.Table table = ResultFile.read(merged);
        List<ResultRow> rows = table.rows();
        SignificanceTable<ResultRow> sig = new SignificanceTable<>(rows, ResultRow::phenotype, ResultRow::test, ResultRow::log10P, alpha);
        SummaryWriter.writeSummary(SummaryWriter.summaryPath(merged), sig.summaries(), alpha);
        SummaryWriter.writeSignificantGenes(SummaryWriter.significantPath(merged), sig.adjusted(), sig.summaries(), rows, table.genes());
        SummaryWriter.writeSignificantPerTest(SummaryWriter.significantPerTestPath(merged), sig.adjusted(), sig.summaries());
        mergeSkipped(merged, chunks);
        mergeSettings(merged, chunks);
        return sig.summaries().size();
    }

    private static double alpha(List<Path> chunks) {
        Double alpha = null;
        for (Path c : chunks) {
            Path s = SummaryWriter.summaryPath(c);
            TextTable t = TableFiles.read(s);
            int col = t.indexOf(AssocSideFile.Summary.ALPHA);
            for (int r = 0; r < t.rowCount(); r++) {
                double a = Double.parseDouble(t.cell(r, col));
                if (alpha == null) alpha = a;
                else if (a != alpha) throw InputException.atLine(s, t.line(r), "alpha " + a + " differs from the other chunks' " + alpha,
                        "run every chunk with the same --alpha");
            }
        }
        return alpha == null ? 0.05 : alpha;
    }

    private static void mergeSkipped(Path merged, List<Path> chunks) throws IOException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Path c : chunks) {
            Path s = SummaryWriter.skippedPath(c);
            if (!Files.isRegularFile(s)) return;
            TextTable t = TableFiles.read(s);
            for (int r = 0; r < t.rowCount(); r++) {
                String key = t.cell(r, t.indexOf(AssocSideFile.PHENOTYPE)) + "\t" + t.cell(r, t.indexOf(AssocSideFile.MASK)) + "\t"
                        + t.cell(r, t.indexOf(AssocSideFile.Skipped.REASON));
                counts.merge(key, Long.parseLong(t.cell(r, t.indexOf(AssocSideFile.Skipped.N_GENES))), Long::sum);
            }
        }
        List<Map.Entry<String, Long>> rows = inRunOrder(counts, traitOrder(chunks));
        OutputFiles.write(SummaryWriter.skippedPath(merged), tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write(AssocSideFile.header(AssocSideFile.Skipped.COLUMNS));
                for (Map.Entry<String, Long> e : rows) w.write(e.getKey() + "\t" + e.getValue() + "\n");
            }
        });
    }

    /**
     * Skipped rows in the order one run writes them (AssociationRun): per trait in the run's trait
     * order, by mask, then by reason; then the traits left out whole (mask '*') as they come. A
     * chunk where some gene is skipped for a reason another chunk does not see would otherwise put
     * that row in a different place.
     */
    static List<Map.Entry<String, Long>> inRunOrder(Map<String, Long> counts, List<String> traits) {
        List<Map.Entry<String, Long>> rows = new ArrayList<>(counts.entrySet());
        java.util.Comparator<Map.Entry<String, Long>> order = java.util.Comparator.comparing(e -> e.getKey().split("\t", -1)[1].equals("*"));
        order = order.thenComparing(e -> {
            String[] f = e.getKey().split("\t", -1);
            if (f[1].equals("*")) return 0;
            int t = traits.indexOf(f[0]);
            return t < 0 ? Integer.MAX_VALUE : t;
        }).thenComparing(e -> {
            String[] f = e.getKey().split("\t", -1);
            return f[1].equals("*") ? "" : f[1] + "\u0000" + f[2];
        });
        rows.sort(order); // stable: the left-out traits keep their order
        return rows;
    }

    /** The analysed traits in the run's order: the trait scopes of the first chunk's settings.tsv (empty without one). */
    private static List<String> traitOrder(List<Path> chunks) {
        List<String> traits = new ArrayList<>();
        Path s = SettingsWriter.path(chunks.get(0));
        if (!Files.isRegularFile(s)) return traits;
        TextTable t = TableFiles.read(s);
        for (int r = 0; r < t.rowCount(); r++) {
            String scope = t.cell(r, 0);
            if (!scope.equals(AssocSideFile.Settings.RUN) && !traits.contains(scope)) traits.add(scope);
        }
        return traits;
    }

    private static void mergeSettings(Path merged, List<Path> chunks) throws IOException {
        long genes = 0;
        List<String[]> first = null;
        for (Path c : chunks) {
            Path s = SettingsWriter.path(c);
            if (!Files.isRegularFile(s)) return;
            TextTable t = TableFiles.read(s);
            List<String[]> rows = new ArrayList<>();
            for (int r = 0; r < t.rowCount(); r++) {
                String[] row = {t.cell(r, 0), t.cell(r, 1), t.cell(r, 2)};
                if (row[0].equals(AssocSideFile.Settings.RUN) && row[1].equals(AssocSideFile.Settings.N_GENES)) genes += Long.parseLong(row[2]);
                rows.add(row);
            }
            if (first == null) first = rows;
        }
        List<String[]> out = first;
        long total = genes;
        OutputFiles.write(SettingsWriter.path(merged), tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write(AssocSideFile.header(AssocSideFile.Settings.COLUMNS));
                for (String[] r : out) {
                    String v = r[0].equals(AssocSideFile.Settings.RUN) && r[1].equals(AssocSideFile.Settings.N_GENES) ? Long.toString(total) : r[2];
                    w.write(r[0] + "\t" + r[1] + "\t" + v + "\n");
                }
            }
        });
    }
}
