package org.rareset.genotypes.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.core.InputException;
import org.rareset.genotypes.vcf.FastDecoderEquivalenceTest;
import org.rareset.genotypes.vcf.TestVcfs;
import org.rareset.genotypes.vcf.Variant;
import org.rareset.genotypes.vcf.VcfReadOptions;
import org.rareset.genotypes.vcf.VcfVariantSource;

class GenotypeStoreTest {
    @TempDir Path dir;

    private Path ingest(Path vcf, Path out) {
        try (VcfVariantSource src = VcfVariantSource.open(vcf);
             GenotypeStoreWriter w = GenotypeStoreWriter.create(out, src.samples())) {
            for (Variant v : src) w.add(v);
            w.commit();
        }
        return out;
    }

    @Test
    void roundTripEqualsVcfReaderOutput() {
        Path vcf = TestVcfs.writeIndexed(dir.resolve("c.vcf.gz"),
                FastDecoderEquivalenceTest.randomVcf(3, 200, 400, false));
        Path store = ingest(vcf, dir.resolve("c.rsg"));
        List<Variant> expected = TestVcfs.readAll(VcfVariantSource.open(vcf));
        try (GenotypeStore gs = GenotypeStore.open(store)) {
            assertEquals(expected.size(), gs.variantCount());
            List<Variant> got = new ArrayList<>();
            gs.forEach(got::add);
            assertEquals(expected, got);
            // A second pass gives the same.
            List<Variant> again = new ArrayList<>();
            gs.forEach(again::add);
            assertEquals(expected, again);
            assertEquals(200, gs.samples().size());
            assertEquals(List.of("1", "2", "X"), gs.contigs());
            for (String region : List.of("1:1-500", "chr1:300-3000", "2:1000-2000", "X:1-100000", "chrX:2000-", "1:999999-1000000")) {
                List<Variant> viaVcf = TestVcfs.readAll(VcfVariantSource.open(vcf, VcfReadOptions.all().withRegion(region)));
                var r = org.rareset.core.region.GenomicRegion.parse(region);
                assertEquals(viaVcf, gs.variantsIn(r), region);
            }
            assertEquals(List.of(), gs.variantsIn("7", 1, 100));
        }
    }

    @Test
    void variantTableMappedInManySegmentsReadsTheSame() {
        // Whole-genome stores outgrow one 2 GiB mapping; 8-row segments put every kind of read
        // (binary search, range reads, iteration) across segment boundaries here.
        Path vcf = TestVcfs.writeIndexed(dir.resolve("s.vcf.gz"), FastDecoderEquivalenceTest.randomVcf(4, 30, 300, true));
        Path store = ingest(vcf, dir.resolve("s.rsg"));
        try (GenotypeStore one = GenotypeStore.open(store); GenotypeStore many = GenotypeStore.open(store, 3)) {
            List<Variant> all = new ArrayList<>();
            one.forEach(all::add);
            List<Variant> viaSegments = new ArrayList<>();
            many.forEach(viaSegments::add);
            assertEquals(all, viaSegments);
            for (String region : List.of("1:1-500", "1:200-4000", "2:1-100000", "X:777-3000", "X:1-1")) {
                var r = org.rareset.core.region.GenomicRegion.parse(region);
                assertEquals(one.variantsIn(r), many.variantsIn(r), region);
                assertEquals(TestVcfs.readAll(VcfVariantSource.open(vcf, VcfReadOptions.all().withRegion(region))), many.variantsIn(r), region);
            }
        }
    }

    @Test
    void regionBoundariesAreInclusiveOnPos() {
        List<String> samples = List.of("a", "b");
        Path out = dir.resolve("b.rsg");
        try (GenotypeStoreWriter w = GenotypeStoreWriter.create(out, samples)) {
            for (int p : new int[] {10, 20, 20, 30}) {
                w.add(new Variant("chr5", p, "A", "C", "v" + p, 1, 4, true, new int[] {1}, new byte[] {1}, new int[0]));
            }
            w.commit();
        }
        try (GenotypeStore gs = GenotypeStore.open(out)) {
            assertEquals(2, gs.variantsIn("5", 20, 20).size());
            assertEquals(3, gs.variantsIn("5", 10, 20).size());
            assertEquals(0, gs.variantsIn("5", 11, 19).size());
            assertEquals(1, gs.variantsIn("chr5", 21, 40).size());
            assertEquals(4, gs.variantsIn("chr5", 1, Integer.MAX_VALUE).size());
        }
    }

