package org.rareset.genotypes.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.core.InputException;
import org.rareset.genotypes.vcf.Variant;
import org.rareset.genotypes.vcf.VcfReadOptions;

/**
 * {@link StoreJoin} against the reference of one ingest of the whole VCF: shards cut from the demo
 * and genotype test cohorts by bcftools (by contig, and one contig by region), ingested one by one
 * and joined, give the whole VCF's store byte for byte; and every kind of bad shard list is refused
 * with one line naming the shard, leaving no output.
 */
class StoreJoinTest {
    private static final Path DATA = Path.of(System.getProperty("rareset.testdata", "../testdata"));
    private static final Path DEMO = DATA.resolve("demo/cohort.vcf.gz");
    private static final Path GENOTYPES = DATA.resolve("genotypes/cohort.vcf.gz");

    @TempDir Path dir;

    @BeforeAll
    static void needsBcftools() {
        boolean have = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(d -> Files.isExecutable(Path.of(d, "bcftools")));
        if (!have && System.getenv("RARESET_REQUIRE_CI_TOOLS") != null) fail("bcftools is required here (RARESET_REQUIRE_CI_TOOLS)");
        assumeTrue(have, "needs bcftools to cut the shards");
    }

    @Test
    void demoSplitByContigAndRegionJoinsToTheWholeStoreByteForByte() throws Exception {
        // chr1 in two regions (a contig continuing across shards), then blocks of whole contigs, one shard empty.
        List<String> regions = List.of("chr1:1-100000000", "chr1:100000001-", "chr2,chr3,chr4,chr5,chr6,chr7",
                "chr8:1-10", "chr8,chr9,chr10,chr11,chr12,chr13,chr14,chr15", "chr16,chr17,chr18,chr19,chr20,chr21,chr22");
        assertJoinEqualsWhole(DEMO, regions);
    }

    @Test
    void genotypeCohortSplitPerContigJoinsToTheWholeStoreByteForByte() throws Exception {
        List<String> contigs = bcftools("index", "-s", GENOTYPES.toString()).lines().map(l -> l.split("\t")[0]).toList();
        assertTrue(contigs.size() >= 2, "the test cohort has several contigs: " + contigs);
        assertJoinEqualsWhole(GENOTYPES, contigs);
    }

    private void assertJoinEqualsWhole(Path vcf, List<String> regions) throws Exception {
        Path whole = ingest(vcf, dir.resolve("whole.rsg"));
        List<Path> shards = new ArrayList<>();
        long shardVariants = 0;
        for (int i = 0; i < regions.size(); i++) {
            Path part = cut(vcf, regions.get(i), "part" + i);
            Path store = ingest(part, dir.resolve("part" + i + ".rsg"));
            try (GenotypeStore s = GenotypeStore.open(store)) {
                shardVariants += s.variantCount();
            }
            shards.add(store);
        }
        Path joined = dir.resolve("joined.rsg");
        StoreJoin.join(shards, joined);
        try (GenotypeStore w = GenotypeStore.open(whole); GenotypeStore j = GenotypeStore.open(joined)) {
            assertEquals(w.variantCount(), shardVariants, "bcftools' shards hold every variant once");
            assertEquals(w.variantCount(), j.variantCount());
            assertEquals(j.variantCount(), j.verify());
            assertEquals(w.contigs(), j.contigs());
        }
        assertArrayEquals(Files.readAllBytes(whole), Files.readAllBytes(joined));
        assertEquals(List.of(), leftovers(), "no temporary files stay behind");
    }

