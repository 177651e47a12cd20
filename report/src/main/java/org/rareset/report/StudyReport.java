package org.rareset.report;

import org.rareset.core.RareSetVersion;
import org.rareset.core.formats.ResultRow;
import static org.rareset.report.plot.SvgCanvas.escape;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.rareset.report.plot.Canvas;
import org.rareset.report.plot.ImageCanvas;
import org.rareset.report.plot.ManhattanPlot;
import org.rareset.report.plot.Palette;
import org.rareset.report.plot.QqPlot;
import org.rareset.report.plot.SvgCanvas;

/**
 * Builds the study report: one self-contained HTML file (inline CSS, SVG and a little JavaScript;
 * nothing loaded from the network) plus every plot as PNG and SVG under {@code plots/}. Lambda,
 * thresholds and significance are assoc's own ({@link AssocSummary}), never recomputed here.
 *
 * <p>Output layout, predictable from the study name: {@code OUT/STUDY.html},
 * {@code OUT/plots/STUDY.TRAIT.qq.{svg,png}}, {@code OUT/plots/STUDY.TRAIT.manhattan.{svg,png}}.
 */
public final class StudyReport {
    /** The files written. */
    public record Written(Path html, List<Path> plots) {}

    /** Run settings shown in the methods block, in this order, with their labels. */
    private static final String[][] METHOD_KEYS = {
        {"version", "RareSet version"}, {"input", "tested"}, {"tests", "tests"}, {"masks", "masks"},
        {"max_maf", "MAF limits"}, {"min_mac", "minimum MAC per gene and mask"}, {"qt_transform", "quantitative trait transform"},
        {"collapse_mac", "ultra-rare collapsing (MAC below)"}, {"weights", "variant weights"}, {"spa", "saddlepoint approximation (binary)"},
        {"firth_threshold", "Firth below p (binary burden)"}, {"alpha", "alpha (Bonferroni, BH)"}, {"n_genes", "genes"}};

    /** Settings that concern variants, not precomputed gene scores. */
    private static final Set<String> VARIANT_ONLY = Set.of("masks", "max_maf", "min_mac", "collapse_mac", "weights");

    private final String study;
    private final List<ResultRow> rows;
    private final int skippedRows;
    private final GenePositions genes;
    /** Mean gene impairment score per gene ({@code SparseGeneScores#meanByGene}); empty without scores. */
    private final Map<String, Double> scores;
    private final AssocSummary assoc;
    private final List<Path> inputs;
    private final List<ReportSection> extra = new ArrayList<>();

    /** @param inputs further input files to link (gene positions, scores); results and their side files come from {@code assoc} */
    public StudyReport(String study, List<ResultRow> rows, int skippedRows, GenePositions genes,
                       Map<String, Double> meanScores, AssocSummary assoc, List<Path> inputs) {
        this.study = study;
        this.rows = rows;
        this.skippedRows = skippedRows;
        this.genes = genes;
        this.scores = meanScores;
        this.assoc = assoc;
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
        by.forEach((k, v) -> t.put(k, new TraitSummary(k, v, assoc)));
        return t;
    }

