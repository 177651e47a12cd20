package org.rareset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DemoCommandTest {
    @Test
    void summarisesTheBundledCohort() {
        Path demo = Path.of(System.getProperty("rareset.testdata", "../testdata"), "demo");
        assertTrue(Files.isDirectory(demo), demo + " ships with the repository but is missing");
        CliRun r = CliRun.run("demo", "--summary-only");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("2,000 samples"), r.out());
        assertTrue(r.out().contains("200 genes"), r.out());
        assertTrue(r.out().contains("QT (quantitative)"), r.out());
        assertTrue(r.out().contains("BT (binary, 200 cases)"), r.out());
        assertTrue(r.out().contains("Causal genes of QT"), r.out());
    }

    @Test
    void missingCohortFolderIsBadInput() {
        CliRun r = CliRun.run("demo", "--data", "/nonexistent/cohort");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("rareset: error: /nonexistent/cohort/cohort.vcf.gz: missing"), r.err());
    }
}
