package org.rareset.cli.report;

import org.rareset.core.formats.ResultRow;
import org.rareset.core.formats.ResultFile;
import org.rareset.report.AssocSummary;
import org.rareset.report.GenePositions;
import org.rareset.report.StudyReport;
import org.rareset.report.TraitSummary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.cli.CliRun;

class ReportCommandTest {
    @TempDir Path dir;

    @Test
    void writesHtmlAndPlotFilesWithTheKnownDiscoveries() throws Exception {
        Path results = ReportFixture.results(dir);
        Path bed = ReportFixture.genesBed(dir);
        CliRun r = CliRun.run("report", "--results", results.toString(), "--genes", bed.toString(), "--study", "demo",
                "--out", dir.resolve("rep").toString());
        assertEquals(0, r.exit(), r.err());
        Path html = dir.resolve("rep/demo.html");
        assertTrue(r.out().contains(html.toAbsolutePath().toString()));
        String page = Files.readString(html);
        assertTrue(page.contains("GENE007") && page.contains("GENE042") && page.contains("GENE099"));
        assertTrue(page.contains("1.00e-400"), "p below 1e-300 printed from log10 p");
        assertTrue(!page.contains("http://") || page.replace("http://www.w3.org/2000/svg", "").indexOf("http://") < 0,
                "no network references");
        assertTrue(!page.contains("https://"), "no network references");
        for (String t : new String[] {"QT", "BT"}) {
            for (String kind : new String[] {"qq", "manhattan"}) {
                Path png = dir.resolve("rep/plots/demo." + t + "." + kind + ".png");
                BufferedImage img = ImageIO.read(png.toFile());
                assertNotNull(img, png + " is a PNG");
                assertTrue(img.getWidth() > 400);
                Path svg = dir.resolve("rep/plots/demo." + t + "." + kind + ".svg");
                assertNotNull(DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile()), "SVG is XML");
            }
        }
        try (var files = Files.list(dir.resolve("rep/plots"))) {
            assertTrue(files.noneMatch(f -> f.toString().endsWith(".tmp")), "no temporary files left");
        }
    }

    @Test
    void discoveriesPerTestMatchTheFixture() throws Exception {
        Path results = ReportFixture.results(dir);
        ResultFile.Table t = ResultFile.read(results);
        StudyReport r = new StudyReport("s", t.rows(), t.skipped(), GenePositions.empty(), Map.of(),
                AssocSummary.read(List.of(results)), List.of());
        Map<String, TraitSummary> traits = r.traits();
        TraitSummary qt = traits.get("QT");
        // 300 rows per test (150 genes x 2 masks): assoc's threshold 0.05 / 300 = 1.67e-4, read from its summary (6 digits)
        assertEquals(Math.log10(0.05 / 300), qt.thresholdLog10("burden"), 1e-6);
        assertEquals(List.of("GENE007", "GENE042"), qt.significantGenes("deeprvat"));
        assertEquals(List.of("GENE042"), qt.uniqueDiscoveries("deeprvat"));
        assertEquals(1, qt.sharedDiscoveries("burden", "deeprvat"));
        assertEquals(-400, qt.best("deeprvat").get("GENE007").row().log10P(), 0);
        assertTrue(qt.significantGenes("burden").contains("GENE007"));
        TraitSummary bt = traits.get("BT");
        assertTrue(bt.significantGenes("skat").contains("GENE099"));
        assertTrue(!bt.significantGenes("burden").contains("GENE099"));
    }

    @Test
    void parquetResultsReadTheSameAsTsv() throws Exception {
        Path tsv = ReportFixture.results(dir);
        ResultFile.Table fromTsv = ResultFile.read(tsv);
        Path parquet = dir.resolve("results.parquet");
        org.rareset.core.table.TableSchema schema = org.rareset.core.table.TableSchema.of(
                org.rareset.core.table.Column.string("phenotype"), org.rareset.core.table.Column.string("gene"),
                org.rareset.core.table.Column.string("mask"), org.rareset.core.table.Column.string("test"),
                org.rareset.core.table.Column.float64("pval"), org.rareset.core.table.Column.float64("neg_log10p"));
        org.rareset.core.table.TableWriters.write(parquet, schema, w -> {
            for (ResultRow r : fromTsv.rows()) w.writeRow(r.phenotype(), r.gene(), r.mask(), r.test(), r.pval(), -r.log10P());
        });
        ResultFile.Table fromParquet = ResultFile.read(parquet);
        assertEquals(fromTsv.rows().size(), fromParquet.rows().size());
        for (int i = 0; i < fromTsv.rows().size(); i += 97) {
            assertEquals(fromTsv.rows().get(i).gene(), fromParquet.rows().get(i).gene());
            assertEquals(fromTsv.rows().get(i).log10P(), fromParquet.rows().get(i).log10P(), 0);
        }
    }

    @Test
    void resultsWithoutAssocSummaryAreABadInputError() throws Exception {
        Path results = ReportFixture.results(dir);
        Files.delete(dir.resolve("results.summary.tsv"));
        CliRun r = CliRun.run("report", "--results", results.toString(), "--out", dir.resolve("r").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("results.tsv: no results.summary.tsv beside the results"), r.err());
    }

    @Test
    void qqBandIsTheBetaOrderStatisticInterval() {
        // rank 1 of n: Beta(1, n), whose quantile is 1 - (1 - q)^(1/n) in closed form
        int n = 500;
        org.rareset.report.plot.QqPlot.Band b = org.rareset.report.plot.QqPlot.band(n, 60);
        assertEquals(-Math.log10(0.5 / n), b.expected()[0], 1e-12);
        assertEquals(-Math.log10(1 - Math.pow(1 - 0.025, 1.0 / n)), b.upper()[0], 1e-7);
        assertEquals(-Math.log10(1 - Math.pow(1 - 0.975, 1.0 / n)), b.lower()[0], 1e-7);
        // rank n of n: Beta(n, 1), quantile q^(1/n)
        int last = b.expected().length - 1;
        assertEquals(-Math.log10((n - 0.5) / n), b.expected()[last], 1e-12);
        assertEquals(-Math.log10(Math.pow(0.025, 1.0 / n)), b.upper()[last], 1e-7);
        // one p-value: the uniform's own 2.5% and 97.5% quantiles
        org.rareset.report.plot.QqPlot.Band one = org.rareset.report.plot.QqPlot.band(1, 10);
        assertEquals(-Math.log10(0.025), one.upper()[0], 1e-9);
        assertEquals(-Math.log10(0.975), one.lower()[0], 1e-9);
        for (int k = 0; k < b.expected().length; k++) assertTrue(b.lower()[k] < b.expected()[k] && b.expected()[k] < b.upper()[k]);
    }

    @Test
    void missingColumnIsABadInputError() throws Exception {
        Path bad = dir.resolve("bad.tsv");
        Files.writeString(bad, "phenotype\tgene\ttest\nQT\tG\tskat\n");
        CliRun r = CliRun.run("report", "--results", bad.toString(), "--out", dir.resolve("r").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("bad.tsv: column 'pval' is missing"), r.err());
    }

    @Test
    void nonNumericPValueNamesTheLine() throws Exception {
        Path bad = dir.resolve("bad.tsv");
        Files.writeString(bad, "phenotype\tgene\tmask\ttest\tpval\nQT\tG\tall\tskat\t0.5\nQT\tH\tall\tskat\tx\n");
        CliRun r = CliRun.run("report", "--results", bad.toString(), "--out", dir.resolve("r").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("bad.tsv: line 3: 'x' is not a number in column pval"), r.err());
    }
}