    public Written write(Path outDir) throws IOException {
        Path plotDir = outDir.resolve("plots");
        Files.createDirectories(plotDir);
        List<Path> plots = new ArrayList<>();
        Map<String, TraitSummary> traits = traits();
        StringBuilder body = new StringBuilder();
        java.util.Set<String> missing = new java.util.TreeSet<>();
        for (ResultRow r : rows) if (genes.get(r.gene()) == null) missing.add(r.gene());

        Set<String> alphas = new LinkedHashSet<>();
        for (TraitSummary ts : traits.values()) for (String t : ts.tests()) alphas.add(fmt(ts.summary(t).alpha()));
        body.append("<header><h1>RareSet study report: ").append(escape(study)).append("</h1>\n<p class=\"meta\">")
                .append(rows.size()).append(" result rows (gene x mask x test), ").append(traits.size()).append(" trait(s); ")
                .append("lambda, Bonferroni thresholds (alpha ").append(escape(String.join(", ", alphas)))
                .append(" per trait and test) and significance as rareset assoc computed them.</p>\n");
        if (skippedRows > 0) body.append("<p class=\"warn\">").append(skippedRows).append(" row(s) without a p-value were left out.</p>\n");
        if (!missing.isEmpty()) {
            body.append("<p class=\"warn\">").append(missing.size()).append(" gene(s) have no position in the gene file and are left out of the Manhattan plots")
                    .append(genes.size() == 0 ? " (no gene file given)" : ": " + escape(abbreviate(missing))).append(".</p>\n");
        }
        body.append("<nav><a href=\"#methods\">Methods</a> ");
        for (String t : traits.keySet()) body.append("<a href=\"#trait-").append(slug(t)).append("\">").append(escape(t)).append("</a> ");
        for (ReportSection s : extra) body.append("<a href=\"#").append(escape(s.id())).append("\">").append(escape(s.title())).append("</a> ");
        body.append("</nav></header>\n<main>\n");
        body.append(methods(outDir, traits));

        for (TraitSummary ts : traits.values()) {
            String base = slug(study) + "." + slug(ts.phenotype());
            List<String> tests = ts.tests();
            body.append("<section class=\"trait\" id=\"trait-").append(slug(ts.phenotype())).append("\">\n<h2>")
                    .append(escape(ts.phenotype())).append(traitCounts(ts.phenotype())).append("</h2>\n");
            body.append(inflationTable(ts));

            List<QqPlot.Series> series = new ArrayList<>();
            for (String t : tests) {
                double[] lp = ts.rows(t).stream().mapToDouble(r -> -r.log10P()).toArray();
                series.add(new QqPlot.Series(t, QqPlot.sortedDescending(lp), ts.lambda(t), Palette.color(tests, t)));
            }
            String qqTitle = ts.phenotype() + ": QQ plot";
            String qqSvg = render(QqPlot.WIDTH, QqPlot.HEIGHT, qqTitle, c -> QqPlot.draw(c, qqTitle, series), plotDir, base + ".qq", plots);

            List<ManhattanPlot.Point> points = new ArrayList<>();
            for (String t : tests) {
                for (TraitSummary.Best b : ts.best(t).values()) {
                    GenePositions.Gene g = genes.get(b.row().gene());
                    if (g != null) points.add(new ManhattanPlot.Point(b.row().gene(), g.label(), t, g.axis(), -b.row().log10P(), Palette.color(tests, t)));
                }
            }
            String mTitle = ts.phenotype() + ": Manhattan plot over gene positions";
            String mSvg = render(ManhattanPlot.WIDTH, ManhattanPlot.HEIGHT, mTitle,
                    c -> ManhattanPlot.draw(c, mTitle, genes.axis(), points, -ts.strictestThresholdLog10(), tests), plotDir, base + ".manhattan", plots);

            body.append("<div class=\"plots\"><figure>").append(qqSvg).append("<figcaption>QQ plot: every gene x mask row per test; ")
                    .append("grey: pointwise 95% band of the null (Beta order statistics). ")
                    .append(link(outDir, plotDir.resolve(base + ".qq.png"))).append(" ").append(link(outDir, plotDir.resolve(base + ".qq.svg")))
                    .append("</figcaption></figure>\n<figure class=\"wide\">")
                    .append(mSvg).append("<figcaption>Manhattan plot, best mask per gene and test; dashed line: the strictest Bonferroni threshold. ")
                    .append(link(outDir, plotDir.resolve(base + ".manhattan.png"))).append(" ")
                    .append(link(outDir, plotDir.resolve(base + ".manhattan.svg"))).append("</figcaption></figure></div>\n");
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

    /** Why lambda of rare-variant tests is not the calibration measure, and what is. */
    static final String LAMBDA_NOTE = "<p class=\"note\">&lambda; is the median 1-df &chi;&sup2; of a test's p-values over its null "
            + "median (0.455), as rareset assoc computed it. For rare-variant tests it is usually below 1 without anything being wrong: "
            + "genes with few carriers have little power and discrete, conservative p-values (many close to 1), which pull the median "
            + "down, so &lambda; neither proves calibration nor measures inflation here. Judge calibration by the QQ points against the "
            + "grey band, best on a null trait: they should stay inside it, with only true signals leaving it at the top right.</p>\n";

    private String methods(Path outDir, Map<String, TraitSummary> traits) {
        StringBuilder b = new StringBuilder("<section id=\"methods\"><h2>Methods</h2>\n");
        Map<Path, Map<String, Map<String, String>>> runs = assoc.settings();
        if (runs.isEmpty()) {
            b.append("<p class=\"warn\">The results have no settings file beside them (written by rareset assoc since this version): "
                    + "masks, MAF limits, tests and sample counts are not known to the report.</p>\n");
        } else {
            b.append("<table class=\"compact methods\"><thead><tr><th>setting</th>");
            for (Path p : runs.keySet()) b.append("<th>").append(escape(p.getFileName().toString())).append("</th>");
            b.append("</tr></thead><tbody>\n");
            for (String[] k : METHOD_KEYS) {
                b.append("<tr><th>").append(escape(k[1])).append("</th>");
                for (Map<String, Map<String, String>> run : runs.values()) {
                    Map<String, String> r = run.getOrDefault(org.rareset.association.run.SettingsWriter.RUN, Map.of());
                    String v = r.get(k[0]);
                    boolean scoresOnly = r.getOrDefault("input", "").startsWith("gene impairment scores") && VARIANT_ONLY.contains(k[0]);
                    b.append("<td>").append(v != null ? escape(v) : scoresOnly ? "<span class=\"na\">not applicable (gene scores)</span>"
                            : "<span class=\"na\">not recorded</span>").append("</td>");
                }
                b.append("</tr>\n");
            }
            b.append("</tbody></table>\n<table class=\"compact\"><thead><tr><th>trait</th><th>type</th><th>samples</th><th>cases</th>"
                    + "<th>controls</th><th>left out (missing)</th><th>covariates</th></tr></thead><tbody>\n");
            for (String t : traits.keySet()) {
                b.append("<tr><td>").append(escape(t)).append("</td>");
                for (String k : new String[] {"trait_type", "n_samples", "n_cases", "n_controls", "n_missing_dropped", "covariates"}) {
                    String v = assoc.setting(t, k);
                    b.append("<td>").append(escape(v == null ? "-" : v)).append("</td>");
                }
                b.append("</tr>\n");
            }
            b.append("</tbody></table>\n");
        }
        b.append("<p class=\"note\">RareSet ").append(escape(RareSetVersion.version())).append(" wrote this report.</p>\n");
        b.append("<h3>Reading the QQ plots</h3>\n").append(LAMBDA_NOTE);
        b.append("<h3>Files</h3>\n<ul class=\"files\">\n");
        for (Map.Entry<Path, List<Path>> e : assoc.files().entrySet()) {
            b.append("<li>");
            for (Path p : e.getValue()) b.append(link(outDir, p)).append(" ");
            b.append("</li>\n");
        }
        for (Path p : inputs) b.append("<li>").append(link(outDir, p)).append("</li>\n");
        return b.append("</ul>\n</section>\n").toString();
    }

    private String traitCounts(String trait) {
        String n = assoc.setting(trait, "n_samples"), cases = assoc.setting(trait, "n_cases");
        if (n == null) return "";
        return " <small>(" + escape(n) + " samples" + (cases == null ? "" : ", " + escape(cases) + " cases") + ")</small>";
    }

    /** A relative link from the report's folder to a file, showing the file name. */
    public static String link(Path from, Path file) {
        String rel;
        try {
            rel = from.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            rel = file.toAbsolutePath().toUri().toString();
        }
        StringBuilder href = new StringBuilder();
        for (String part : rel.split("/", -1)) {
            if (href.length() > 0) href.append('/');
            href.append(java.net.URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return "<a href=\"" + escape(href.toString()) + "\">" + escape(file.getFileName().toString()) + "</a>";
    }

    private String inflationTable(TraitSummary ts) {
        StringBuilder b = new StringBuilder("<table class=\"compact\"><thead><tr><th>test</th><th>rows (gene x mask)</th>"
                + "<th>lambda</th><th>Bonferroni p</th><th>Bonferroni rows</th><th>significant genes</th><th>BH FDR rows</th></tr></thead><tbody>\n");
        for (String t : ts.tests()) {
            AssocSummary.TestSummary s = ts.summary(t);
            b.append("<tr><td><span class=\"dot\" style=\"background:").append(Palette.color(ts.tests(), t)).append("\"></span>")
                    .append(escape(t)).append("</td><td>").append(s.nTests()).append("</td><td class=\"lambda\">")
                    .append(Double.isNaN(s.lambda()) ? "NA" : String.format(Locale.ROOT, "%.4f", s.lambda())).append("</td><td>")
                    .append(pText(s.bonferroniLog10())).append("</td><td>").append(s.nBonferroni()).append("</td><td>")
                    .append(ts.significantGenes(t).size()).append("</td><td>").append(s.nBenjaminiHochberg()).append("</td></tr>\n");
        }
        return b.append("</tbody></table>\n").toString();
    }

    /** Tests that give one p-value per gene, listed by assoc in significant.tsv. */
    private static final Set<String> GENE_LEVEL_TESTS = Set.of(org.rareset.association.run.GeneOmnibus.TEST, "score");

    private String significantTable(TraitSummary ts) {
        // One answer per gene where assoc wrote one (GENE_P omnibus, score test): Bonferroni over genes.
        // Only results without a gene-level test fall back to the union over tests, and say so.
        List<String> geneLevel = ts.tests().stream().filter(GENE_LEVEL_TESTS::contains).toList();
        List<String> sig = geneLevel.isEmpty() ? ts.significantGenesAnyTest() : ts.significantGenesAnyOf(geneLevel);
        StringBuilder b = new StringBuilder(geneLevel.isEmpty() ? "<h3>Significant genes, per test (" : "<h3>Significant genes (")
                .append(sig.size()).append(")</h3>\n");
        if (sig.isEmpty()) {
            return b.append(geneLevel.isEmpty() ? "<p>No gene passes the Bonferroni threshold of any test.</p>\n"
                    : "<p>No gene passes Bonferroni over genes for its gene-level p-value.</p>\n").toString();
        }
        if (geneLevel.isEmpty()) {
            b.append("<p class=\"note\">Genes Bonferroni-significant for at least one test (each test corrected on its own, not across tests). ")
                    .append("p-value of the best mask per test; bold: significant for that test. Click a column to sort.</p>\n");
        } else {
            b.append("<p class=\"note\">One p-value per gene: ").append(escape(String.join(" and ", geneLevel)))
                    .append(" (omnibus = GENE_P, the ACAT of the gene's masks x tests; score = the gene impairment score test), ")
                    .append("Bonferroni 0.05 over the trait's genes, as assoc's significant.tsv lists them. The other columns give each ")
                    .append("test's best mask; bold there means significant within that test alone, not corrected across tests ")
                    .append("(significant_per_test.tsv). Click a column to sort.</p>\n");
        }
        b.append("<table class=\"sortable significant\"><thead><tr><th>gene</th><th>name</th><th>position</th>");
        for (String t : ts.tests()) b.append("<th>").append(escape(t)).append(" p</th>");
        if (!scores.isEmpty()) b.append("<th>mean impairment score</th>");
        b.append("</tr></thead><tbody>\n");
        for (String g : sig) {
            GenePositions.Gene pos = genes.get(g);
            b.append("<tr><td>").append(escape(g)).append("</td><td>").append(pos == null ? "" : escape(pos.label())).append("</td><td>")
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
                double m = scores.getOrDefault(g, Double.NaN);
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
                + "<body data-rendered=\"pending\">\n" + body + "<footer>Generated by RareSet " + escape(RareSetVersion.version())
                + ". Self-contained: opens offline; the linked files sit beside it.</footer>\n"
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
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
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
        org.rareset.core.output.OutputFiles.write(file, tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
    }
}
