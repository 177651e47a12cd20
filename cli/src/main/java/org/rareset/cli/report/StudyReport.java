package org.rareset.cli.report;

import static org.rareset.cli.report.plot.SvgCanvas.escape;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rareset.cli.report.plot.Canvas;
import org.rareset.cli.report.plot.ImageCanvas;
import org.rareset.cli.report.plot.ManhattanPlot;
import org.rareset.cli.report.plot.Palette;
import org.rareset.cli.report.plot.QqPlot;
import org.rareset.cli.report.plot.SvgCanvas;

/**
 * Builds the study report: one self-contained HTML file (inline CSS, SVG and a little JavaScript;
 * nothing loaded from the network) plus every plot as PNG and SVG under {@code plots/}.
 *
 * <p>Output layout, predictable from the study name: {@code OUT/STUDY.html},
 * {@code OUT/plots/STUDY.TRAIT.qq.{svg,png}}, {@code OUT/plots/STUDY.TRAIT.manhattan.{svg,png}}.
 */
public final class StudyReport {
    /** The files written. */
    public record Written(Path html, List<Path> plots) {}

    private final String study;
    private final List<ResultRow> rows;
    private final int skippedRows;
    private final GenePositions genes;
    private final GeneScoreSummary scores;
    private final double alpha;
    private final List<String> inputs;
    private final List<ReportSection> extra = new ArrayList<>();

    public StudyReport(String study, List<ResultRow> rows, int skippedRows, GenePositions genes,
                       GeneScoreSummary scores, double alpha, List<String> inputs) {
        this.study = study;
        this.rows = rows;
        this.skippedRows = skippedRows;
        this.genes = genes;
        this.scores = scores;
        this.alpha = alpha;
        this.inputs = inputs;
    }

    public StudyReport addSection(ReportSection s) {
        extra.add(s);
        return this;
    }

    /** Per trait, in the order traits first appear in the results. */
    public Map<String, TraitSummary> traits() {
        Map<String, List<ResultRow>> by = new LinkedHashMap<>();
        for (ResultRow r : rows) by.computeIfAbsent(r.phenotype(), k -> new ArrayList<>()).add(r);
        Map<String, TraitSummary> t = new LinkedHashMap<>();
        by.forEach((k, v) -> t.put(k, new TraitSummary(k, v, alpha)));
        return t;
    }

