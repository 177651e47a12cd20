package org.rareset.annotate.vcf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rareset.annotate.InputException;

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
    void mixedPloidyBcfIsReportedClearly() {
        // The VCF reads; the same data as BCF 2.2 uses end-of-vector values that htsjdk cannot decode.
        assertTrue(TestVcfs.readAll(VcfVariantSource.open(DATA.resolve("mixed-ploidy.vcf"))).size() > 60);
        InputException e = assertThrows(InputException.class,
                () -> TestVcfs.readAll(VcfVariantSource.open(DATA.resolve("mixed-ploidy.bcf"))));
        assertTrue(e.getMessage().contains("mixed-ploidy.bcf") && e.getMessage().contains("bcftools view -Oz"), e.getMessage());
    }
}