    @Test
    void differentSampleListsAreRefusedNamingTheShard() throws Exception {
        Path a = ingest(cut(DEMO, "chr1", "a"), dir.resolve("a.rsg"));
        String samples = bcftools("query", "-l", DEMO.toString());
        List<String> names = samples.lines().toList();
        Path keep = dir.resolve("keep.txt");
        Files.writeString(keep, String.join("\n", names.subList(0, names.size() - 1)) + "\n");
        Path part = dir.resolve("b.vcf.gz");
        bcftools("view", "-r", "chr2", "-S", keep.toString(), "-Oz", "-o", part.toString(), DEMO.toString());
        Path b = ingest(part, dir.resolve("b.rsg"));
        InputException e = assertThrows(InputException.class, () -> StoreJoin.join(List.of(a, b), dir.resolve("j.rsg")));
        assertTrue(e.getMessage().contains("b.rsg") && e.getMessage().contains("samples differ")
                && e.getMessage().contains((names.size() - 1) + " samples but " + names.size() + " in a.rsg"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("j.rsg")));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void overlappingOrInterleavedShardsAreRefused() throws Exception {
        Path chr1 = ingest(cut(DEMO, "chr1", "c1"), dir.resolve("c1.rsg"));
        Path chr1Tail = ingest(cut(DEMO, "chr1:100000001-", "c1t"), dir.resolve("c1t.rsg"));
        Path chr2 = ingest(cut(DEMO, "chr2", "c2"), dir.resolve("c2.rsg"));
        Path out = dir.resolve("j.rsg");
        assertRefused(List.of(chr1, chr1Tail), out, "c1t.rsg", "starts at chr1:111083503", "but c1.rsg before it already reached chr1:223937521");
        assertRefused(List.of(chr1Tail, chr1), out, "c1.rsg", "starts at chr1:", "but c1t.rsg before it already reached chr1:");
        assertRefused(List.of(chr1, chr2, chr1Tail), out, "c1t.rsg", "starts at chr1:", "but c2.rsg before it already reached chr2:");
        // Regions sharing one position: both shards hold chr2:80898769.
        Path head = ingest(cut(DEMO, "chr2:1-80898769", "c2h"), dir.resolve("c2h.rsg"));
        Path tail = ingest(cut(DEMO, "chr2:80898769-", "c2t"), dir.resolve("c2t.rsg"));
        assertRefused(List.of(chr1, head, tail), out, "c2t.rsg",
                "starts with chr2:80898769:A:G, which c2h.rsg before it already ends with: the files overlap");
        assertRefused(List.of(chr1, out), chr1, "c1.rsg", "both a shard and the joined output");
        assertFalse(Files.exists(out));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void aDamagedDataBlockInAShardIsRefusedAndNoStoreIsLeft() throws Exception {
        Path a = ingest(cut(DEMO, "chr1", "a"), dir.resolve("a.rsg"));
        Path b = ingest(cut(DEMO, "chr2", "b"), dir.resolve("b.rsg"));
        try (RandomAccessFile f = new RandomAccessFile(b.toFile(), "rw")) {
            f.seek(200);
            int x = f.read();
            f.seek(200);
            f.write(x ^ 0x10);
        }
        InputException e = assertThrows(InputException.class, () -> StoreJoin.join(List.of(a, b), dir.resolve("j.rsg")));
        assertTrue(e.getMessage().contains("b.rsg") && e.getMessage().contains("checksum"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("j.rsg")));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void variantsLargerThanOneReadChunkAreCopiedWhole() throws Exception {
        // Tiny read chunks put every chunk boundary case here: several rows per chunk, a block larger
        // than a chunk (read alone), and one row per chunk.
        List<String> names = new ArrayList<>();
        for (int s = 0; s < 3000; s++) names.add("s" + s);
        List<Variant> variants = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            int n = k % 4 == 0 ? 1500 : 1 + k;
            int[] cs = new int[n];
            byte[] cc = new byte[n];
            for (int i = 0; i < n; i++) {
                cs[i] = 2 * i + (k % 2);
                cc[i] = (byte) (1 + (i + k) % 2);
            }
            variants.add(new Variant(k < 5 ? "1" : "2", 100 + k, "A", "G", ".", n, 6000, true, cs, cc, new int[] {2999}));
        }
        Path whole = write(dir.resolve("big.rsg"), names, variants);
        Path a = write(dir.resolve("big-a.rsg"), names, variants.subList(0, 3));
        Path b = write(dir.resolve("big-b.rsg"), names, variants.subList(3, 12));
        for (int chunk : new int[] {1, 200, 1000, 5000, StoreJoin.CHUNK_BYTES}) {
            Path joined = dir.resolve("big-j" + chunk + ".rsg");
            StoreJoin.join(List.of(a, b), List.of(a, b), "in order", joined, chunk);
            assertArrayEquals(Files.readAllBytes(whole), Files.readAllBytes(joined), "chunk " + chunk);
        }
    }

    private void assertRefused(List<Path> shards, Path out, String shard, String... problem) {
        InputException e = assertThrows(InputException.class, () -> StoreJoin.join(shards, out));
        assertTrue(e.getMessage().startsWith(dir.resolve(shard).toString() + ":"), e.getMessage());
        for (String p : problem) assertTrue(e.getMessage().contains(p), e.getMessage());
    }

    private static Path write(Path out, List<String> samples, List<Variant> variants) {
        try (GenotypeStoreWriter w = GenotypeStoreWriter.create(out, samples)) {
            for (Variant v : variants) w.add(v);
            w.commit();
        }
        return out;
    }

    private List<String> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
        }
    }

    private Path cut(Path vcf, String regions, String name) throws Exception {
        Path part = dir.resolve(name + ".vcf.gz");
        // --regions-overlap pos: a record belongs to the region holding its POS, so split regions never share one.
        bcftools("view", "-r", regions, "--regions-overlap", "pos", "-Oz", "-o", part.toString(), vcf.toString());
        return part;
    }

    private static Path ingest(Path vcf, Path out) {
        IngestEngine.run(List.of(vcf), VcfReadOptions.all(), 1, out, new VariantFilters(1, 0, null), null);
        return out;
    }

    private static String bcftools(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bcftools"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IOException("bcftools " + args[0] + " failed: " + err);
        return out;
    }
}
