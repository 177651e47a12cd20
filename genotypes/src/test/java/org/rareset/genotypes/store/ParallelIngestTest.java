package org.rareset.genotypes.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import org.rareset.core.InputException;
import org.rareset.genotypes.input.GenotypeInput;
import org.rareset.genotypes.input.ImportOptions;
import org.rareset.genotypes.vcf.VcfReadOptions;

/**
 * Several inputs ingested at once ({@link ParallelIngest}) against the references of one ingest of
 * the unsplit input and of a one-thread ingest of the same shards: shards cut by bcftools (VCF) and
 * plink2 (PLINK 1 binary) give the same store byte for byte and the same QC files; a bad shard
 * stops the ingest naming its input file and leaves nothing behind.
 */
class ParallelIngestTest {
    private static final Path DATA = Path.of(System.getProperty("rareset.testdata", "../testdata"));
    private static final Path DEMO = DATA.resolve("demo/cohort.vcf.gz");
    private static final VariantFilters FILTERS = new VariantFilters(0.5, 1, 1e-30);

    @TempDir Path dir;

    @Test
    void bcftoolsShardsInParallelGiveTheWholeVcfsStoreAndQc() throws Exception {
        List<GenotypeInput> shards = new ArrayList<>();
        for (Path part : IngestShards.bcftoolsShards(DEMO, dir)) shards.add(GenotypeInput.vcf(part));
        Path whole = ingest(List.of(GenotypeInput.vcf(DEMO)), 1, "whole.rsg");
        Path one = ingest(shards, 1, "one.rsg");
        for (int threads : new int[] {2, 3, 8}) {
            Path many = ingest(shards, threads, "t" + threads + ".rsg");
            assertSameStoreAndQc(whole, many);
            assertSameStoreAndQc(one, many);
        }
        assertEquals(List.of(), leftovers());
    }

    @Test
    void plink2ShardsInParallelGiveTheWholeFilesetsStore() throws Exception {
        String cohort = DATA.resolve("genotypes/cohort").toString();
        List<GenotypeInput> shards = new ArrayList<>();
        for (String prefix : IngestShards.plink2Shards(cohort, dir, "1", "2")) shards.add(GenotypeInput.bfile(prefix));
        Path whole = ingest(List.of(GenotypeInput.bfile(cohort)), 1, "whole.rsg");
        Path many = ingest(shards, 2, "many.rsg");
        assertSameStoreAndQc(whole, many);
    }

    @Test
    void aShardWithOtherSamplesStopsTheIngestNamingItsFile() throws Exception {
        requireTool("bcftools");
        Path a = dir.resolve("a.vcf.gz");
        Path b = dir.resolve("b.vcf.gz");
        Path c = dir.resolve("c.vcf.gz");
        run("bcftools", "view", "-r", "chr1", "-Oz", "-o", a.toString(), DEMO.toString());
        run("bcftools", "view", "-r", "chr2", "-Oz", "-o", b.toString(), DEMO.toString());
        String first = run("bcftools", "query", "-l", DEMO.toString()).lines().findFirst().orElseThrow();
        run("bcftools", "view", "-r", "chr3", "-s", "^" + first, "-Oz", "-o", c.toString(), DEMO.toString());
        InputException e = assertThrows(InputException.class,
                () -> ingest(List.of(GenotypeInput.vcf(a), GenotypeInput.vcf(b), GenotypeInput.vcf(c)), 3, "bad.rsg"));
        assertTrue(e.getMessage().startsWith(c + ": its samples differ from the first file's: sample 1 is"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("bad.rsg")));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void shardsOutOfOrderAreRefusedNamingTheInputFileAsOneThreadDoes() throws Exception {
        requireTool("bcftools");
        Path a = dir.resolve("a.vcf.gz");
        Path b = dir.resolve("b.vcf.gz");
        run("bcftools", "view", "-r", "chr1", "-Oz", "-o", a.toString(), DEMO.toString());
        run("bcftools", "view", "-r", "chr2", "-Oz", "-o", b.toString(), DEMO.toString());
        List<GenotypeInput> wrong = List.of(GenotypeInput.vcf(a), GenotypeInput.vcf(b), GenotypeInput.vcf(a));
        String one = assertThrows(InputException.class, () -> ingest(wrong, 1, "bad.rsg")).getMessage();
        String many = assertThrows(InputException.class, () -> ingest(wrong, 3, "bad.rsg")).getMessage();
        assertTrue(one.startsWith(a + ": starts at chr1:") && one.contains("but b.vcf.gz before it already reached chr2:"), one);
        // One thread stops at the first variant out of order, the join at the last of the contig before: same words, same file.
        assertEquals(one.replaceAll("chr2:\\d+", "chr2:N"), many.replaceAll("chr2:\\d+", "chr2:N"));
        assertFalse(Files.exists(dir.resolve("bad.rsg")));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void aShardFailingMidStreamStopsTheOthersAndLeavesNothing() throws Exception {
        requireTool("bcftools");
        Path a = dir.resolve("a.vcf.gz");
        run("bcftools", "view", "-r", "chr1,chr2,chr3,chr4,chr5", "-Oz", "-o", a.toString(), DEMO.toString());
        // An unsorted text VCF: its reader fails after a few records.
        String text = run("bcftools", "view", "-r", "chr6", DEMO.toString());
        List<String> lines = new ArrayList<>(text.lines().toList());
        int firstRecord = (int) lines.stream().takeWhile(l -> l.startsWith("#")).count();
        lines.add(firstRecord + 1, lines.remove(firstRecord + 5));
        Path unsorted = dir.resolve("unsorted.vcf");
        Files.write(unsorted, lines);
        InputException e = assertThrows(InputException.class,
                () -> ingest(List.of(GenotypeInput.vcf(a), GenotypeInput.vcf(unsorted)), 2, "bad.rsg"));
        assertTrue(e.getMessage().startsWith(unsorted.toString()) && e.getMessage().contains("not sorted"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("bad.rsg")));
        assertEquals(List.of(), leftovers());
    }

    private void assertSameStoreAndQc(Path expected, Path actual) throws IOException {
        assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(actual), actual.getFileName().toString());
        assertEquals(Files.readAllLines(IngestReport.qcFile(expected)), Files.readAllLines(IngestReport.qcFile(actual)));
        assertEquals(Files.readAllLines(IngestReport.samplesFile(expected)), Files.readAllLines(IngestReport.samplesFile(actual)));
    }

    private Path ingest(List<GenotypeInput> inputs, int threads, String name) {
        Path out = dir.resolve(name);
        IngestEngine.run(inputs, VcfReadOptions.all(), ImportOptions.defaults(), threads, out, FILTERS, null);
        return out;
    }

    private List<String> leftovers() throws IOException {
        return IngestShards.leftovers(dir);
    }
}
