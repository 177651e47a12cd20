package org.rareset.genotypes.vcf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.rareset.core.region.GenomicRegion;
import org.rareset.core.region.RegionSet;

/** Region reads through a CSI index (made by bcftools) against reading everything and filtering by position. */
class CsiRegionTest {
    private static final Path VCF = Path.of(System.getProperty("rareset.testdata", "../testdata"), "ingest", "csi", "spread.vcf.gz");
    private static final Path BCF = VCF.resolveSibling("spread.bcf");

    /**
     * Reads {@code n} random regions of {@code file} by index and checks each against {@code all}
     * filtered by position; returns how many regions held records.
     */
    private static int checkRandomRegions(Path file, List<Variant> all, long seed, int n) {
        Random rnd = new Random(seed);
        int nonEmpty = 0;
        for (int i = 0; i < n; i++) {
            String chrom = "chr" + (1 + rnd.nextInt(3));
            int start = 1 + rnd.nextInt(110_000_000);
            int end = start + (i % 3 == 0 ? rnd.nextInt(2_000) : rnd.nextInt(5_000_000));
            List<Variant> expected = all.stream()
                    .filter(v -> v.chrom().equals(chrom) && v.pos() >= start && v.pos() <= end).toList();
            String region = (i % 2 == 0 ? chrom.substring(3) : chrom) + ":" + start + "-" + end;
            try (VcfVariantSource src = VcfVariantSource.open(file, VcfReadOptions.all().withRegion(region))) {
                assertTrue(src.readsByIndex(), file + " is read by region through its index");
                assertEquals(expected, TestVcfs.readAll(src), region);
            }
            if (!expected.isEmpty()) nonEmpty++;
        }
        return nonEmpty;
    }

    @Test
    void bcfRegionsAreReadThroughItsCsiIndex() {
        List<Variant> all = TestVcfs.readAll(VcfVariantSource.open(VCF));
        try (HtsjdkRecordStream probe = new HtsjdkRecordStream(BCF, RegionSet.of(List.of(GenomicRegion.parse("chr1:1-10"))), false)) {
            assertTrue(!probe.readsBcfByIndex(), "only VcfVariantSource switches a BCF to its index");
        }
        assertTrue(checkRandomRegions(BCF, all, 2, 40) > 10, "most regions hold records");
        List<Variant> several = TestVcfs.readAll(VcfVariantSource.open(BCF, VcfReadOptions.all().withRegions(List.of("3:50000000-", "chr2"))));
        assertEquals(all.stream().filter(v -> v.chrom().equals("chr2") || (v.chrom().equals("chr3") && v.pos() >= 50_000_000)).toList(), several);
    }

    @Test
    void csiRegionsMatchAFilteredFullRead() {
        List<Variant> all = TestVcfs.readAll(VcfVariantSource.open(VCF));
        assertEquals(3000, all.size());
        assertTrue(checkRandomRegions(VCF, all, 1, 60) > 20, "most regions hold records");
        List<Variant> whole = TestVcfs.readAll(VcfVariantSource.open(VCF, VcfReadOptions.all().withRegions(List.of("chr2", "3:50000000-"))));
        assertEquals(all.stream().filter(v -> v.chrom().equals("chr2") || (v.chrom().equals("chr3") && v.pos() >= 50_000_000)).toList(), whole);
    }
}