    @Test
    void largeSampleIndexesAndCountsSurvive() {
        int n = 500_000;
        List<String> samples = new ArrayList<>(n);
        for (int i = 0; i < n; i++) samples.add("s" + i);
        Variant a = new Variant("1", 5, "G", "GT", "rs5", 4, 2 * n - 4, true,
                new int[] {0, 127, 128, 499_999}, new byte[] {1, 1, 1, 1}, new int[] {3, 16_384, 499_998});
        Variant b = new Variant("1", 6, "G", "T", ".", 2 * n - 6, 2 * n - 2, false,
                new int[] {7, 300_000}, new byte[] {2, 2}, new int[] {1});
        Variant c = new Variant("1", 7, "G", "T", ".", 3, 2 * n, true,
                new int[] {42}, new byte[] {3}, new int[0]);
        Path out = dir.resolve("big.rsg");
        try (GenotypeStoreWriter w = GenotypeStoreWriter.create(out, samples)) {
            w.add(a);
            w.add(b);
            w.add(c);
            w.commit();
        }
        try (GenotypeStore gs = GenotypeStore.open(out)) {
            assertEquals(n, gs.samples().size());
            assertEquals("s499999", gs.samples().get(n - 1));
            List<Variant> got = gs.variantsIn("1", 1, 10);
            assertEquals(List.of(a, b, c), got);
            assertArrayEquals(new int[] {3, 16_384, 499_998}, got.get(0).missingSamples());
            assertFalse(got.get(1).altIsMinor());
        }
    }

    @Test
    void storeGetsOrdinaryFilePermissions() throws IOException {
        Path vcf = TestVcfs.writeBgzip(dir.resolve("p.vcf.gz"), FastDecoderEquivalenceTest.randomVcf(5, 5, 10, true));
        Path store = ingest(vcf, dir.resolve("p.rsg"));
        Path plain = Files.createFile(dir.resolve("plain"));
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            // Not the owner-only mode of Files.createTempFile.
            assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(store));
        }
    }

    @Test
    void abandonedWriterLeavesNothing() throws IOException {
        Path out = dir.resolve("x.rsg");
        try (GenotypeStoreWriter w = GenotypeStoreWriter.create(out, List.of("a"))) {
            w.add(new Variant("1", 1, "A", "C", ".", 1, 2, true, new int[] {0}, new byte[] {1}, new int[0]));
            // no commit: as when ingest fails half-way
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.toList());
        }
    }

    @Test
    void unsortedVariantsAreRejected() {
        Path out = dir.resolve("u.rsg");
        try (GenotypeStoreWriter w = GenotypeStoreWriter.create(out, List.of("a"))) {
            w.add(new Variant("1", 10, "A", "C", ".", 0, 2, true, new int[0], new byte[0], new int[0]));
            assertThrows(IllegalArgumentException.class,
                    () -> w.add(new Variant("1", 9, "A", "C", ".", 0, 2, true, new int[0], new byte[0], new int[0])));
        }
    }

    @Test
    void truncatedOrForeignFileIsBadInput() throws IOException {
        Path vcf = TestVcfs.writeIndexed(dir.resolve("c.vcf.gz"), FastDecoderEquivalenceTest.randomVcf(4, 20, 50, true));
        Path store = ingest(vcf, dir.resolve("c.rsg"));
        byte[] all = Files.readAllBytes(store);
        Path cut = Files.write(dir.resolve("cut.rsg"), java.util.Arrays.copyOf(all, all.length - 10));
        InputException e = assertThrows(InputException.class, () -> GenotypeStore.open(cut));
        assertTrue(e.getMessage().contains("cut.rsg") && e.getMessage().contains("incomplete"), e.getMessage());
        InputException f = assertThrows(InputException.class, () -> GenotypeStore.open(vcf));
        assertTrue(f.getMessage().contains("not a valid genotype store"), f.getMessage());
        assertThrows(InputException.class, () -> GenotypeStore.open(dir.resolve("missing.rsg")));
    }
}
