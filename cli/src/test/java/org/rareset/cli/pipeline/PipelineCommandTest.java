package org.rareset.cli.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rareset.cli.CliRun.run;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.cli.CliRun;

/**
 * The pipeline end to end on the bundled cohort with real commands (ingest, the given annotations,
 * association tests, report; the slow deep-set steps switched off to keep the test short), then
 * again: every step is up to date. A switched-off step's dependant is reported as unable to run.
 */
class PipelineCommandTest {
    @TempDir Path dir;

    Path config(String steps) throws Exception {
        Path demo = Path.of(System.getProperty("rareset.testdata"), "demo").toAbsolutePath();
        Path cfg = dir.resolve("study.yaml");
        Files.writeString(cfg, """
                study: quick
                output: out
                threads: 1
                inputs:
                  vcf: %1$s/cohort.vcf.gz
                  annotations: %1$s/annotations.tsv
                  genes: %1$s/genes.bed
                  pheno: %1$s/pheno.tsv
                  covar: %1$s/covar.tsv
                phenotypes: [QT]
                steps:
                %2$s
                assoc:
                  tests: [burden, skat]
                """.formatted(demo, steps));
        return cfg;
    }

    @Test
    void runsEndToEndThenEverythingIsUpToDate() throws Exception {
        Path cfg = config("  seed_genes: false\n  train: false\n  score: false\n  risk: false");
        CliRun first = run("pipeline", "--config", cfg.toString());
        assertEquals(0, first.exit(), first.err());
        Path html = dir.resolve("out/8-report/quick.html");
        assertTrue(first.out().contains("report: " + html.toAbsolutePath()), first.out());
        String page = Files.readString(html);
        assertTrue(page.contains("G00178"), "the strongest causal gene of QT is in the report");
        String manifest = Files.readString(dir.resolve("out/6-assoc/manifest.json"));
        assertTrue(manifest.contains("assoc --store " + dir.resolve("out/1-ingest/cohort.rsg").toAbsolutePath()), "assoc reads the ingested store: " + manifest);
        assertEquals(401, Files.readAllLines(dir.resolve("out/6-assoc/results.tsv")).size());

        CliRun second = run("pipeline", "--config", cfg.toString());
        assertEquals(0, second.exit(), second.err());
        for (String step : new String[] {"ingest", "assoc", "report"}) {
            assertTrue(second.err().contains("pipeline: step " + step + ": up to date"), second.err());
        }
        assertTrue(second.err().contains("pipeline: step train: switched off"), second.err());
    }

    @Test
    void dependantsOfASwitchedOffStepAreNotRunAndSaySo() throws Exception {
        Path cfg = config("  train: false");
        CliRun r = run("pipeline", "--config", cfg.toString(), "--dry-run");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("score      NOT AVAILABLE: needs the outputs of step train, which is switched off"), r.out());
        assertTrue(r.out().contains("risk       NOT AVAILABLE: needs the outputs of step score, which cannot run"), r.out());
        assertTrue(r.out().contains("train      switched off"), r.out());
    }
}
