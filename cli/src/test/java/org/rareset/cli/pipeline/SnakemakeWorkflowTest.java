package org.rareset.cli.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;
import org.rareset.cli.CliRun;
import org.rareset.cli.RareSetCommand;

/**
 * Runs workflows/Snakefile with Debian's snakemake on the bundled cohort in 3 chunks and checks that
 * the merged association table equals a single run byte for byte. Skipped when snakemake is not
 * installed, except where RARESET_REQUIRE_CI_TOOLS is set (CI), where its absence fails.
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
    void chunkedWorkflowMergesToTheSingleRun() throws Exception {
        Path snakemake = onPath("snakemake");
        if (snakemake == null) {
            if (System.getenv("RARESET_REQUIRE_CI_TOOLS") != null) fail("snakemake is required here (RARESET_REQUIRE_CI_TOOLS) but not on PATH");
            Assumptions.abort("snakemake not installed: skipping the workflow test (apt-get install snakemake; CI installs it)");
        }
        Path testdata = Path.of(System.getProperty("rareset.testdata")).toAbsolutePath();
        Path root = testdata.getParent();
        // The workflow calls rareset through this launcher: the classes under test, no jar needed.
        Path launcher = tmp.resolve("rareset");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(launcher, "#!/bin/sh\nexec '" + java + "' -Xmx1g -Dai.djl.offline=true -cp '"
                + System.getProperty("java.class.path") + "' org.rareset.cli.RareSetCommand \"$@\"\n");
        assertTrue(launcher.toFile().setExecutable(true));
        Path out = tmp.resolve("wf");
        List<String> cmd = List.of(snakemake.toString(), "-s", root.resolve("workflows/Snakefile").toString(), "--cores", "2", "--quiet",
                "--config", "out=" + out, "chunks=3", "phenotypes=QT", "tests=burden,skat", "threads=1", "rareset=" + launcher,
                "data=" + testdata.resolve("demo"));
        Path log = tmp.resolve("snakemake.log");
        Process p = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("snakemake did not finish in 300 s: " + Files.readString(log));
        }
        assertEquals(0, p.exitValue(), Files.readString(log));
        for (int k = 1; k <= 3; k++) assertTrue(Files.exists(out.resolve("chunks/results.chunk" + k + "-of-3.tsv")));
        assertTrue(Files.readString(out.resolve("report/demo.html")).contains("data-rendered"), "report written");

        // The same analysis in one run, in process.
        Path single = tmp.resolve("single.tsv");
        Path demo = testdata.resolve("demo");
        CliRun cli = CliRun.run("assoc", "--store", out.resolve("cohort.rsg").toString(), "--annotations", demo.resolve("annotations.tsv").toString(),
                "--pheno", demo.resolve("pheno.tsv").toString(), "--covar", demo.resolve("covar.tsv").toString(), "--phenotypes", "QT",
                "--tests", "burden,skat", "--threads", "1", "--out", single.toString());
        assertEquals(0, cli.exit(), cli.err());
        byte[] merged = Files.readAllBytes(out.resolve("results.tsv"));
        // genes below --min-mac under the default rare mask are skipped and counted
        List<String> skipped = Files.readAllLines(tmp.resolve("single.skipped.tsv"));
        int nSkipped = skipped.stream().skip(1).mapToInt(l -> Integer.parseInt(l.split("\t")[3])).sum();
        assertEquals(1 + 3 * (200 - nSkipped), Files.readAllLines(single).size(), "tested genes x (burden, skat, GENE_P) + header");
        assertArrayEquals(Files.readAllBytes(single), merged, "merged chunks equal the single run");
    }
}
