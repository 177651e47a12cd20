package org.rareset.cli.risk;

import static org.rareset.cli.report.plot.SvgCanvas.escape;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rareset.annotate.InputException;
import org.rareset.association.risk.Enrichment;
import org.rareset.cli.report.ReportSection;
import org.rareset.cli.report.StudyReport;
import org.rareset.cli.report.TabularFile;

/**
 * The report's risk-stratification section for one risk TSV: settings, and the enrichment table
 * recomputed from the individuals (so the section always matches the file).
 */
public final class RiskSection {
    private RiskSection() {}

    public static ReportSection fromTable(Path file) {
        Map<String, String> meta = new LinkedHashMap<>();
        try (BufferedReader r = Files.newBufferedReader(file)) {
            String line;
            while ((line = r.readLine()) != null && line.startsWith("#")) {
                String[] kv = line.substring(1).trim().split("\t", 2);
                if (kv.length == 2 && !kv[0].equals("enrichment")) meta.put(kv[0].trim(), kv[1].trim());
            }
        } catch (IOException e) {
            throw InputException.of(file, "cannot read: " + e.getMessage(), "check the path");
        }
        if (!meta.containsKey("trait")) throw InputException.of(file, "not a risk table (no '# trait' line)", "give files written by 'rareset risk'");
        TabularFile t = TabularFile.read(file);
        int obs = t.require("observed", "written by rareset risk"), pred = t.require("predicted", "written by rareset risk");
        double[] o = new double[t.records().size()];
        double[] p = new double[o.length];
        for (int i = 0; i < o.length; i++) {
            try {
                o[i] = Double.parseDouble(t.records().get(i)[obs]);
                p[i] = Double.parseDouble(t.records().get(i)[pred]);
            } catch (NumberFormatException e) {
                throw InputException.atLine(file, t.lines().get(i), "observed/predicted values are not numbers",
                        "give risk tables written by 'rareset risk'");
            }
        }
        boolean binary = "binary".equals(meta.get("trait_type"));
        List<Enrichment.Row> rows = Enrichment.compute(p, o, binary, Enrichment.DEFAULT_FRACTIONS);
        StringBuilder b = new StringBuilder();
        b.append("<p>Trait <b>").append(escape(meta.get("trait"))).append("</b> (").append(escape(meta.getOrDefault("trait_type", "")))
                .append("): ").append(binary ? "logistic" : "linear").append(" model of covariates (")
                .append(escape(meta.getOrDefault("covariates", ""))).append(") plus the impairment scores of ")
                .append(escape(meta.getOrDefault("genes", "").isEmpty() ? "no gene" : meta.get("genes")))
                .append(", fitted on ").append(escape(meta.getOrDefault("n_train", "?"))).append(" samples and applied to ")
                .append(o.length).append(" held-out samples (").append(escape(file.getFileName().toString())).append(").</p>\n");
        b.append("<table class=\"compact\"><thead><tr><th>top of predicted risk</th><th>samples</th><th>")
                .append(binary ? "case rate in top</th><th>case rate in rest</th><th>ratio" : "mean trait in top</th><th>mean trait in rest</th><th>difference")
                .append("</th></tr></thead><tbody>\n");
        for (Enrichment.Row row : rows) {
            b.append(String.format(Locale.ROOT, "<tr><td>%s%%</td><td>%d</td><td>%.4f</td><td>%.4f</td><td>%.3f</td></tr>%n",
                    RiskCommand.trim(row.fraction() * 100), row.nTop(), row.top(), row.rest(), row.enrichment()));
        }
        b.append("</tbody></table>\n");
        String trait = meta.get("trait");
        return new ReportSection("risk-" + StudyReport.slug(trait), "Risk stratification: " + trait, b.toString());
    }

}
