package org.rareset.genotypes.vcf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** bcftools' BCF 2.2 (bundled) reads exactly like the VCF it was made from. */
class BcfReadTest {
    private static final Path DATA = Path.of(System.getProperty("rareset.testdata", "../testdata"), "ingest");

    @Test
    void bcftoolsBcfMatchesVcf() {
        List<Variant> vcf = TestVcfs.readAll(VcfVariantSource.open(DATA.resolve("valid.vcf.gz")));
        List<Variant> bcf = TestVcfs.readAll(VcfVariantSource.open(DATA.resolve("valid.bcf")));
        assertEquals(6, vcf.size());
        assertEquals(vcf, bcf);
        VcfReadOptions o = VcfReadOptions.all().withRegion("chr1:1400-2100").withSamples(List.of("S02", "S03"));
        List<Variant> region = TestVcfs.readAll(VcfVariantSource.open(DATA.resolve("valid.bcf"), o));
        assertEquals(TestVcfs.readAll(VcfVariantSource.open(DATA.resolve("valid.vcf.gz"), o)), region);
        assertEquals(3, region.size());
    }

    @Test
    void mixedPloidyBcfMatchesVcf() {
        // bcftools marks the haploid calls with end-of-vector values and keeps DP as a second FORMAT field.
        List<Variant> vcf = TestVcfs.readAll(VcfVariantSource.open(DATA.resolve("mixed-ploidy.vcf")));
        List<Variant> viaHtsjdk = TestVcfs.readAll(VcfVariantSource.open(DATA.resolve("mixed-ploidy.vcf"),
                VcfReadOptions.all(), VcfVariantSource.Decoder.HTSJDK));
        List<Variant> bcf = TestVcfs.readAll(VcfVariantSource.open(DATA.resolve("mixed-ploidy.bcf")));
        assertTrue(vcf.size() > 60, "multi-allelic records are split");
        assertEquals(viaHtsjdk, vcf);
        assertEquals(vcf, bcf);
        VcfReadOptions subset = VcfReadOptions.all().withSamples(List.of("M01", "M05"));
        List<Variant> region = TestVcfs.readAll(VcfVariantSource.open(DATA.resolve("mixed-ploidy.bcf"), subset.withRegion("X:1-5000")));
        List<Variant> expected = TestVcfs.readAll(VcfVariantSource.open(DATA.resolve("mixed-ploidy.vcf"), subset))
                .stream().filter(v -> v.pos() <= 5000).toList();
        assertEquals(expected, region);
        assertTrue(region.size() > 0 && region.size() < vcf.size());
    }
}
