package org.rareset.genotypes.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rareset.genotypes.GenotypeSources;
import org.rareset.genotypes.vcf.GenotypeFileSource;
import org.rareset.genotypes.vcf.Variant;
import org.rareset.genotypes.vcf.VcfReadOptions;
import org.rareset.genotypes.vcf.VcfVariantSource;
import org.junit.jupiter.api.Test;

/**
 * The same cohort written by plink2 as a PLINK 1 fileset and as BGEN 1.1, 1.2 and 1.3
 * (testdata/genotypes/make.sh) reads variant for variant as the VCF it came from: same REF/ALT,
 * allele counts, carriers with their copy counts, and missing calls.
 */
class PlinkBgenAgreementTest {
    static final Path DIR = Path.of("../testdata/genotypes");
    static final Path VCF = DIR.resolve("cohort.vcf.gz");

    static List<Object[]> inputs() {
        List<Object[]> out = new ArrayList<>();
        out.add(new Object[] {"bed", GenotypeInput.bfile(DIR.resolve("cohort").toString()), false});
        out.add(new Object[] {"bgen 1.1 (layout 1, zlib)", GenotypeInput.bgen(DIR.resolve("cohort.v11.bgen"), DIR.resolve("cohort.sample")), false});
        out.add(new Object[] {"bgen 1.2 (zlib, 16 bits)", GenotypeInput.bgen(DIR.resolve("cohort.v12.bgen"), null), false});
        out.add(new Object[] {"bgen 1.2 (zlib, 3 bits)", GenotypeInput.bgen(DIR.resolve("cohort.v12-bits3.bgen"), null), false});
        out.add(new Object[] {"bgen 1.3 (zstd, 16 bits)", GenotypeInput.bgen(DIR.resolve("cohort.v13.bgen"), DIR.resolve("cohort.sample")), false});
        out.add(new Object[] {"bgen 1.3 (zstd, 8 bits, ref-first)", GenotypeInput.bgen(DIR.resolve("cohort.v13-ref-first.bgen"), null), true});
        return out;
    }

    static List<Variant> read(GenotypeFileSource source) {
        List<Variant> out = new ArrayList<>();
        for (Variant v : source) out.add(v);
        return out;
    }

    static List<Variant> vcf(VcfReadOptions read) {
        try (VcfVariantSource s = VcfVariantSource.open(VCF, read)) {
            return read(s);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void readsAsTheVcf(String name, GenotypeInput input, boolean refFirst) {
        List<Variant> expected = vcf(VcfReadOptions.all());
        List<Variant> got;
        List<String> samples;
        try (GenotypeFileSource s = GenotypeSources.open(input, new ImportOptions(refFirst, false, 0.1))) {
            samples = s.samples();
            got = read(s);
            assertEquals(expected.size(), s.stats().variants());
        }
        try (VcfVariantSource v = VcfVariantSource.open(VCF)) {
            assertEquals(v.samples(), samples);
        }
        assertEquals(expected.size(), got.size());
        long missing = 0;
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), got.get(i), name + " variant " + i);
            missing += expected.get(i).missingCount();
        }
        assertTrue(missing > 0, "the cohort has missing calls");
        assertTrue(expected.stream().anyMatch(v -> !v.altIsMinor()) || expected.stream().anyMatch(v -> v.alleleCount() > 1),
                "the cohort has more than singletons");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void regionsAndSamplesAsTheVcf(String name, GenotypeInput input, boolean refFirst) {
        VcfReadOptions read = VcfReadOptions.all().withRegions(List.of("chr1:25840000-26000000", "2"))
                .withSamples(List.of("S000003", "S000010", "S000042"));
        List<Variant> expected = vcf(read);
        try (GenotypeFileSource s = GenotypeSources.open(input, read, new ImportOptions(refFirst, false, 0.1), 1)) {
            assertEquals(List.of("S000003", "S000010", "S000042"), s.samples());
            List<Variant> got = read(s);
            assertTrue(expected.size() > 10 && expected.size() < 300, "the regions pick part of the file: " + expected.size());
            assertEquals(expected, got);
        }
    }

    /** Reading a plink2 A1/A2 fileset with the alleles swapped turns every ALT count into AN - AC. */
    @Test
    void refFirstSwapsBimAlleles() {
        List<Variant> plain;
        List<Variant> swapped;
        try (GenotypeFileSource s = GenotypeSources.open(GenotypeInput.bfile(DIR.resolve("cohort").toString()), ImportOptions.defaults())) {
            plain = read(s);
        }
        try (GenotypeFileSource s = GenotypeSources.open(GenotypeInput.bfile(DIR.resolve("cohort").toString()), new ImportOptions(true, false, 0.1))) {
            swapped = read(s);
        }
        assertEquals(plain.size(), swapped.size());
        for (int i = 0; i < plain.size(); i++) {
            Variant a = plain.get(i);
            Variant b = swapped.get(i);
            assertEquals(a.ref(), b.alt());
            assertEquals(a.alt(), b.ref());
            assertEquals(a.alleleNumber() - a.alleleCount(), b.alleleCount());
            if (2 * a.alleleCount() != a.alleleNumber()) {
                assertEquals(!a.altIsMinor(), b.altIsMinor());
                assertEquals(java.util.Arrays.toString(a.carrierSamples()), java.util.Arrays.toString(b.carrierSamples()));
            }
        }
    }

    @Test
    void bundledFilesArePresent() {
        for (String f : List.of("cohort.bed", "cohort.bim", "cohort.fam", "cohort.sample", "cohort.v11.bgen", "cohort.v12.bgen",
                "cohort.v12-bits3.bgen", "cohort.v13.bgen", "cohort.v13-ref-first.bgen")) {
            assertTrue(Files.isRegularFile(DIR.resolve(f)), f);
        }
    }
}
