package org.rareset.cli.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.rareset.association.multiple.SignificanceTable;
import org.rareset.core.formats.ResultRow;
import org.rareset.core.formats.ResultFile;
import org.rareset.association.run.SummaryWriter;

/**
 * Writes a small study for report tests: genes on three chromosomes, null p-values for most genes,
 * and known signal genes, for two traits and five tests (one p far below 1e-300).
 */
public final class ReportFixture {
    public static final String[] TESTS = {"burden", "skat", "skato", "acato", "deeprvat"};
    public static final int GENES = 150;

    private ReportFixture() {}

    public static String gene(int i) {
        return String.format(Locale.ROOT, "GENE%03d", i);
    }

    public static Path genesBed(Path dir) throws IOException {
        StringBuilder b = new StringBuilder("# chrom start end name\n");
        for (int i = 0; i < GENES; i++) {
            String chrom = "chr" + (1 + i % 3);
            long start = 10_000L * (i / 3 + 1);
            b.append(chrom).append('\t').append(start).append('\t').append(start + 5000).append('\t').append(gene(i)).append('\n');
        }
        Path p = dir.resolve("genes.bed");
        Files.writeString(p, b);
        return p;
    }

    /**
     * Results where, for QT, GENE007 is found by every test and GENE042 only by deeprvat, written with
     * assoc's own writers: the results table and its summary and significant side files.
     */
    public static Path results(Path dir) throws IOException {
        Random rnd = new Random(7);
        List<ResultRow> rows = new ArrayList<>();
        for (String trait : new String[] {"QT", "BT"}) {
            for (String test : TESTS) {
                for (String mask : new String[] {"plof", "missense"}) {
                    for (int i = 0; i < GENES; i++) {
                        double lp = Math.log10(rnd.nextDouble());
                        if (trait.equals("QT") && i == 7 && mask.equals("plof")) lp = test.equals("deeprvat") ? -400 : -12.5;
                        if (trait.equals("QT") && i == 42 && test.equals("deeprvat")) lp = -9.2;
                        if (trait.equals("BT") && i == 99 && test.startsWith("skat")) lp = -7.3;
                        boolean burden = test.startsWith("burden") || test.equals("deeprvat");
                        rows.add(new ResultRow(trait, gene(i), mask, test, 3 + i % 5, 10 + i % 7, 9 + i % 7,
                                burden ? 0.1 : Double.NaN, burden ? 0.05 : Double.NaN, lp));
                    }
                }
            }
        }
        Path p = dir.resolve("results.tsv");
        writeAsAssocDoes(p, rows, 0.05);
        return p;
    }

    /** The results and the side files, written as rareset assoc writes them. */
    public static void writeAsAssocDoes(Path out, List<ResultRow> rows, double alpha) throws IOException {
        ResultFile.write(out, rows);
        SignificanceTable<ResultRow> sig = new SignificanceTable<>(rows, ResultRow::phenotype, ResultRow::test, ResultRow::log10P, alpha);
        SummaryWriter.writeSummary(SummaryWriter.summaryPath(out), sig.summaries(), alpha);
        SummaryWriter.writeSignificantGenes(SummaryWriter.significantPath(out), sig.adjusted(), sig.summaries(), rows,
                org.rareset.core.formats.GeneInfo.Lookup.NONE);
        SummaryWriter.writeSignificantPerTest(SummaryWriter.significantPerTestPath(out), sig.adjusted(), sig.summaries());
    }
}
