package org.rareset.association.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.rareset.association.multiple.SignificanceTable;
import org.rareset.association.multiple.TraitSummary;

/**
 * The side files of a results file {@code <base>.<ext>}: {@code <base>.summary.tsv} (per phenotype
 * and test: inflation lambda, Bonferroni threshold, significant counts),
 * {@code <base>.significant.tsv} (rows with Benjamini-Hochberg q at most alpha, with their
 * adjusted values) and {@code <base>.skipped.tsv} (genes skipped per phenotype, mask and reason).
 */
public final class SummaryWriter {
    private SummaryWriter() {}

    /** The results path without its format extension ({@code .tsv}, {@code .tsv.gz}, {@code .parquet}...). */
    public static Path base(Path out) {
        String name = out.getFileName().toString();
        for (String ext : new String[] {".tsv.gz", ".txt.gz", ".csv.gz", ".tsv", ".txt", ".csv", ".parquet", ".pq", ".gz"}) {
            if (name.toLowerCase(Locale.ROOT).endsWith(ext) && name.length() > ext.length()) {
                name = name.substring(0, name.length() - ext.length());
                break;
            }
        }
        return out.resolveSibling(name);
    }

    public static Path summaryPath(Path out) { return sibling(out, ".summary.tsv"); }
    public static Path significantPath(Path out) { return sibling(out, ".significant.tsv"); }
    public static Path skippedPath(Path out) { return sibling(out, ".skipped.tsv"); }

    private static Path sibling(Path out, String suffix) {
        Path b = base(out);
        return b.resolveSibling(b.getFileName() + suffix);
    }

    public static void writeSummary(Path file, List<TraitSummary> summaries, double alpha) throws IOException {
        AtomicOutput.write(file, tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write("phenotype\ttest\tn_tests\tlambda\talpha\tbonferroni_pval\tn_bonferroni\tn_bh_fdr\n");
                for (TraitSummary s : summaries) {
                    w.write(s.phenotype() + "\t" + s.test() + "\t" + s.nTests() + "\t"
                            + (Double.isNaN(s.lambda()) ? "NA" : String.format(Locale.ROOT, "%.4f", s.lambda())) + "\t"
                            + alpha + "\t" + PValueFormat.format(s.bonferroniLog10Threshold(), 6) + "\t"
                            + s.nBonferroni() + "\t" + s.nBenjaminiHochberg() + "\n");
                }
            }
        });
    }

    public static void writeSignificant(Path file, List<SignificanceTable.Adjusted<ResultRow>> adjusted) throws IOException {
        AtomicOutput.write(file, tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write("phenotype\tgene\tmask\ttest\tn_variants\tmac\tpval\tlog10p\tpval_bonferroni\tqval_bh\tbonferroni_significant\n");
                for (SignificanceTable.Adjusted<ResultRow> a : adjusted) {
                    if (!a.fdr()) continue;
                    ResultRow r = a.row();
                    w.write(r.phenotype() + "\t" + r.gene() + "\t" + r.mask() + "\t" + r.test() + "\t" + r.nVariants() + "\t"
                            + PValueFormat.number(r.mac()) + "\t" + PValueFormat.format(r.log10P(), 6) + "\t"
                            + PValueFormat.number(r.log10P()) + "\t" + PValueFormat.format(a.log10Bonferroni(), 6) + "\t"
                            + PValueFormat.format(a.log10Q(), 6) + "\t" + (a.bonferroni() ? 1 : 0) + "\n");
                }
            }
        });
    }

    public static void writeSkipped(Path file, List<AssociationRun.Skipped> skipped) throws IOException {
        AtomicOutput.write(file, tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write("phenotype\tmask\treason\tn_genes\n");
                for (AssociationRun.Skipped s : skipped) {
                    w.write(s.phenotype() + "\t" + s.mask() + "\t" + s.reason() + "\t" + s.genes() + "\n");
                }
            }
        });
    }
}
