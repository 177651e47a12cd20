package org.rareset.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rareset-spark score} on {@code local[2]} writes the same bytes as {@code rareset score}
 * with DeepRVAT's pretrained models (../shared/deeprvat-pretrained; the test says so and skips when
 * absent), on the golden DeepRVAT cohort (../shared/golden/deeprvat) and on the demo cohort
 * (testdata/demo, from a genotype store), in the sparse layout and with --dense long.
 */
@Tag("slow")
class SparkScoreTest {
    static final Path SHARED = Path.of(System.getProperty("rareset.shared", "../shared"));
    static final Path MODELS = SHARED.resolve("deeprvat-pretrained");

    private static void requireModels() {
        Assumptions.assumeTrue(Files.isRegularFile(MODELS.resolve("model_config.yaml")),
                MODELS + " (DeepRVAT's pretrained models, not in the repository) is absent: skipping the Spark score comparison");
    }

    @Test
    void goldenDeepRvatCohortEqualsTheCommandLine(@TempDir Path tmp) throws IOException {
        requireModels();
        Path golden = SHARED.resolve("golden/deeprvat");
        Assumptions.assumeTrue(Files.isRegularFile(golden.resolve("cohort.vcf.gz")), golden + " is absent: skipping");
        List<String> args = List.of("score", "--pretrained", MODELS.toString(), "--vcf", golden.resolve("cohort.vcf.gz").toString(),
                "--annotations", golden.resolve("annotations.tsv").toString());
        sameFile(tmp.resolve("sparse"), args, "scores.tsv", 5);
        sameFile(tmp.resolve("long"), concat(args, "--dense", "long"), "scores.tsv.gz", null);
    }

    @Test
    void demoCohortFromTheStoreEqualsTheCommandLine(@TempDir Path tmp) throws IOException {
        requireModels();
        Path demo = SparkAssocTest.TESTDATA.resolve("demo");
        assertTrue(Files.isRegularFile(demo.resolve("cohort.vcf.gz")), "the repository ships the demo cohort");
        Path store = tmp.resolve("cohort.rsg");
        LocalSpark.Run ingest = LocalSpark.cli(List.of("ingest", "--vcf", demo.resolve("cohort.vcf.gz").toString(), "--out", store.toString()));
        assertEquals(0, ingest.exit(), ingest.err());
        List<String> args = List.of("score", "--pretrained", MODELS.toString(), "--store", store.toString(),
                "--annotations", withEveryModelColumn(demo.resolve("annotations.tsv"), tmp).toString());
        sameFile(tmp, args, "scores.tsv", 7);
    }

    /**
     * The demo's annotations with the pretrained models' columns it lacks (DeepSEA and DeepRipe
     * scores) added as 0: the comparison is of two runners on one input, not of the scores' meaning.
     */
    private static Path withEveryModelColumn(Path annotations, Path tmp) throws IOException {
        List<String> needed = new ArrayList<>();
        boolean in = false;
        for (String line : Files.readAllLines(MODELS.resolve("model_config.yaml"))) {
            if (line.startsWith("rare_variant_annotations:")) in = true;
            else if (in && line.startsWith("  - ")) needed.add(line.substring(4).trim());
            else if (in) break;
        }
        List<String> lines = Files.readAllLines(annotations);
        List<String> header = List.of(lines.get(0).split("\t"));
        List<String> missing = needed.stream().filter(c -> !header.contains(c)).toList();
        assertTrue(needed.size() > 20 && missing.size() < needed.size(), "model columns " + needed + ", missing " + missing);
        String extraHeader = missing.isEmpty() ? "" : "\t" + String.join("\t", missing);
        String zeros = "\t0".repeat(missing.size());
        List<String> out = new ArrayList<>();
        out.add(lines.get(0) + extraHeader);
        for (String l : lines.subList(1, lines.size())) out.add(l + zeros);
        Path file = tmp.resolve("annotations.tsv");
        Files.write(file, out);
        return file;
    }

    private static List<String> concat(List<String> a, String... b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(List.of(b));
        return all;
    }

    private static void sameFile(Path tmp, List<String> args, String name, Integer units) throws IOException {
        Path cliOut = Files.createDirectories(tmp.resolve("cli")).resolve(name);
        Path sparkDir = Files.createDirectories(tmp.resolve("spark"));
        LocalSpark.Run cli = LocalSpark.cli(concat(args, "--threads", "2", "--out", cliOut.toString()));
        assertEquals(0, cli.exit(), cli.err());
        List<String> sparkArgs = concat(args, "--out", sparkDir.resolve(name).toString());
        if (units != null) sparkArgs = concat(sparkArgs, "--units", units.toString());
        LocalSpark.Run spark = LocalSpark.spark(sparkArgs);
        assertEquals(0, spark.exit(), spark.err());
        assertTrue(spark.err().contains("work units on local[2]"), spark.err());
        try (Stream<Path> s = Files.list(sparkDir)) {
            assertEquals(List.of(name), s.map(p -> p.getFileName().toString()).toList(), "the scores only: no part or temporary file left");
        }
        assertArrayEquals(Files.readAllBytes(cliOut), Files.readAllBytes(sparkDir.resolve(name)), name + " differs");
        assertTrue(Files.size(cliOut) > 100);
    }
}
