package org.rareset.cli;

import org.rareset.core.formats.GeneScoreFile;
import org.rareset.core.formats.ResultFile;
import org.rareset.report.AssocSummary;
import org.rareset.report.GenePositions;
import org.rareset.report.StudyReport;
import org.rareset.core.output.FileRoles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rareset.core.InputException;
import org.rareset.cli.options.RuntimeOptions;
import org.rareset.report.risk.RiskSection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rareset report}: the study's HTML report with QQ and Manhattan plots and discovery tables. */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = org.rareset.cli.VersionProvider.class,
        description = {"Write one self-contained HTML report per study (opens offline) from association results.",
            "It reads the files rareset assoc writes beside them (<base>.summary.tsv, <base>.significant.tsv,",
            "<base>.significant_per_test.tsv, <base>.settings.tsv) and shows a methods block (settings, sample",
            "and case counts), per trait the inflation table, a QQ plot with the null's 95%% band, a Manhattan",
            "plot over gene positions labelled by gene name, the significant genes per test and a comparison of",
            "discoveries across methods, and links to every file. Lambda, thresholds and significance are",
            "assoc's own, not recomputed. Plots are also saved as PNG and SVG.",
            "Outputs: OUT/STUDY.html, OUT/plots/STUDY.TRAIT.{qq,manhattan}.{png,svg}."},
        footer = {"%nExamples:",
            "  rareset report --results results.tsv --genes genes.bed --out report/",
            "  rareset report --results burden.parquet --results deeprvat.tsv --scores scores.parquet \\",
            "      --genes genes.bed --study cohort1 --risk risk.QT.tsv --out report/"})
public final class ReportCommand implements Callable<Integer>, org.rareset.cli.files.WritesFiles {
    @Mixin RuntimeOptions runtime;
    @Spec CommandSpec spec;

    @Option(names = "--results", required = true, paramLabel = "FILE",
            description = "Association results (TSV, TSV.gz or Parquet); repeat or comma-separate for several files.",
            split = ",")
    List<Path> results;

    @Option(names = "--genes", paramLabel = "FILE", description = "Gene positions for the Manhattan plots: BED (chrom start end name), GTF or GFF3, as rareset annotate reads them.")
    Path genesBed;

    @Option(names = "--scores", paramLabel = "FILE", description = "Gene impairment scores (as rareset score writes them, sparse or dense long) to show each significant gene's mean score.")
    Path scores;

    @Option(names = "--risk", paramLabel = "FILE", split = ",",
            description = "Risk tables written by 'rareset risk' (their .metrics.tsv and .bins.tsv beside them) to add as risk-stratification sections.")
    List<Path> risk = new ArrayList<>();

    @Option(names = "--study", paramLabel = "NAME", defaultValue = "study", description = "Study name: the report's title and file name (default: ${DEFAULT-VALUE}).")
    String study;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;


    /** OUT/STUDY.html, and the plots folder whose STUDY.* files are replaced. */
    @Override
    public void declareFiles(FileRoles files) {
        files.output("the report in --out", out.resolve(StudyReport.slug(study) + ".html"))
                .outputFolder("plots folder in --out", out.resolve("plots"));
    }

    @Override
    public Integer call() throws IOException {
        ResultFile.Table table = ResultFile.read(results);
        if (table.rows().isEmpty()) {
            throw InputException.of(results.get(0), "no result rows with a p-value", "run 'rareset assoc' first");
        }
        GenePositions genes = genesBed == null ? GenePositions.empty() : GenePositions.read(genesBed);
        Map<String, Double> meanScores = scores == null ? Map.of() : GeneScoreFile.read(scores).meanByGene();
        AssocSummary assoc = AssocSummary.read(results);
        List<Path> inputs = new ArrayList<>();
        if (genesBed != null) inputs.add(genesBed);
        if (scores != null) inputs.add(scores);
        StudyReport report = new StudyReport(study, table.rows(), table.skipped(), genes, meanScores, assoc, inputs);
        for (Path r : risk) report.addSection(RiskSection.fromTable(r, out));
        Files.createDirectories(out);
        StudyReport.Written w = report.write(out);
        spec.commandLine().getOut().println("report: " + w.html().toAbsolutePath());
        spec.commandLine().getErr().printf("report: %d rows, %d traits, %d plots (PNG and SVG) in %s%n",
                table.rows().size(), report.traits().size(), w.plots().size(), out.resolve("plots"));
        return 0;
    }
}
