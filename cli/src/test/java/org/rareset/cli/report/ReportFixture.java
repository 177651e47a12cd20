package org.rareset.cli.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

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

    /** Results where, for QT, GENE007 is found by every test and GENE042 only by deeprvat. */
    public static Path results(Path dir) throws IOException {
        Random rnd = new Random(7);
        List<String> lines = new ArrayList<>();
        lines.add("phenotype\tgene\tmask\ttest\tn_variants\tmac\tn_carriers\tbeta\tse\tpval\tneg_log10p");
        for (String trait : new String[] {"QT", "BT"}) {
            for (String test : TESTS) {
                for (String mask : new String[] {"plof", "missense"}) {
                    for (int i = 0; i < GENES; i++) {
                        double lp = Math.log10(rnd.nextDouble());
                        if (trait.equals("QT") && i == 7 && mask.equals("plof")) lp = test.equals("deeprvat") ? -400 : -12.5;
                        if (trait.equals("QT") && i == 42 && test.equals("deeprvat")) lp = -9.2;
                        if (trait.equals("BT") && i == 99 && test.startsWith("skat")) lp = -7.3;
                        double p = Math.pow(10, lp);
                        lines.add(String.format(Locale.ROOT, "%s\t%s\t%s\t%s\t%d\t%d\t%d\t%s\t%s\t%s\t%.6f", trait, gene(i), mask, test,
                                3 + i % 5, 10 + i % 7, 9 + i % 7, test.startsWith("burden") || test.equals("deeprvat") ? "0.1" : "NA",
                                test.startsWith("burden") || test.equals("deeprvat") ? "0.05" : "NA", p == 0 ? "0" : Double.toString(p), -lp));
                    }
                }
            }
        }
        Path p = dir.resolve("results.tsv");
        Files.write(p, lines);
        return p;
    }
}
