package org.rareset.association.run;

import org.rareset.core.formats.AssocSideFile;
import org.rareset.core.formats.GeneInfo;
import org.rareset.core.formats.PValueFormat;
import org.rareset.core.formats.ResultFile;
import org.rareset.core.formats.ResultRow;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.rareset.association.multiple.SignificanceTable;
import org.rareset.association.multiple.TraitSummary;
import org.rareset.core.output.OutputFiles;

/**
 * The side files of a results file {@code <base>.<ext>}: {@code <base>.summary.tsv} (per phenotype
 * and test: what was counted, inflation lambda, Bonferroni threshold, significant counts),
 * {@code <base>.significant.tsv} (the per-gene list: genes whose gene-level p, the GENE_P omnibus
 * or the score test of {@code --scores}, has a Benjamini-Hochberg q over the trait's genes at most
 * alpha, with Bonferroni over genes), {@code <base>.significant_per_test.tsv} (gene x mask rows
 * at FDR alpha within their own test) and {@code <base>.skipped.tsv} (genes skipped per
 * phenotype, mask and reason).
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
    public static Path significantPerTestPath(Path out) { return sibling(out, ".significant_per_test.tsv"); }
    public static Path skippedPath(Path out) { return sibling(out, ".skipped.tsv"); }

    private static Path sibling(Path out, String suffix) {
        Path b = base(out);
        return b.resolveSibling(b.getFileName() + suffix);
    }

    /** True for tests with one row per gene and trait (the omnibus, gene scores): they count genes. */
    public static boolean perGene(String test) {
        return test.equals(GeneOmnibus.TEST) || test.equals(AssociationRun.SCORE_TEST);
    }

    /** What a test's counts count: {@code genes} or {@code gene x mask rows}. */
    public static String unit(String test) {
        return perGene(test) ? "genes" : "gene x mask rows";
    }

    public static void writeSummary(Path file, List<TraitSummary> summaries, double alpha) throws IOException {
        OutputFiles.write(file, tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write(AssocSideFile.header(AssocSideFile.Summary.COLUMNS));
                for (TraitSummary s : summaries) {
                    w.write(s.phenotype() + "\t" + s.test() + "\t" + unit(s.test()) + "\t" + s.nTests() + "\t"
                            + (Double.isNaN(s.lambda()) ? "NA" : String.format(Locale.ROOT, "%.4f", s.lambda())) + "\t"
                            + alpha + "\t" + PValueFormat.format(s.bonferroniLog10Threshold(), 6) + "\t"
                            + s.nBonferroni() + "\t" + s.nBenjaminiHochberg() + "\n");
                }
            }
        });
    }

    /**
     * The per-gene list: rows of the gene-level test (GENE_P omnibus, or the score test when there
     * is no omnibus) whose BH q over the trait's genes is at most alpha, most significant first per
     * trait, with the gene's best single row (smallest p over masks and tests) beside it.
     */
    public static void writeSignificantGenes(Path file, List<SignificanceTable.Adjusted<ResultRow>> adjusted,
                                             List<TraitSummary> summaries, List<ResultRow> rows,
                                             GeneInfo.Lookup genes) throws IOException {
        boolean hasOmnibus = rows.stream().anyMatch(r -> r.test().equals(GeneOmnibus.TEST));
        String geneTest = hasOmnibus ? GeneOmnibus.TEST : AssociationRun.SCORE_TEST;
        Map<String, ResultRow> best = new HashMap<>();
        for (ResultRow r : rows) {
            if (perGene(r.test()) || Double.isNaN(r.log10P())) continue;
            best.merge(r.phenotype() + "\t" + r.gene(), r, (a, b) -> b.log10P() < a.log10P() ? b : a);
        }
        Map<String, Integer> nGenes = new HashMap<>();
        for (TraitSummary s : summaries) if (s.test().equals(geneTest)) nGenes.put(s.phenotype(), s.nTests());
        List<SignificanceTable.Adjusted<ResultRow>> listed = new ArrayList<>();
        for (SignificanceTable.Adjusted<ResultRow> a : adjusted) {
            if (a.fdr() && a.row().test().equals(geneTest)) listed.add(a);
        }
        listed.sort(Comparator.comparing((SignificanceTable.Adjusted<ResultRow> a) -> a.row().phenotype())
                .thenComparingDouble(a -> a.row().log10P()));
        OutputFiles.write(file, tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write(AssocSideFile.header(AssocSideFile.SignificantGenes.COLUMNS));
                for (SignificanceTable.Adjusted<ResultRow> a : listed) {
                    ResultRow r = a.row();
                    GeneInfo g = genes.of(r.gene());
                    ResultRow b = best.get(r.phenotype() + "\t" + r.gene());
                    w.write(r.phenotype() + "\t" + r.gene() + "\t" + ResultFile.text(g.name()) + "\t"
                            + ResultFile.text(g.chrom()) + "\t" + ResultFile.position(g.start()) + "\t"
                            + ResultFile.position(g.end()) + "\t" + r.test() + "\t"
                            + PValueFormat.format(r.log10P(), 6) + "\t" + PValueFormat.negLog10(r.log10P()) + "\t"
                            + nGenes.getOrDefault(r.phenotype(), 0) + "\t"
                            + PValueFormat.format(a.log10Bonferroni(), 6) + "\t" + PValueFormat.format(a.log10Q(), 6) + "\t"
                            + (a.bonferroni() ? 1 : 0) + "\t" + (b == null ? "NA\tNA\tNA" : b.mask() + "\t" + b.test()
                            + "\t" + PValueFormat.format(b.log10P(), 6)) + "\n");
                }
            }
        });
    }

    /**
     * Per test: gene x mask rows whose BH q within their own phenotype x test family is at most
     * alpha. Gene-level rows (omnibus, score) are in {@link #writeSignificantGenes} instead.
     */
    public static void writeSignificantPerTest(Path file, List<SignificanceTable.Adjusted<ResultRow>> adjusted,
                                               List<TraitSummary> summaries) throws IOException {
        Map<String, Integer> nTests = new HashMap<>();
        for (TraitSummary s : summaries) nTests.put(s.phenotype() + "\t" + s.test(), s.nTests());
        OutputFiles.write(file, tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write(AssocSideFile.header(AssocSideFile.SignificantPerTest.COLUMNS));
                for (SignificanceTable.Adjusted<ResultRow> a : adjusted) {
                    if (!a.fdr() || perGene(a.row().test())) continue;
                    ResultRow r = a.row();
                    w.write(r.phenotype() + "\t" + r.gene() + "\t" + r.mask() + "\t" + r.test() + "\t" + r.nVariants() + "\t"
                            + PValueFormat.number(r.mac()) + "\t" + PValueFormat.format(r.log10P(), 6) + "\t"
                            + PValueFormat.negLog10(r.log10P()) + "\t" + nTests.getOrDefault(r.phenotype() + "\t" + r.test(), 0) + "\t"
                            + PValueFormat.format(a.log10Bonferroni(), 6) + "\t"
                            + PValueFormat.format(a.log10Q(), 6) + "\t" + (a.bonferroni() ? 1 : 0) + "\n");
                }
            }
        });
    }

    public static void writeSkipped(Path file, List<AssociationRun.Skipped> skipped) throws IOException {
        OutputFiles.write(file, tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write(AssocSideFile.header(AssocSideFile.Skipped.COLUMNS));
                for (AssociationRun.Skipped s : skipped) {
                    w.write(s.phenotype() + "\t" + s.mask() + "\t" + s.reason() + "\t" + s.genes() + "\n");
                }
            }
        });
    }
}
