package org.rareset.genotypes.vcf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reads the shared association golden cohort and checks the counts its README states. */
class GoldenCohortReadTest {
    @Test
    void readsTheGoldenCohort() {
        // The copy the repository ships in testdata/golden/assoc.
        Path vcf = Path.of(System.getProperty("rareset.testdata", "../testdata"), "golden", "assoc", "cohort.vcf.gz");
        assertTrue(Files.exists(vcf), vcf + " ships with the repository but is missing");
        List<Variant> vs;
        List<String> samples;
        try (VcfVariantSource src = VcfVariantSource.open(vcf)) {
            samples = src.samples();
            vs = TestVcfs.readAll(src);
        }
        // README: 2000 samples S0001..S2000, 719 biallelic SNVs, no missing, ALT always minor, 184 1/1 genotypes.
        assertEquals(2000, samples.size());
        assertEquals("S0001", samples.get(0));
        assertEquals("S2000", samples.get(1999));
        assertEquals(719, vs.size());
        int homAlt = 0;
        for (Variant v : vs) {
            assertEquals(4000, v.alleleNumber());
            assertEquals(0, v.missingCount());
            assertTrue(v.altIsMinor());
            assertEquals(v.key(), v.id());
            int ac = 0;
            for (byte c : v.carrierCounts()) {
                ac += c;
                if (c == 2) homAlt++;
            }
            assertEquals(v.alleleCount(), ac);
        }
        assertEquals(184, homAlt);
    }
}
