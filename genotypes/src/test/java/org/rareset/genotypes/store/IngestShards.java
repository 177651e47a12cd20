package org.rareset.genotypes.store;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Shards of one cohort cut by public tools, for the tests of ingesting several inputs at once
 * ({@code ParallelIngestTest} here, {@code SparkIngestTest} in spark, through this module's test jar):
 * the demo VCF cut by bcftools into five region shards (one of them empty), a PLINK fileset cut by
 * plink2 into one fileset per chromosome.
 */
public final class IngestShards {
    /** Regions of the demo cohort's shards: a contig split in two, several contigs, an empty shard (chr12:1-1000). */
    private static final String[] DEMO_REGIONS = {"chr1:1-100000000", "chr1:100000001-",
        "chr2,chr3,chr4,chr5,chr6,chr7,chr8,chr9,chr10,chr11", "chr12:1-1000",
        "chr12,chr13,chr14,chr15,chr16,chr17,chr18,chr19,chr20,chr21,chr22"};

    private IngestShards() {}

    /** {@code vcf} cut by {@code bcftools view -r} into {@code dir/part<i>.vcf.gz}, in order. */
    public static List<Path> bcftoolsShards(Path vcf, Path dir) throws IOException, InterruptedException {
        requireTool("bcftools");
        List<Path> parts = new ArrayList<>();
        for (int i = 0; i < DEMO_REGIONS.length; i++) {
            Path part = dir.resolve("part" + i + ".vcf.gz");
            run("bcftools", "view", "-r", DEMO_REGIONS[i], "--regions-overlap", "pos", "-Oz", "-o", part.toString(), vcf.toString());
            parts.add(part);
        }
        return parts;
    }

    /** The PLINK fileset {@code bfile} cut by {@code plink2 --chr} into prefixes {@code dir/chr<c>}, one per chromosome given. */
    public static List<String> plink2Shards(String bfile, Path dir, String... chromosomes) throws IOException, InterruptedException {
        requireTool("plink2");
        List<String> prefixes = new ArrayList<>();
        for (String chr : chromosomes) {
            String prefix = dir.resolve("chr" + chr).toString();
            run("plink2", "--bfile", bfile, "--chr", chr, "--make-bed", "--output-chr", "chrM", "--silent", "--out", prefix);
            prefixes.add(prefix);
        }
        return prefixes;
    }

    /** Temporary files and folders ({@code .tmp}) left in {@code dir}. */
    public static List<String> leftovers(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
        }
    }

    /** Skips the test without {@code tool} on the PATH; fails it when CI requires the tools ({@code RARESET_REQUIRE_CI_TOOLS}). */
    public static void requireTool(String tool) {
        boolean have = Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
        if (!have && System.getenv("RARESET_REQUIRE_CI_TOOLS") != null) fail(tool + " is required here (RARESET_REQUIRE_CI_TOOLS)");
        assumeTrue(have, "needs " + tool);
    }

    /** Runs {@code cmd} and returns its stdout; its stderr in the exception when it fails. */
    public static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IOException(cmd[0] + " failed: " + err);
        return new String(out, StandardCharsets.UTF_8);
    }
}
