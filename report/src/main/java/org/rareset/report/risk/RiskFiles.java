package org.rareset.report.risk;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rareset.association.risk.Bootstrap;
import org.rareset.association.risk.Enrichment;
import org.rareset.association.risk.RiskStratification;
import org.rareset.association.risk.TrainingGeneSelection;
import org.rareset.core.formats.PValueFormat;
import org.rareset.association.run.SummaryWriter;
import org.rareset.core.output.OutputFiles;

/**
 * The files of {@code rareset risk} for {@code OUT} = {@code <base>.tsv}, each written to a
 * temporary name and renamed when complete:
 * <ul>
 *   <li>{@code OUT}: the held-out individuals ({@code sample observed baseline_predicted
 *       baseline_percentile predicted percentile}) after {@code ##key=value} settings lines;</li>
 *   <li>{@code <base>.metrics.tsv}: {@code model metric estimate ci_low ci_high} for the baseline,
 *       the model with scores and their difference;</li>
 *   <li>{@code <base>.bins.tsv}: the trait per bin of predicted risk for both models;</li>
 *   <li>{@code <base>.genes.tsv}: the training-split test of every candidate gene.</li>
 * </ul>
 */
public final class RiskFiles {
    public static final String BASELINE = "baseline";
    public static final String WITH_SCORES = "with_scores";
    public static final String DIFFERENCE = "difference";

    private RiskFiles() {}

    public static Path metricsPath(Path out) { return sibling(out, ".metrics.tsv"); }
    public static Path binsPath(Path out) { return sibling(out, ".bins.tsv"); }
    public static Path genesPath(Path out) { return sibling(out, ".genes.tsv"); }

    private static Path sibling(Path out, String suffix) {
        Path b = SummaryWriter.base(out);
        return b.resolveSibling(b.getFileName() + suffix);
    }

    public static void writeIndividuals(Path out, Map<String, String> settings, List<String> samples, RiskStratification.Result r) throws IOException {
        OutputFiles.write(out, tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                for (Map.Entry<String, String> e : settings.entrySet()) w.write("##" + e.getKey() + "=" + e.getValue() + "\n");
                w.write("sample\tobserved\tbaseline_predicted\tbaseline_percentile\tpredicted\tpercentile\n");
                for (int i = 0; i < r.testIndex().length; i++) {
                    w.write(String.format(Locale.ROOT, "%s\t%s\t%.6g\t%.3f\t%.6g\t%.3f%n", samples.get(r.testIndex()[i]),
                            trim(r.observed()[i]), r.baseline().predicted()[i], r.baseline().percentile()[i],
                            r.withScores().predicted()[i], r.withScores().percentile()[i]));
                }
            }
        });
    }

    public static void writeMetrics(Path file, String metric, Bootstrap.Paired m) throws IOException {
        OutputFiles.write(file, tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write("model\tmetric\testimate\tci_low\tci_high\n");
                w.write(metricLine(BASELINE, metric, m.baseline()));
                w.write(metricLine(WITH_SCORES, metric, m.withScores()));
                w.write(metricLine(DIFFERENCE, metric, m.difference()));
            }
        });
    }

    private static String metricLine(String model, String metric, Bootstrap.Interval i) {
        return model + "\t" + metric + "\t" + num(i.estimate()) + "\t" + num(i.low()) + "\t" + num(i.high()) + "\n";
    }

    public static void writeBins(Path file, RiskStratification.Result r) throws IOException {
        OutputFiles.write(file, tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write("model\ttop_from\ttop_to\tn\tn_cases\tvalue\tci_low\tci_high\trelative\trelative_low\trelative_high\n");
                for (String model : List.of(BASELINE, WITH_SCORES)) {
                    for (Enrichment.Bin b : (model.equals(BASELINE) ? r.baseline() : r.withScores()).bins()) {
                        w.write(model + "\t" + trim(b.fromTop()) + "\t" + trim(b.toTop()) + "\t" + b.n() + "\t"
                                + (Double.isNaN(b.cases()) ? "NA" : Integer.toString((int) b.cases())) + "\t" + num(b.value()) + "\t"
                                + num(b.low()) + "\t" + num(b.high()) + "\t" + num(b.relative()) + "\t" + num(b.relativeLow()) + "\t"
                                + num(b.relativeHigh()) + "\n");
                    }
                }
            }
        });
    }

    public static void writeGenes(Path file, TrainingGeneSelection.Result sel) throws IOException {
        OutputFiles.write(file, tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write("gene\tn_carriers_train\tbeta\tse\tpval\tneg_log10p\tselected\tskipped\n");
                for (TrainingGeneSelection.Tested t : sel.genes()) {
                    boolean tested = !Double.isNaN(t.log10P());
                    w.write(t.gene() + "\t" + t.carriers() + "\t" + num(t.beta()) + "\t" + num(t.se()) + "\t"
                            + (tested ? PValueFormat.format(t.log10P(), 6) : "NA") + "\t" + (tested ? num(-t.log10P() + 0.0) : "NA") + "\t"
                            + (t.selected() ? 1 : 0) + "\t" + (t.skipped().isEmpty() ? "NA" : t.skipped()) + "\n");
                }
            }
        });
    }

    static String num(double v) {
        return Double.isNaN(v) ? "NA" : String.format(Locale.ROOT, "%.6g", v);
    }

    /** A number as short as it reads: integers without ".0", others rounded to 1e-9. */
    public static String trim(double v) {
        double r = Math.round(v * 1e9) / 1e9;
        return r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r);
    }
}
