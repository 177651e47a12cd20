package org.rareset.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rareset-spark} refuses what it cannot do and reports bad input as {@code rareset} does: one line, exit 2, no output. */
class SparkCommandLineTest {
    private static List<String> goldenArgs(Path out, String... extra) {
        Path golden = SparkAssocTest.TESTDATA.resolve("golden/assoc");
        List<String> args = new ArrayList<>(List.of("assoc", "--vcf", golden.resolve("cohort.vcf.gz").toString(),
                "--annotations", golden.resolve("annotations.tsv").toString(), "--pheno", golden.resolve("pheno.tsv").toString(),
                "--out", out.toString()));
        args.addAll(List.of(extra));
        return args;
    }

    private static void assertOneLineError(LocalSpark.Run run, String text) {
        assertEquals(2, run.exit(), run.err());
        List<String> lines = run.err().lines().filter(l -> l.startsWith("rareset: error:")).toList();
        assertEquals(1, lines.size(), run.err());
        assertTrue(lines.get(0).contains(text), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace without --debug: " + run.err());
    }

    @Test
    void outputsMergeCannotJoinAreRefused(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("r.tsv");
        assertOneLineError(LocalSpark.spark(goldenArgs(out, "--single-variant", "--chunk", "1/2")),
                "the Spark runner does not support --chunk (the Spark runner splits the genes itself), --single-variant");
        assertFalse(Files.exists(out));
        try (var s = Files.list(tmp)) {
            assertEquals(0, s.count(), "nothing written");
        }
    }

    @Test
    void scoreOutputsOnlyOneRunCanWriteAreRefused(@TempDir Path tmp) throws IOException {
        Path golden = SparkAssocTest.TESTDATA.resolve("golden/assoc");
        Path models = Files.createDirectories(tmp.resolve("models"));
        Path out = tmp.resolve("scores.tsv");
        Path bgen = tmp.resolve("scores.bgen");
        assertOneLineError(LocalSpark.spark(List.of("score", "--pretrained", models.toString(), "--vcf", golden.resolve("cohort.vcf.gz").toString(),
                "--annotations", golden.resolve("annotations.tsv").toString(), "--out", out.toString(), "--write-bgen", bgen.toString())),
                "the Spark runner does not support --write-bgen");
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(bgen));
    }

    @Test
    void badInputIsOneLineWithExitTwo(@TempDir Path tmp) {
        Path out = tmp.resolve("r.tsv");
        List<String> args = goldenArgs(out, "--covar", tmp.resolve("no-such-covar.tsv").toString());
        assertOneLineError(LocalSpark.spark(args), "no-such-covar.tsv");
        assertFalse(Files.exists(out));
    }

    @Test
    void helpListsTheCommandLinesOptionsAndUnits() {
        LocalSpark.Run run = LocalSpark.spark(List.of("assoc", "--help"));
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("--units=N") && run.out().contains("--collapse-mac=MAC") && run.out().contains("--pheno=FILE"), run.out());
    }
}