    public Written write(Path outDir) throws IOException {
        Path plotDir = outDir.resolve("plots");
        Files.createDirectories(plotDir);
        List<Path> plots = new ArrayList<>();
        Map<String, TraitSummary> traits = traits();
        StringBuilder body = new StringBuilder();
        int noPosition = 0;
        java.util.Set<String> missing = new java.util.TreeSet<>();
        for (ResultRow r : rows) if (genes.get(r.gene()) == null && missing.add(r.gene())) noPosition++;

        body.append("<header><h1>RareSet study report: ").append(escape(study)).append("</h1>\n<p class=\"meta\">")
                .append(rows.size()).append(" result rows, ").append(traits.size()).append(" trait(s), ")
                .append(String.format(Locale.ROOT, "Bonferroni alpha %s per trait and test", fmt(alpha)))
                .append(". Inputs: ").append(escape(String.join(", ", inputs))).append(".</p>\n");
        if (skippedRows > 0) body.append("<p class=\"warn\">").append(skippedRows).append(" row(s) without a p-value were left out.</p>\n");
        if (noPosition > 0) {
            body.append("<p class=\"warn\">").append(noPosition).append(" gene(s) have no position in the gene file and are left out of the Manhattan plots")
                    .append(genes.size() == 0 ? " (no gene file given)" : ": " + escape(abbreviate(missing))).append(".</p>\n");
        }
        body.append("<nav>");
        for (String t : traits.keySet()) body.append("<a href=\"#trait-").append(slug(t)).append("\">").append(escape(t)).append("</a> ");
        for (ReportSection s : extra) body.append("<a href=\"#").append(escape(s.id())).append("\">").append(escape(s.title())).append("</a> ");
        body.append("</nav></header>\n<main>\n");

        for (TraitSummary ts : traits.values()) {
            String base = slug(study) + "." + slug(ts.phenotype());
            List<String> tests = ts.tests();
            body.append("<section class=\"trait\" id=\"trait-").append(slug(ts.phenotype())).append("\">\n<h2>")
                    .append(escape(ts.phenotype())).append("</h2>\n");
            body.append(inflationTable(ts));

            List<QqPlot.Series> series = new ArrayList<>();
            for (String t : tests) {
                series.add(new QqPlot.Series(t, Significance.sortedMinusLog10(ts.rows(t)), ts.lambda(t), Palette.color(tests, t)));
            }
            String qqTitle = ts.phenotype() + ": QQ plot";
            String qqSvg = render(QqPlot.WIDTH, QqPlot.HEIGHT, qqTitle, c -> QqPlot.draw(c, qqTitle, series), plotDir, base + ".qq", plots);

            List<ManhattanPlot.Point> points = new ArrayList<>();
            for (String t : tests) {
                for (TraitSummary.Best b : ts.best(t).values()) {
                    GenePositions.Gene g = genes.get(b.row().gene());
                    if (g != null) points.add(new ManhattanPlot.Point(g.name(), t, g.axis(), b.row().minusLog10P(), Palette.color(tests, t)));
                }
            }
            String mTitle = ts.phenotype() + ": Manhattan plot over gene positions";
            String mSvg = render(ManhattanPlot.WIDTH, ManhattanPlot.HEIGHT, mTitle,
                    c -> ManhattanPlot.draw(c, mTitle, genes, points, -ts.strictestThresholdLog10(), tests), plotDir, base + ".manhattan", plots);

            body.append("<div class=\"plots\"><figure>").append(qqSvg).append("<figcaption>QQ plot (")
                    .append(escape(base)).append(".qq.png / .svg)</figcaption></figure>\n<figure class=\"wide\">")
                    .append(mSvg).append("<figcaption>Manhattan plot, best mask per gene and test; dashed line: Bonferroni (")
                    .append(escape(base)).append(".manhattan.png / .svg)</figcaption></figure></div>\n");
            body.append(significantTable(ts));
            body.append(comparison(ts));
            body.append("</section>\n");
        }
        for (ReportSection s : extra) {
            body.append("<section id=\"").append(escape(s.id())).append("\"><h2>").append(escape(s.title())).append("</h2>\n")
                    .append(s.html()).append("</section>\n");
        }
        body.append("</main>\n");

        Path html = outDir.resolve(slug(study) + ".html");
        writeAtomically(html, page(body.toString()));
        return new Written(html, plots);
    }

    private String inflationTable(TraitSummary ts) {
        StringBuilder b = new StringBuilder("<table class=\"compact\"><thead><tr><th>test</th><th>rows (gene x mask)</th>"
                + "<th>lambda</th><th>Bonferroni p</th><th>significant genes</th></tr></thead><tbody>\n");
        for (String t : ts.tests()) {
            b.append("<tr><td><span class=\"dot\" style=\"background:").append(Palette.color(ts.tests(), t)).append("\"></span>")
                    .append(escape(t)).append("</td><td>").append(ts.rows(t).size()).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.3f", ts.lambda(t))).append("</td><td>")
                    .append(pText(ts.thresholdLog10(t))).append("</td><td>").append(ts.significantGenes(t).size()).append("</td></tr>\n");
        }
        return b.append("</tbody></table>\n").toString();
    }

