package org.rareset.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rareset-spark assoc} on {@code local[2]} writes the same bytes as {@code rareset assoc}:
 * results and every side file (summary, significant genes and rows, skipped genes, settings), on
 * the demo cohort (from a genotype store, QT and BT) and on the golden association cohort
 * (testdata/golden/assoc, from the VCF, the golden set's own test definitions).
 */
@Tag("slow")
class SparkAssocTest {
    static final Path TESTDATA = Path.of(System.getProperty("rareset.testdata", "../testdata"));

    @Test
    void demoCohortFromTheStoreEqualsTheCommandLine(@TempDir Path tmp) throws IOException {
        Path demo = TESTDATA.resolve("demo");
        assertTrue(Files.isRegularFile(demo.resolve("cohort.vcf.gz")), "the repository ships the demo cohort");
        Path store = tmp.resolve("cohort.rsg");
        LocalSpark.Run ingest = LocalSpark.cli(List.of("ingest", "--vcf", demo.resolve("cohort.vcf.gz").toString(), "--out", store.toString()));
        assertEquals(0, ingest.exit(), ingest.err());
        List<String> args = List.of("assoc", "--store", store.toString(), "--annotations", demo.resolve("annotations.tsv").toString(),
                "--pheno", demo.resolve("pheno.tsv").toString(), "--covar", demo.resolve("covar.tsv").toString(),
                "--phenotypes", "QT,BT,NULL_BT", "--masks", writeMasks(tmp).toString(), "--collapse-mac", "0");
        sameFiles(tmp, args, "results.tsv", 7);
    }

    @Test
    void goldenCohortEqualsTheCommandLine(@TempDir Path tmp) throws IOException {
        Path golden = TESTDATA.resolve("golden/assoc");
        assertTrue(Files.isRegularFile(golden.resolve("oracle.tsv")), golden + " ships with the repository but is missing");
        List<String> args = List.of("assoc", "--vcf", golden.resolve("cohort.vcf.gz").toString(),
                "--annotations", golden.resolve("annotations.tsv").toString(), "--pheno", golden.resolve("pheno.tsv").toString(),
                "--covar", golden.resolve("covar.tsv").toString(), "--phenotypes", "QT,BT",
                "--tests", "burden,skat,skato,acatv,acato", "--collapse-mac", "0", "--max-maf", "0.5", "--min-mac", "0");
        // more units than slots, and the default (4 per slot) once
        sameFiles(tmp.resolve("a"), args, "results.tsv.gz", 5);
        sameFiles(tmp.resolve("b"), args, "results.tsv", null);
    }

    private static Path writeMasks(Path tmp) throws IOException {
        Path masks = tmp.resolve("masks.txt");
        Files.writeString(masks, "plof: is_plof == 1\nmissense: Consequence_missense_variant == 1 && CADD_PHRED > 20\nall: CADD_PHRED >= 0\n");
        return masks;
    }

    /** Runs both, then compares every file the command line wrote with the Spark runner's, byte for byte. */
    private static void sameFiles(Path tmp, List<String> args, String name, Integer units) throws IOException {
        Path cliDir = Files.createDirectories(tmp.resolve("cli"));
        Path sparkDir = Files.createDirectories(tmp.resolve("spark"));
        List<String> cliArgs = new ArrayList<>(args);
        cliArgs.addAll(List.of("--threads", "2", "--out", cliDir.resolve(name).toString()));
        LocalSpark.Run cli = LocalSpark.cli(cliArgs);
        assertEquals(0, cli.exit(), cli.err());
        List<String> sparkArgs = new ArrayList<>(args);
        sparkArgs.addAll(List.of("--out", sparkDir.resolve(name).toString()));
        if (units != null) sparkArgs.addAll(List.of("--units", units.toString()));
        LocalSpark.Run spark = LocalSpark.spark(sparkArgs);
        assertEquals(0, spark.exit(), spark.err());
        assertTrue(spark.err().contains("work units on local[2]"), spark.err());

        List<String> written = names(cliDir);
        assertTrue(written.size() >= 6, "results and side files: " + written);
        assertEquals(written, names(sparkDir), "the same files, and no part or temporary file left");
        for (String f : written) {
            assertArrayEquals(Files.readAllBytes(cliDir.resolve(f)), Files.readAllBytes(sparkDir.resolve(f)), f + " differs");
        }
        assertFalse(Files.readString(cliDir.resolve(written.get(0))).isEmpty());
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
