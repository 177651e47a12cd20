package org.rareset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rareset.cli.CliRun.run;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {
    @TempDir Path dir;

    @Test
    void writesEveryOutput() throws Exception {
        Path out = dir.resolve("cohort");
        CliRun r = run("simulate", "--out", out.toString(), "--samples", "120", "--genes", "8", "--seed", "3", "--chromosomes", "2");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Simulated 120 samples, 8 genes"), r.out());
        for (String f : new String[] {"cohort.vcf.gz", "cohort.vcf.gz.tbi", "genes.bed", "annotations.tsv", "pheno.tsv", "covar.tsv", "truth.tsv", "causal_variants.tsv"}) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        CliRun demo = run("demo", "--summary-only", "--data", out.toString());
        assertEquals(0, demo.exit(), demo.err());
        assertTrue(demo.out().contains("120 samples"), demo.out());
        assertTrue(demo.out().contains("BT (binary, 12 cases)"), demo.out());
    }

    @Test
    void badOptionsExitTwoWithOneClearLine() {
        CliRun r = run("simulate", "--out", dir.resolve("x").toString(), "--samples", "0");
        assertEquals(2, r.exit());
        assertEquals("rareset: error: --samples: must be at least 1 (got 0) (give the number of samples to simulate, e.g. --samples 2000)",
                r.err().strip());
        assertFalse(Files.exists(dir.resolve("x")), "nothing written for bad options");

        r = run("simulate", "--out", dir.resolve("x").toString(), "--case-rate", "1.2");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--case-rate"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");

        r = run("simulate", "--out", dir.resolve("x").toString(), "--compression-level", "12");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--compression-level"), r.err());

        r = run("simulate", "--out", dir.resolve("x").toString(), "--effect-model", "linear");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--effect-model") && r.err().contains("damage or annotation"), r.err());

        r = run("simulate", "--out", dir.resolve("x").toString(), "--effect-noise", "0.5");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--effect-noise") && r.err().contains("--effect-model annotation"), r.err());
        assertFalse(Files.exists(dir.resolve("x")), "nothing written for bad options");

        r = run("simulate", "--samples", "10");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--out"), r.err());
    }

    /** The annotation model with a target variance per gene: its options reach the files and the VCF header. */
    @Test
    void annotationEffectModelRuns() throws Exception {
        Path out = dir.resolve("annotation");
        CliRun r = run("simulate", "--out", out.toString(), "--samples", "300", "--genes", "12", "--seed", "4", "--chromosomes", "1",
                "--causal-genes", "2", "--effect-model", "annotation", "--effect-noise", "0.5", "--gene-variance", "0.01");
        assertEquals(0, r.exit(), r.err());
        assertEquals(5, Files.readAllLines(out.resolve("truth.tsv")).size(), "header + two causal genes for each of QT and BT");
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(out.resolve("cohort.vcf.gz")))) {
            String header = new String(in.readNBytes(65536));
            assertTrue(header.contains("--effect-model annotation --effect-noise 0.5 --gene-variance 0.01"), header);
        }
    }

    @Test
    void helpHasExamples() {
        CliRun r = run("simulate", "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("Examples:"), r.out());
        assertTrue(r.out().contains("--case-rate"), r.out());
    }
}