    private String significantTable(TraitSummary ts) {
        List<String> sig = ts.significantGenesAnyTest();
        StringBuilder b = new StringBuilder("<h3>Significant genes (").append(sig.size()).append(")</h3>\n");
        if (sig.isEmpty()) return b.append("<p>No gene passes the Bonferroni threshold of any test.</p>\n").toString();
        b.append("<p class=\"note\">p-value of the best mask per test; bold: significant for that test. Click a column to sort.</p>\n");
        b.append("<table class=\"sortable\"><thead><tr><th>gene</th><th>position</th>");
        for (String t : ts.tests()) b.append("<th>").append(escape(t)).append(" p</th>");
        if (!scores.isEmpty()) b.append("<th>mean impairment score</th>");
        b.append("</tr></thead><tbody>\n");
        for (String g : sig) {
            GenePositions.Gene pos = genes.get(g);
            b.append("<tr><td>").append(escape(g)).append("</td><td>")
                    .append(pos == null ? "" : escape(pos.chrom() + ":" + (pos.start() + 1) + "-" + pos.end())).append("</td>");
            for (String t : ts.tests()) {
                TraitSummary.Best best = ts.best(t).get(g);
                if (best == null) {
                    b.append("<td data-v=\"1\">-</td>");
                    continue;
                }
                String cell = pText(best.row().log10P()) + " <small>" + escape(best.row().mask()) + "</small>";
                b.append("<td data-v=\"").append(String.format(Locale.ROOT, "%.6g", best.row().log10P())).append("\">")
                        .append(best.significant() ? "<b>" + cell + "</b>" : cell).append("</td>");
            }
            if (!scores.isEmpty()) {
                double m = scores.mean(g);
                b.append("<td>").append(Double.isNaN(m) ? "-" : String.format(Locale.ROOT, "%.4f", m)).append("</td>");
            }
            b.append("</tr>\n");
        }
        return b.append("</tbody></table>\n").toString();
    }

    private String comparison(TraitSummary ts) {
        List<String> tests = ts.tests();
        StringBuilder b = new StringBuilder("<h3>Discoveries compared across methods</h3>\n"
                + "<p class=\"note\">Genes significant for both the row and the column test; the diagonal counts each test's discoveries.</p>\n"
                + "<table class=\"compact\"><thead><tr><th></th>");
        for (String t : tests) b.append("<th>").append(escape(t)).append("</th>");
        b.append("<th>found only by this test</th></tr></thead><tbody>\n");
        for (String a : tests) {
            b.append("<tr><th>").append(escape(a)).append("</th>");
            for (String c : tests) {
                b.append(a.equals(c) ? "<td class=\"diag\">" : "<td>").append(ts.sharedDiscoveries(a, c)).append("</td>");
            }
            List<String> only = ts.uniqueDiscoveries(a);
            b.append("<td>").append(only.isEmpty() ? "-" : escape(abbreviate(only))).append("</td></tr>\n");
        }
        return b.append("</tbody></table>\n").toString();
    }

    private static String render(int w, int h, String title, java.util.function.Consumer<Canvas> draw, Path dir, String base,
                                 List<Path> written) throws IOException {
        SvgCanvas svg = new SvgCanvas(w, h);
        draw.accept(svg);
        String text = svg.toSvg(title);
        Path svgFile = dir.resolve(base + ".svg");
        writeAtomically(svgFile, text);
        ImageCanvas png = new ImageCanvas(w, h);
        draw.accept(png);
        Path pngFile = dir.resolve(base + ".png");
        png.savePng(pngFile);
        written.add(svgFile);
        written.add(pngFile);
        return text;
    }

    private String page(String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>RareSet report: " + escape(study) + "</title>\n<style>\n" + resource("report.css") + "</style>\n</head>\n"
                + "<body data-rendered=\"pending\">\n" + body + "<footer>Generated by RareSet. Self-contained: opens offline.</footer>\n"
                + "<script>\n" + resource("report.js") + "</script>\n</body>\n</html>\n";
    }

    static String resource(String name) {
        try (var in = StudyReport.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** p as text from log10 p, exact below 1e-300: "3.2e-12", "1.0e-450". */
    static String pText(double log10P) {
        if (log10P > -3) return String.format(Locale.ROOT, "%.4f", Math.pow(10, log10P));
        double e = Math.floor(log10P);
        double m = Math.pow(10, log10P - e);
        if (m >= 9.995) { m = 1; e += 1; }
        return String.format(Locale.ROOT, "%.2fe%d", m, (long) e);
    }

    static String fmt(double v) {
        return Double.toString(v);
    }

    static String abbreviate(java.util.Collection<String> names) {
        List<String> l = new ArrayList<>(names);
        return l.size() <= 20 ? String.join(", ", l) : String.join(", ", l.subList(0, 20)) + " and " + (l.size() - 20) + " more";
    }

    /** A file-name-safe form of a study or trait name. */
    public static String slug(String s) {
        String t = s.replaceAll("[^A-Za-z0-9._-]+", "_");
        return t.isEmpty() ? "_" : t;
    }

    static void writeAtomically(Path file, String text) throws IOException {
        org.rareset.annotate.output.OutputFiles.write(file, tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
    }
}
