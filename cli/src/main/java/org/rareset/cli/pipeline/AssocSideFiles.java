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
import org.rareset.association.run.GeneInfo;
import org.rareset.association.run.ResultRow;
import org.rareset.association.run.SettingsWriter;
import org.rareset.association.run.SummaryWriter;
import org.rareset.report.ResultTableReader;

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
        List<ResultRow> rows = new ArrayList<>();
        for (org.rareset.report.ResultRow r : ResultTableReader.read(merged).rows()) {
            rows.add(new ResultRow(r.phenotype(), r.gene(), r.mask(), r.test(), r.nVariants(), r.mac(), r.nCarriers(), r.beta(), r.se(), r.log10P()));
        }
        SignificanceTable<ResultRow> sig = new SignificanceTable<>(rows, ResultRow::phenotype, ResultRow::test, ResultRow::log10P, alpha);
        SummaryWriter.writeSummary(SummaryWriter.summaryPath(merged), sig.summaries(), alpha);
        SummaryWriter.writeSignificantGenes(SummaryWriter.significantPath(merged), sig.adjusted(), sig.summaries(), rows, geneInfo(merged));
        SummaryWriter.writeSignificantPerTest(SummaryWriter.significantPerTestPath(merged), sig.adjusted(), sig.summaries());
        mergeSkipped(merged, chunks);
        mergeSettings(merged, chunks);
        return sig.summaries().size();
    }

    /** Gene names and positions as the merged results carry them (NA: unknown). */
    private static GeneInfo.Lookup geneInfo(Path merged) {
        Map<String, GeneInfo> genes = new LinkedHashMap<>();
        TextTable t = TableFiles.read(merged);
        int g = t.indexOf("gene"), name = t.indexOf("gene_name"), chrom = t.indexOf("chrom"), start = t.indexOf("start"), end = t.indexOf("end");
        if (name < 0 || chrom < 0 || start < 0 || end < 0) return GeneInfo.Lookup.NONE;
        for (int r = 0; r < t.rowCount(); r++) {
            if (!genes.containsKey(t.cell(r, g))) {
                genes.put(t.cell(r, g), new GeneInfo(text(t.cell(r, name)), text(t.cell(r, chrom)),
                        position(t.cell(r, start)), position(t.cell(r, end))));
            }
        }
        return gene -> genes.getOrDefault(gene, GeneInfo.UNKNOWN);
    }

    private static String text(String cell) {
        return cell == null || cell.isEmpty() || cell.equals("NA") ? null : cell;
    }

    private static long position(String cell) {
        return text(cell) == null ? -1 : Long.parseLong(cell);
    }

    private static double alpha(List<Path> chunks) {
        Double alpha = null;
        for (Path c : chunks) {
            Path s = SummaryWriter.summaryPath(c);
            TextTable t = TableFiles.read(s);
            int col = t.indexOf("alpha");
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
                String key = t.cell(r, t.indexOf("phenotype")) + "\t" + t.cell(r, t.indexOf("mask")) + "\t" + t.cell(r, t.indexOf("reason"));
                counts.merge(key, Long.parseLong(t.cell(r, t.indexOf("n_genes"))), Long::sum);
            }
        }
        OutputFiles.write(SummaryWriter.skippedPath(merged), tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write("phenotype\tmask\treason\tn_genes\n");
                for (Map.Entry<String, Long> e : counts.entrySet()) w.write(e.getKey() + "\t" + e.getValue() + "\n");
            }
        });
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
                if (row[0].equals(SettingsWriter.RUN) && row[1].equals("n_genes")) genes += Long.parseLong(row[2]);
                rows.add(row);
            }
            if (first == null) first = rows;
        }
        List<String[]> out = first;
        long total = genes;
        OutputFiles.write(SettingsWriter.path(merged), tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write("scope\tkey\tvalue\n");
                for (String[] r : out) {
                    String v = r[0].equals(SettingsWriter.RUN) && r[1].equals("n_genes") ? Long.toString(total) : r[2];
                    w.write(r[0] + "\t" + r[1] + "\t" + v + "\n");
                }
            }
        });
    }
}
