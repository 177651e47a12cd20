package org.rareset.cli.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;
import org.rareset.cli.pipeline.PipelineRunner.Outcome;
import org.rareset.cli.pipeline.PipelineRunner.Status;
import org.rareset.cli.RareSetCommand;
import org.rareset.cli.report.ReportFixture;

/**
 * The runner's bookkeeping on a two-step plan of real commands (report, then a second report that
 * reads the first one's folder): skipping unchanged steps, rerunning on changed inputs or parameters,
 * resuming after an interruption, and leaving no partial step folder after a failure.
 */
@Tag("slow")
class PipelineRunnerTest {
    @TempDir Path dir;
    StudyConfig cfg;
    Path results, bed;

    @BeforeEach
    void setUp() throws Exception {
        results = ReportFixture.results(dir);
        bed = ReportFixture.genesBed(dir);
        Files.writeString(dir.resolve("study.yaml"), """
                study: s
                output: out
                inputs:
                  vcf: results.tsv
                  pheno: results.tsv
                phenotypes: [QT]
                """);
        cfg = StudyConfig.read(dir.resolve("study.yaml"));
    }

    /** @param title the first report's study name: a parameter that changes its output */
    List<Step> plan(String title) {
        Path out = cfg.output();
        Step first = new Step(Steps.ASSOC, List.of(new Step.Invocation("report", List.of("--results", results.toString(), "--genes",
                bed.toString(), "--study", title, "--out", Step.STAGING))), List.of(results, bed),
                Map.of("title", title), out.resolve("6-assoc"), Map.of("html", out.resolve("6-assoc/" + title + ".html")), List.of());
        // The second step has the first one's folder as an input: a rerun of the first makes it rerun.
        Step second = new Step(Steps.REPORT, List.of(new Step.Invocation("report", List.of("--results", results.toString(),
                "--genes", bed.toString(), "--study", "second", "--out", Step.STAGING))),
                List.of(results, out.resolve("6-assoc")), Map.of(), out.resolve("8-report"),
                Map.of("html", out.resolve("8-report/second.html")), List.of());
        return List.of(first, second);
    }

    List<Status> run(List<Step> plan, StringWriter log) throws Exception {
        return new PipelineRunner(cfg, new PrintWriter(log, true), false, RareSetCommand::newCommandLine).run(plan).stream().map(Outcome::status).toList();
    }

    @Test
    void skipsUnchangedStepsAndRerunsChangedOnes() throws Exception {
        StringWriter log = new StringWriter();
        assertEquals(List.of(Status.RAN, Status.RAN), run(plan("first"), log));
        Path manifest = cfg.output().resolve("6-assoc/manifest.json");
        String m = Files.readString(manifest);
        assertTrue(m.contains("\"sha256\": \"" + Checksums.sha256(results) + "\""), m);
        assertTrue(m.contains("--out @STEP_DIR@"), "commands recorded with the step folder as a placeholder");

        assertEquals(List.of(Status.UP_TO_DATE, Status.UP_TO_DATE), run(plan("first"), new StringWriter()));

        // A changed parameter reruns the step, and the step reading its folder.
        assertEquals(List.of(Status.RAN, Status.RAN), run(plan("first_b"), new StringWriter()));

        // A changed input (same size and time do not hide a content change: the time moves) reruns both.
        Files.writeString(results, Files.readString(results).replace("GENE001", "GENE901"));
        assertEquals(List.of(Status.RAN, Status.RAN), run(plan("first_b"), new StringWriter()));
        assertEquals(List.of(Status.UP_TO_DATE, Status.UP_TO_DATE), run(plan("first_b"), new StringWriter()));
    }

    @Test
    void resumesAfterAnInterruptedRun() throws Exception {
        assertEquals(List.of(Status.RAN, Status.RAN), run(plan("first"), new StringWriter()));
        // As a kill during the second step leaves it: no step folder, a half-written staging folder.
        PipelineRunner.deleteTree(cfg.output().resolve("8-report"));
        Path partial = cfg.output().resolve(".partial/8-report");
        Files.createDirectories(partial);
        Files.writeString(partial.resolve("second.html"), "<html><body>half");
        assertEquals(List.of(Status.UP_TO_DATE, Status.RAN), run(plan("first"), new StringWriter()));
        assertTrue(Files.readString(cfg.output().resolve("8-report/second.html")).contains("</html>"));
        assertFalse(Files.exists(cfg.output().resolve(".partial")), "staging area removed after a complete run");
    }

    /** Killed between the renames that replace a step folder: the old one is under a hidden name, the step folder missing. */
    @Test
    void aStepFolderSetAsideByAKilledRunIsPutBack() throws Exception {
        assertEquals(List.of(Status.RAN, Status.RAN), run(plan("first"), new StringWriter()));
        Path out = cfg.output();
        String html = Files.readString(out.resolve("8-report/second.html"));
        Files.move(out.resolve("8-report"), out.resolve(".8-report.0123abcd.old.tmp"));
        // and a folder left set aside beside a step folder that did move in
        Files.createDirectories(out.resolve(".6-assoc.4567cdef.old.tmp"));
        StringWriter log = new StringWriter();
        assertEquals(List.of(Status.UP_TO_DATE, Status.UP_TO_DATE), run(plan("first"), log));
        assertTrue(log.toString().contains("pipeline: step report: put back the step folder a stopped run had set aside"), log.toString());
        assertEquals(html, Files.readString(out.resolve("8-report/second.html")));
        try (java.util.stream.Stream<Path> s = Files.list(out)) {
            assertEquals(List.of(), s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList());
        }
    }

    @Test
    void failedStepLeavesNoStepFolderAndStops() throws Exception {
        Files.writeString(results, "phenotype\tgene\ttest\nQT\tG\tskat\n"); // no pval column: bad input
        StringWriter log = new StringWriter();
        List<Outcome> o = new PipelineRunner(cfg, new PrintWriter(log, true), false, RareSetCommand::newCommandLine).run(plan("first"));
        assertEquals(1, o.size(), "stops at the failing step");
        assertEquals(Status.FAILED, o.get(0).status());
        assertTrue(o.get(0).detail().endsWith("code 2"), o.get(0).detail());
        assertTrue(log.toString().contains("[assoc] rareset: error: " + results + ": column 'pval' is missing"), log.toString());
        assertFalse(Files.exists(cfg.output().resolve("6-assoc")));
        assertFalse(Files.exists(cfg.output().resolve(".partial/6-assoc")));
    }
}
