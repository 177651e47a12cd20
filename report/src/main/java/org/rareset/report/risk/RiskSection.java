package org.rareset.report.risk;

import static org.rareset.report.plot.SvgCanvas.escape;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.rareset.core.InputException;
import org.rareset.core.table.TableFiles;
import org.rareset.core.table.TextTable;
import org.rareset.report.ReportSection;
import org.rareset.report.StudyReport;

/**
 * The report's risk-stratification section for one {@code rareset risk} output: its settings
 * ({@code ##key=value} lines of the individuals file), and the metrics and bins files as written,
 * so the report shows exactly what the risk step computed.
 */
public final class RiskSection {
    private RiskSection() {}

    /** @param linkFrom the report's folder, for relative links to the risk files */
    public static ReportSection fromTable(Path file, Path linkFrom) {
        Map<String, String> meta = settings(file);
        if (!meta.containsKey("trait")) {
            throw InputException.of(file, "not a risk table (no '##trait=' line)", "give files written by 'rareset risk'");
        }
        boolean binary = "binary".equals(meta.get("trait_type"));
        TextTable metrics = TableFiles.read(require(RiskFiles.metricsPath(file)));
        TextTable bins = TableFiles.read(require(RiskFiles.binsPath(file)));
        StringBuilder b = new StringBuilder();
        String genes = meta.getOrDefault("genes", "");
        b.append("<p>Trait <b>").append(escape(meta.get("trait"))).append("</b> (").append(escape(meta.getOrDefault("trait_type", "")))
                .append("). Two ").append(binary ? "logistic" : "linear").append(" models fitted on the same ")
                .append(escape(meta.getOrDefault("n_train", "?"))).append(" training samples and evaluated on the same ")
                .append(escape(meta.getOrDefault("n_test", "?"))).append(" held-out samples")
                .append(binary ? " (" + escape(meta.getOrDefault("n_test_cases", "?")) + " cases)" : "")
                .append(": the <b>baseline</b> of covariates (").append(escape(meta.getOrDefault("covariates", "")))
                .append(") and the baseline <b>with the impairment scores</b> of ")
                .append(genes.isEmpty() ? "no gene (none was chosen, so both models are the baseline)" : escape(genes))
                .append(". Genes: ").append(escape(meta.getOrDefault("gene_selection", "?"))).append(".</p>\n");

        String metric = binary ? "AUC" : "R<sup>2</sup> (held out)";
        b.append("<table class=\"compact\"><thead><tr><th>model</th><th>").append(metric)
                .append("</th><th>95% bootstrap interval</th></tr></thead><tbody>\n");
        int model = metrics.indexOf("model"), est = metrics.indexOf("estimate"), lo = metrics.indexOf("ci_low"), hi = metrics.indexOf("ci_high");
        for (int r = 0; r < metrics.rowCount(); r++) {
            String m = metrics.cell(r, model);
            String label = switch (m) {
                case RiskFiles.BASELINE -> "covariates only";
                case RiskFiles.WITH_SCORES -> "covariates + gene scores";
                default -> "difference (what the scores add)";
            };
            b.append("<tr><td>").append(label).append("</td><td>").append(f(metrics.cell(r, est), 3)).append("</td><td>")
                    .append(f(metrics.cell(r, lo), 3)).append(" to ").append(f(metrics.cell(r, hi), 3)).append("</td></tr>\n");
        }
        b.append("</tbody></table>\n<p class=\"note\">").append(escape(meta.getOrDefault("bootstrap", "?")))
                .append(" bootstrap replicates of the held-out samples")
                .append(binary ? " (cases and controls drawn separately)" : "")
                .append("; the models are not refitted, so the intervals cover the evaluation, not the fitting.</p>\n");

        b.append("<table class=\"compact\"><thead><tr><th rowspan=\"2\">bin of predicted risk</th>")
                .append("<th colspan=\"").append(binary ? 4 : 3).append("\">covariates only</th><th colspan=\"").append(binary ? 4 : 3)
                .append("\">covariates + gene scores</th></tr><tr>");
        for (int k = 0; k < 2; k++) {
            b.append(binary ? "<th>n</th><th>cases</th><th>case rate (95% CI)</th><th>ratio to all</th>"
                    : "<th>n</th><th>mean trait (95% CI)</th><th>difference to all</th>");
        }
        b.append("</tr></thead><tbody>\n");
        int bm = bins.indexOf("model"), from = bins.indexOf("top_from"), to = bins.indexOf("top_to"), n = bins.indexOf("n"),
                cases = bins.indexOf("n_cases"), value = bins.indexOf("value"), vlo = bins.indexOf("ci_low"), vhi = bins.indexOf("ci_high"),
                rel = bins.indexOf("relative"), rlo = bins.indexOf("relative_low"), rhi = bins.indexOf("relative_high");
        int perModel = bins.rowCount() / 2;
        for (int r = 0; r < perModel; r++) {
            double a = Double.parseDouble(bins.cell(r, from)) * 100, z = Double.parseDouble(bins.cell(r, to)) * 100;
            b.append("<tr><td>").append(a == 0 ? "top " + RiskFiles.trim(z) + "%" : RiskFiles.trim(a) + "-" + RiskFiles.trim(z) + "%").append("</td>");
            for (int row : new int[] {r, r + perModel}) {
                if (!bins.cell(row, bm).equals(row == r ? RiskFiles.BASELINE : RiskFiles.WITH_SCORES)) {
                    throw InputException.of(RiskFiles.binsPath(file), "rows are not baseline bins then with_scores bins", "give files written by 'rareset risk'");
                }
                b.append("<td>").append(bins.cell(row, n)).append("</td>");
                if (binary) b.append("<td>").append(bins.cell(row, cases)).append("</td>");
                b.append("<td>").append(f(bins.cell(row, value), binary ? 3 : 2)).append(" <small>(").append(f(bins.cell(row, vlo), binary ? 3 : 2))
                        .append(" to ").append(f(bins.cell(row, vhi), binary ? 3 : 2)).append(")</small></td><td>")
                        .append(f(bins.cell(row, rel), 2)).append(" <small>(").append(f(bins.cell(row, rlo), 2)).append(" to ")
                        .append(f(bins.cell(row, rhi), 2)).append(")</small></td>");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody></table>\n<p class=\"note\">").append(binary
                ? "Case rate with its exact (Clopper-Pearson) interval; ratio = bin case rate / case rate of all held-out samples."
                : "Mean trait with its t interval; difference = bin mean - mean of all held-out samples.")
                .append(" Compare the two models bin by bin: covariates alone already stratify risk.</p>\n");
        b.append("<p class=\"files\">Files: ");
        for (Path p : new Path[] {file, RiskFiles.metricsPath(file), RiskFiles.binsPath(file), RiskFiles.genesPath(file)}) {
            if (Files.isRegularFile(p)) b.append(StudyReport.link(linkFrom, p)).append(" ");
        }
        b.append("</p>\n");
        String trait = meta.get("trait");
        return new ReportSection("risk-" + StudyReport.slug(trait), "Risk stratification: " + trait, b.toString());
    }

    /** The {@code ##key=value} lines before the header. */
    static Map<String, String> settings(Path file) {
        Map<String, String> meta = new LinkedHashMap<>();
        try (BufferedReader r = Files.newBufferedReader(require(file))) {
            String line;
            while ((line = r.readLine()) != null && line.startsWith("##")) {
                int eq = line.indexOf('=');
                if (eq > 2) meta.put(line.substring(2, eq).trim(), line.substring(eq + 1).trim());
            }
        } catch (IOException e) {
            throw InputException.of(file, "cannot read: " + e.getMessage(), "check the path");
        }
        return meta;
    }

    private static Path require(Path p) {
        if (!Files.isRegularFile(p)) throw InputException.of(p, "file not found", "rareset risk writes it beside its --out table; rerun it");
        return p;
    }

    private static String f(String cell, int digits) {
        if (cell.isEmpty() || cell.equals("NA")) return "-";
        return String.format(Locale.ROOT, "%." + digits + "f", Double.parseDouble(cell));
    }
}
