package org.rareset.annotate.vcf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Region reads through a CSI index (made by bcftools) against reading everything and filtering by position. */
class CsiRegionTest {
    private static final Path VCF = Path.of(System.getProperty("rareset.testdata", "../testdata"), "ingest", "csi", "spread.vcf.gz");
    private static final Path BCF = VCF.resolveSibling("spread.bcf");

    @Test
    void bcfRegionsAreReadThroughItsCsiIndex() {
        List<Variant> all = TestVcfs.readAll(VcfVariantSource.open(VCF));
        try (HtsjdkRecordStream probe = new HtsjdkRecordStream(BCF, RegionSet.of(List.of(GenomicRegion.parse("chr1:1-10"))), false)) {
            assertTrue(!probe.readsBcfByIndex(), "only VcfVariantSource switches a BCF to its index");
        }
        Random rnd = new Random(2);
        int nonEmpty = 0;
        for (int i = 0; i < 40; i++) {
            String chrom = "chr" + (1 + rnd.nextInt(3));
            int start = 1 + rnd.nextInt(110_000_000);
            int end = start + (i % 3 == 0 ? rnd.nextInt(2_000) : rnd.nextInt(5_000_000));
            List<Variant> expected = all.stream()
                    .filter(v -> v.chrom().equals(chrom) && v.pos() >= start && v.pos() <= end).toList();
            String region = (i % 2 == 0 ? chrom.substring(3) : chrom) + ":" + start + "-" + end;
            try (VcfVariantSource src = VcfVariantSource.open(BCF, VcfReadOptions.all().withRegion(region))) {
                assertTrue(src.readsByIndex(), "a BCF with a .csi is read by region");
                assertEquals(expected, TestVcfs.readAll(src), region);
            }
            if (!expected.isEmpty()) nonEmpty++;
        }
        assertTrue(nonEmpty > 10, "most regions hold records");
        List<Variant> several = TestVcfs.readAll(VcfVariantSource.open(BCF, VcfReadOptions.all().withRegions(List.of("3:50000000-", "chr2"))));
        assertEquals(all.stream().filter(v -> v.chrom().equals("chr2") || (v.chrom().equals("chr3") && v.pos() >= 50_000_000)).toList(), several);
    }

    @Test
    void csiRegionsMatchAFilteredFullRead() {
        List<Variant> all = TestVcfs.readAll(VcfVariantSource.open(VCF));
        assertEquals(3000, all.size());
        Random rnd = new Random(1);
        int nonEmpty = 0;
        for (int i = 0; i < 60; i++) {
            String chrom = "chr" + (1 + rnd.nextInt(3));
            int start = 1 + rnd.nextInt(110_000_000);
            int end = start + (i % 3 == 0 ? rnd.nextInt(2_000) : rnd.nextInt(5_000_000));
            List<Variant> expected = all.stream()
                    .filter(v -> v.chrom().equals(chrom) && v.pos() >= start && v.pos() <= end).toList();
            String region = (i % 2 == 0 ? chrom.substring(3) : chrom) + ":" + start + "-" + end;
            List<Variant> got = TestVcfs.readAll(VcfVariantSource.open(VCF, VcfReadOptions.all().withRegion(region)));
            assertEquals(expected, got, region);
            if (!got.isEmpty()) nonEmpty++;
        }
        assertTrue(nonEmpty > 20, "most regions hold records");
        List<Variant> whole = TestVcfs.readAll(VcfVariantSource.open(VCF, VcfReadOptions.all().withRegions(List.of("chr2", "3:50000000-"))));
        assertEquals(all.stream().filter(v -> v.chrom().equals("chr2") || (v.chrom().equals("chr3") && v.pos() >= 50_000_000)).toList(), whole);
    }
}
