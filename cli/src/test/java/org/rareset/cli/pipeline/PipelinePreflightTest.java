package org.rareset.cli.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rareset.cli.CliRun.run;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.cli.CliRun;

/**
 * The pipeline checks phenotypes, covariates and the placement of its inputs before the first step,
 * so these mistakes fail at {@code --dry-run} (exit 2, one line) and nothing is written.
 */
class PipelinePreflightTest {
    @TempDir Path dir;

    Path config(Path pheno, Path covar, String phenotypes) throws Exception {
        Path demo = Path.of(System.getProperty("rareset.testdata"), "demo").toAbsolutePath();
        return Files.writeString(dir.resolve("study.yaml"), """
                study: check
                output: out
                inputs:
                  vcf: %1$s/cohort.vcf.gz
                  pheno: %2$s
                  covar: %3$s
                phenotypes: %4$s
                steps:
                  seed_genes: false
                  train: false
                  score: false
                  risk: false
                annotate:
                  genes: %1$s/genes.bed
                """.formatted(demo, pheno, covar, phenotypes));
    }

    static String lastLine(CliRun r) {
        return r.err().strip().lines().reduce((x, y) -> y).orElse("");
    }

    Path demo(String name) {
        return Path.of(System.getProperty("rareset.testdata"), "demo", name).toAbsolutePath();
    }

    @Test
    void aPhenotypeMissingFromThePhenotypeFileFailsAtDryRun() throws Exception {
        Path cfg = config(demo("pheno.tsv"), demo("covar.tsv"), "[QT, BMI]");
        CliRun r = run("pipeline", "--config", cfg.toString(), "--dry-run");
        assertEquals(2, r.exit(), r.err());
        assertTrue(lastLine(r).startsWith("rareset: error: " + demo("pheno.tsv") + ": no phenotype column 'BMI', which study.yaml lists"),
                r.err());
        assertTrue(lastLine(r).contains("phenotype columns are: "), r.err());
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
        assertEquals(0, run("pipeline", "--config", config(demo("pheno.tsv"), demo("covar.tsv"), "[QT]").toString(), "--dry-run").exit());
    }

    @Test
    void aCovariateThatIsNotANumberFailsAtDryRun() throws Exception {
        Path covar = dir.resolve("covar.tsv");
        StringBuilder b = new StringBuilder();
        for (String line : Files.readAllLines(demo("covar.tsv"))) {
            b.append(b.length() == 0 ? line + "\tsite" : line + "\tLondon").append('\n');
        }
        Files.writeString(covar, b);
        CliRun r = run("pipeline", "--config", config(demo("pheno.tsv"), covar, "[QT]").toString(), "--dry-run");
        assertEquals(2, r.exit(), r.err());
        assertTrue(lastLine(r).contains(covar + ": line 2: column 'site' value 'London' is not a number"), r.err());
    }

    @Test
    void anInputInsideAStepFolderIsRefused() throws Exception {
        Path inside = dir.resolve("out/6-assoc/pheno.tsv");
        Files.createDirectories(inside.getParent());
        Files.copy(demo("pheno.tsv"), inside);
        CliRun r = run("pipeline", "--config", config(inside, demo("covar.tsv"), "[QT]").toString(), "--dry-run");
        assertEquals(2, r.exit(), r.err());
        assertTrue(lastLine(r).contains("folder of step assoc") && lastLine(r).contains(inside.toString())
                && lastLine(r).contains("would destroy that input"), r.err());
    }
}
