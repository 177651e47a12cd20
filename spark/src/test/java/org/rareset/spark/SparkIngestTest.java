package org.rareset.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.genotypes.store.IngestReport;

/**
 * {@code rareset-spark ingest} on {@code local[2]} against {@code rareset ingest --threads 1} of
 * the same files (one store written input after input, no shards): shards of the demo cohort cut by bcftools (one of them empty) and by plink2 give the same
 * store and QC files byte for byte, with QC filters on; a shard with other samples stops the job
 * with one line, exit 2, and leaves no store, QC file or shard behind.
 */
class SparkIngestTest {
    private static final Path DEMO = SparkAssocTest.TESTDATA.resolve("demo/cohort.vcf.gz");
    private static final List<String> FILTERS = List.of("--max-missing", "0.5", "--min-ac", "1", "--hwe-p", "1e-30");

    @TempDir Path dir;

    @Test
    void bcftoolsShardsGiveTheCommandLinesStoreAndQc() throws Exception {
        requireTool("bcftools");
        List<String> args = new ArrayList<>(List.of("ingest", "--vcf"));
        String[] regions = {"chr1:1-100000000", "chr1:100000001-", "chr2,chr3,chr4,chr5,chr6,chr7,chr8,chr9,chr10,chr11",
            "chr12:1-1000", "chr12,chr13,chr14,chr15,chr16,chr17,chr18,chr19,chr20,chr21,chr22"};
        for (int i = 0; i < regions.length; i++) {
            Path part = dir.resolve("part" + i + ".vcf.gz");
            run("bcftools", "view", "-r", regions[i], "--regions-overlap", "pos", "-Oz", "-o", part.toString(), DEMO.toString());
            args.add(part.toString());
        }
        args.addAll(FILTERS);
        assertSameAsCommandLine(args);
    }

    @Test
    void plink2ShardsGiveTheCommandLinesStoreAndQc() throws Exception {
        requireTool("plink2");
        String cohort = SparkAssocTest.TESTDATA.resolve("genotypes/cohort").toString();
        List<String> args = new ArrayList<>(List.of("ingest", "--bfile"));
        for (String chr : new String[] {"1", "2"}) {
            String prefix = dir.resolve("chr" + chr).toString();
            run("plink2", "--bfile", cohort, "--chr", chr, "--make-bed", "--output-chr", "chrM", "--silent", "--out", prefix);
            args.add(prefix);
        }
        assertSameAsCommandLine(args);
    }

    @Test
    void aShardWithOtherSamplesStopsWithOneLineAndLeavesNothing() throws Exception {
        requireTool("bcftools");
        Path a = dir.resolve("a.vcf.gz");
        Path b = dir.resolve("b.vcf.gz");
        run("bcftools", "view", "-r", "chr1", "-Oz", "-o", a.toString(), DEMO.toString());
        String first = run("bcftools", "query", "-l", DEMO.toString()).lines().findFirst().orElseThrow();
        run("bcftools", "view", "-r", "chr2", "-s", "^" + first, "-Oz", "-o", b.toString(), DEMO.toString());
        Path out = dir.resolve("bad.rsg");
        LocalSpark.Run r = LocalSpark.spark(List.of("ingest", "--vcf", a.toString(), b.toString(), "--out", out.toString()));
        assertEquals(2, r.exit(), r.err());
        List<String> lines = r.err().lines().filter(l -> !l.startsWith("ingest: ") && !l.isBlank()).toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).contains(b.toString()) && lines.get(0).contains("samples"), lines.get(0));
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(IngestReport.qcFile(out)));
        assertFalse(Files.exists(IngestReport.samplesFile(out)));
        assertEquals(List.of(), hidden());
    }

    private void assertSameAsCommandLine(List<String> args) throws IOException {
        Path cli = dir.resolve("cli.rsg");
        Path spark = dir.resolve("spark.rsg");
        LocalSpark.Run c = LocalSpark.cli(concat(args, "--out", cli.toString(), "--quiet", "--threads", "1"));
        assertEquals(0, c.exit(), c.err());
        LocalSpark.Run s = LocalSpark.spark(concat(args, "--out", spark.toString(), "--quiet"));
        assertEquals(0, s.exit(), s.err());
        assertArrayEquals(Files.readAllBytes(cli), Files.readAllBytes(spark), "store");
        assertArrayEquals(Files.readAllBytes(IngestReport.qcFile(cli)), Files.readAllBytes(IngestReport.qcFile(spark)), "QC summary");
        assertArrayEquals(Files.readAllBytes(IngestReport.samplesFile(cli)), Files.readAllBytes(IngestReport.samplesFile(spark)),
                "sample missingness");
        assertTrue(Files.size(cli) > 1000, "a store with variants");
        assertEquals(List.of(), hidden());
    }

    private static List<String> concat(List<String> a, String... more) {
        List<String> all = new ArrayList<>(a);
        all.addAll(List.of(more));
        return all;
    }

    /** Temporary files and shard folders left in the test folder. */
    private List<String> hidden() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
        }
    }

    private static void requireTool(String tool) {
        boolean have = Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
        if (!have && System.getenv("RARESET_REQUIRE_CI_TOOLS") != null) fail(tool + " is required here (RARESET_REQUIRE_CI_TOOLS)");
        assumeTrue(have, "needs " + tool);
    }

    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IOException(cmd[0] + " failed: " + err);
        return new String(out, StandardCharsets.UTF_8);
    }
}
