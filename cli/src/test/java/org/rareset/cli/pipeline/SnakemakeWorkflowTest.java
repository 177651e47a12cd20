package org.rareset.cli.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;
import org.rareset.cli.CliRun;
import org.rareset.core.table.TableFiles;
import org.rareset.core.table.TextTable;

/**
 * Runs workflows/Snakefile with Debian's snakemake on the bundled demo study (testdata/demo/study.yaml:
 * ingest, annotate, seed genes, train, score, association with its masks and MAF limits, risk, report)
 * and checks that every file it writes equals what {@code rareset pipeline} writes from the same
 * configuration, byte for byte; the workflow runs assoc in 3 gene chunks joined by {@code rareset merge},
 * the pipeline in one job, so this is also chunked against unchunked results. The exception is the step manifests, which hold paths and times, and
 * the Parquet scores, compared cell by cell: parquet-mr writes the encodings of a column chunk in the
 * footer from a hash set, in an order that differs between two runs of the same JVM command (two
 * {@code rareset score} runs differ there too). Skipped when snakemake is not installed, except where
 * RARESET_REQUIRE_CI_TOOLS is set (CI), where its absence fails.
 */
@Tag("slow")
class SnakemakeWorkflowTest {
    @TempDir Path tmp;

    static Path onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }

    @Test
    void workflowWritesWhatThePipelineWrites() throws Exception {
        Path snakemake = onPath("snakemake");
        if (snakemake == null) {
            if (System.getenv("RARESET_REQUIRE_CI_TOOLS") != null) fail("snakemake is required here (RARESET_REQUIRE_CI_TOOLS) but not on PATH");
            Assumptions.abort("snakemake not installed: skipping the workflow test (apt-get install snakemake; CI installs it)");
        }
        Path testdata = Path.of(System.getProperty("rareset.testdata")).toAbsolutePath();
        Path root = testdata.getParent();
        Path study = testdata.resolve("demo/study.yaml");
        // The workflow calls rareset through this launcher: the classes under test, no jar needed.
        Path launcher = tmp.resolve("rareset");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // PyTorch's thread counts as in this JVM: a network trained with other intra-op threads sums in
        // another order and differs in the last bits (the environment, OMP_NUM_THREADS, is inherited).
        String torch = "";
        for (String k : List.of("ai.djl.pytorch.num_threads", "ai.djl.pytorch.num_interop_threads")) {
            if (System.getProperty(k) != null) torch += " -D" + k + "=" + System.getProperty(k);
        }
        Files.writeString(launcher, "#!/bin/sh\nexec '" + java + "' -Xmx2g -Dai.djl.offline=true" + torch + " -cp '"
                + System.getProperty("java.class.path") + "' org.rareset.cli.RareSetCommand \"$@\"\n");
        assertTrue(launcher.toFile().setExecutable(true));

        Path single = tmp.resolve("pipeline");
        CliRun pipeline = CliRun.run("pipeline", "--config", study.toString(), "--output", single.toString());
        assertEquals(0, pipeline.exit(), pipeline.err());

        Path wf = tmp.resolve("snakemake");
        Path log = tmp.resolve("snakemake.log");
        long t0 = System.nanoTime();
        List<String> cmd = List.of(snakemake.toString(), "-s", root.resolve("workflows/Snakefile").toString(), "--cores", "2",
                "--config", "study=" + study, "out=" + wf, "rareset=" + launcher, "chunks=3");
        Process p = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(1200, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("snakemake did not finish in 1200 s: " + Files.readString(log));
        }
        assertEquals(0, p.exitValue(), Files.readString(log));
        for (int k = 1; k <= 3; k++) {
            assertTrue(Files.exists(wf.resolve("logs/assoc.chunk" + k + "-of-3.log")), "assoc ran as chunk " + k + " of 3: " + Files.readString(log));
        }
        System.out.printf("snakemake on the demo study: %.0f s%n", (System.nanoTime() - t0) / 1e9);

        TreeSet<String> expected = files(single), got = files(wf);
        // Snakemake's own files: its bookkeeping, the job logs, the marker it puts in a directory() output
        got.removeIf(f -> f.startsWith(".snakemake/") || f.startsWith("logs/") || f.endsWith("/.snakemake_timestamp"));
        assertEquals(expected, got, "the same files");
        for (String f : List.of("2-annotate/annotations.tsv", "4-train/model/model.json", "5-score/scores.parquet", "6-assoc/results.tsv",
                "6-assoc/results.settings.tsv", "6-assoc/deeprvat.tsv", "7-risk/risk.BT.tsv", "7-risk/risk.QT.metrics.tsv", "8-report/demo.html")) {
            assertTrue(expected.contains(f), "the demo study writes " + f + ": " + expected);
        }
        int compared = 0;
        for (String f : expected) {
            if (f.endsWith("/manifest.json")) continue;
            Path a = single.resolve(f), b = wf.resolve(f);
            if (f.endsWith(".parquet")) {
                assertSameCells(a, b);
            } else {
                assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), f + " differs");
            }
            compared++;
        }
        assertTrue(compared > 40, compared + " files compared");

        // The jobs kept the pipeline's manifests: the pipeline finds every step up to date.
        CliRun dry = CliRun.run("pipeline", "--config", study.toString(), "--output", wf.toString(), "--dry-run");
        assertEquals(0, dry.exit(), dry.err());
        for (String s : Steps.NAMES) assertTrue(dry.out().contains(String.format("%-10s up to date%n", s)), dry.out());
    }

    private static TreeSet<String> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            TreeSet<String> out = new TreeSet<>();
            s.filter(Files::isRegularFile).forEach(f -> out.add(dir.relativize(f).toString()));
            return out;
        }
    }

    private static void assertSameCells(Path a, Path b) {
        TextTable x = TableFiles.read(a), y = TableFiles.read(b);
        assertEquals(x.columns(), y.columns(), a.getFileName() + " columns");
        assertEquals(x.rowCount(), y.rowCount(), a.getFileName() + " rows");
        for (int r = 0; r < x.rowCount(); r++) {
            for (int c = 0; c < x.columns().size(); c++) assertEquals(x.cell(r, c), y.cell(r, c), a.getFileName() + " row " + r + " column " + c);
        }
    }
}
