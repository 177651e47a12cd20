package org.rareset.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rareset.genotypes.store.IngestShards.requireTool;
import static org.rareset.genotypes.store.IngestShards.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.genotypes.store.IngestReport;
import org.rareset.genotypes.store.IngestShards;

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
        List<String> args = new ArrayList<>(List.of("ingest", "--vcf"));
        for (Path part : IngestShards.bcftoolsShards(DEMO, dir)) args.add(part.toString());
        args.addAll(FILTERS);
        assertSameAsCommandLine(args);
    }

    @Test
    void plink2ShardsGiveTheCommandLinesStoreAndQc() throws Exception {
        String cohort = SparkAssocTest.TESTDATA.resolve("genotypes/cohort").toString();
        List<String> args = new ArrayList<>(List.of("ingest", "--bfile"));
        args.addAll(IngestShards.plink2Shards(cohort, dir, "1", "2"));
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
        return IngestShards.leftovers(dir);
    }
}
