package org.rareset.genotypes.vcf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rareset.core.InputException;

/**
 * Real-world VCF features, one small file each in testdata/vcf-features (README there). Expected
 * counts are worked out from the genotypes by hand; the half-call default is checked against
 * {@code bcftools +fill-tags} AC/AN, which the README records.
 */
class VcfFeaturesTest {
    static final Path DATA = Path.of(System.getProperty("rareset.testdata", "../testdata"), "vcf-features");
    static final Path BAD = Path.of(System.getProperty("rareset.testdata", "../testdata"), "bad");

    @TempDir Path dir;

    private static List<Variant> read(VcfVariantSource src) {
        return TestVcfs.readAll(src);
    }

    private static String keys(List<Variant> vs) {
        return vs.stream().map(v -> v.pos() + ":" + v.ref() + ">" + v.alt() + " ac=" + v.alleleCount() + " an=" + v.alleleNumber())
                .collect(Collectors.joining(", "));
    }

    @ParameterizedTest
    @EnumSource(VcfVariantSource.Decoder.class)
    void symbolicAllelesAreLeftOutAndCounted(VcfVariantSource.Decoder d) {
        VcfVariantSource src = VcfVariantSource.open(DATA.resolve("symbolic.vcf"), VcfReadOptions.all(), d);
        List<Variant> vs = read(src);
        // Kept: the SNV, T of the '*' record (its AN still counts the * calls), A of the
        // <NON_REF> record, and the CA insertion of the <DUP> record.
        assertEquals("100:A>G ac=1 an=8, 200:C>T ac=1 an=8, 300:G>A ac=1 an=8, 1200:C>CA ac=2 an=8", keys(vs));
        ReadStats s = src.stats();
        assertEquals(1, s.skippedAlleles(AlleleKind.SPANNING_DELETION));
        assertEquals(2, s.skippedAlleles(AlleleKind.UNOBSERVED));
        assertEquals(2, s.skippedAlleles(AlleleKind.SYMBOLIC_SV));
        assertEquals(2, s.skippedAlleles(AlleleKind.BREAKEND));
        assertEquals(0, s.symbolicKept());
        assertEquals(4, s.variants());
        src.close();
    }

    @ParameterizedTest
    @EnumSource(VcfVariantSource.Decoder.class)
    void keepSymbolicKeepsSvAllelesOnly(VcfVariantSource.Decoder d) {
        VcfVariantSource src = VcfVariantSource.open(DATA.resolve("symbolic.vcf"), VcfReadOptions.all().withKeepSymbolic(true), d);
        List<Variant> vs = read(src);
        assertEquals("100:A>G ac=1 an=8, 200:C>T ac=1 an=8, 300:G>A ac=1 an=8, 500:A><DEL> ac=3 an=8, "
                + "1200:C><DUP> ac=2 an=8, 1200:C>CA ac=2 an=8", keys(vs));
        assertArrayEquals(new int[] {0, 2}, vs.get(3).carrierSamples());
        assertEquals(2, src.stats().symbolicKept());
        assertEquals(0, src.stats().skippedAlleles(AlleleKind.SYMBOLIC_SV));
        assertEquals(1, src.stats().skippedAlleles(AlleleKind.SPANNING_DELETION));
        src.close();
    }

    @Test
    void alleleKinds() {
        assertEquals(AlleleKind.SEQUENCE, AlleleKind.of("ACGT"));
        assertEquals(AlleleKind.SPANNING_DELETION, AlleleKind.of("*"));
        assertEquals(AlleleKind.UNOBSERVED, AlleleKind.of("<NON_REF>"));
        assertEquals(AlleleKind.UNOBSERVED, AlleleKind.of("<*>"));
        assertEquals(AlleleKind.SYMBOLIC_SV, AlleleKind.of("<DUP:TANDEM>"));
        assertEquals(AlleleKind.BREAKEND, AlleleKind.of("]13:123456]T"));
        assertEquals(AlleleKind.BREAKEND, AlleleKind.of("C[2:321682["));
        assertEquals(AlleleKind.BREAKEND, AlleleKind.of("A."));
        assertEquals(AlleleKind.BREAKEND, AlleleKind.of(".A"));
    }

    /** htsjdk (the reference decoder) refuses GT after other keys, so this is the fast decoder's alone. */
    @Test
    void gtAnywhereInFormat() {
        VcfVariantSource src = VcfVariantSource.open(DATA.resolve("gt-not-first.vcf"), VcfReadOptions.all());
        List<Variant> vs = read(src);
        assertEquals("100:A>G ac=3 an=8, 200:C>T ac=3 an=4, 300:G>A ac=3 an=8", keys(vs));
        // 200: S2 has only DP (GT dropped as a trailing key) and S4 is ./.: both missing.
        assertArrayEquals(new int[] {1, 3}, vs.get(1).missingSamples(), java.util.Arrays.toString(vs.get(1).missingSamples()));
        // AC 3 of AN 4: ALT is the major allele, so the store lists the REF carriers (S1).
        assertEquals(false, vs.get(1).altIsMinor());
        assertArrayEquals(new int[] {0}, vs.get(1).carrierSamples());
        assertEquals(2, src.stats().gtNotFirstRecords());
        src.close();
    }

    @Test
    void eightColumnRecordsReadAsMissing() {
        VcfVariantSource src = VcfVariantSource.open(DATA.resolve("short-records.vcf"), VcfReadOptions.all());
        List<Variant> vs = read(src);
        // The Manta-style <DEL> site is a symbolic allele (skipped); the 8-column SNV site is all missing.
        assertEquals("100:A>G ac=3 an=8, 300:G>A ac=0 an=0, 500:A>T ac=1 an=8", keys(vs));
        assertArrayEquals(new int[] {0, 1, 2, 3}, vs.get(1).missingSamples());
        assertEquals(1, src.stats().shortRecords());
        assertEquals(1, src.stats().skippedAlleles(AlleleKind.SYMBOLIC_SV));
        src.close();
    }

    @Test
    void someSampleColumnsMissingIsAnErrorAsInHtslib() {
        InputException e = assertThrows(InputException.class, () -> read(VcfVariantSource.open(BAD.resolve("missing-sample-columns.vcf"))));
        assertEquals("line 6", e.location());
        assertTrue(e.problem().contains("record has 2 sample columns but the header has 4"), e.getMessage());
    }

    @Test
    void sevenColumnsNamesTheRealCount() {
        InputException e = assertThrows(InputException.class, () -> read(VcfVariantSource.open(BAD.resolve("seven-columns.vcf"))));
        assertEquals("record has 7 tab-separated columns, a VCF record needs at least 8", e.problem());
    }

    @ParameterizedTest
    @EnumSource(VcfVariantSource.Decoder.class)
    void halfCallsHaploidByDefaultAsBcftoolsCounts(VcfVariantSource.Decoder d) {
        VcfVariantSource src = VcfVariantSource.open(DATA.resolve("half-calls.vcf"), VcfReadOptions.all(), d);
        List<Variant> vs = read(src);
        // bcftools +fill-tags -t AC,AN (htslib 1.16): 100 AC 3 AN 5; 200 AC 2,2 AN 7; 300 AC 2 AN 4.
        assertEquals("100:A>G ac=3 an=5, 200:C>T ac=2 an=7, 200:C>A ac=2 an=7, 300:G>C ac=2 an=4", keys(vs));
        // AC 3 of AN 5: ALT is the major allele, so the REF carriers are listed: S1 (0/. read as 0) and S5 (0/1).
        assertEquals(false, vs.get(0).altIsMinor());
        assertArrayEquals(new int[] {0, 4}, vs.get(0).carrierSamples());
        assertArrayEquals(new int[] {3}, vs.get(0).missingSamples());
        assertEquals(7, src.stats().halfCalls());
        src.close();
    }

    @ParameterizedTest
    @EnumSource(VcfVariantSource.Decoder.class)
    void halfCallsAsMissingOrReference(VcfVariantSource.Decoder d) {
        VcfVariantSource missing = VcfVariantSource.open(DATA.resolve("half-calls.vcf"), VcfReadOptions.all().withHalfCall(HalfCall.MISSING), d);
        List<Variant> m = read(missing);
        // Only whole calls count: 100 has S5 0/1 (AC 1, AN 2), S1-S4 missing.
        assertEquals("100:A>G ac=1 an=2, 200:C>T ac=1 an=4, 200:C>A ac=1 an=4, 300:G>C ac=1 an=3", keys(m));
        assertArrayEquals(new int[] {0, 1, 2, 3}, m.get(0).missingSamples());
        VcfVariantSource ref = VcfVariantSource.open(DATA.resolve("half-calls.vcf"), VcfReadOptions.all().withHalfCall(HalfCall.REFERENCE), d);
        List<Variant> r = read(ref);
        // '.' becomes 0: 100 is 0/0 1/0 0/1 ./. 0/1 -> AC 3, AN 8.
        assertEquals("100:A>G ac=3 an=8, 200:C>T ac=2 an=10, 200:C>A ac=2 an=10, 300:G>C ac=2 an=5", keys(r));
        missing.close();
        ref.close();
    }

    @Test
    void lowerCaseAllelesAreUpperCasedAsHtsjdkDoes() {
        List<Variant> vs = read(VcfVariantSource.open(DATA.resolve("lower-case.vcf")));
        assertEquals("100:A>G ac=1 an=8, 200:CTG>C ac=1 an=8", keys(vs));
    }

    @Test
    void flippedBitFailsTheBgzfCrc() {
        InputException e = assertThrows(InputException.class, () -> read(VcfVariantSource.open(DATA.resolve("corrupt-crc.vcf.gz"))));
        assertTrue(e.problem().contains("fails its CRC32 check"), e.getMessage());
    }

    @Test
    void flippedBitFailsTheBgzfCrcThroughAnIndex() throws Exception {
        Path vcf = dir.resolve("c.vcf.gz");
        Files.copy(DATA.resolve("corrupt-crc.vcf.gz"), vcf);
        Path tbi = Files.copy(Path.of(DATA.getParent().toString(), "ingest", "valid.vcf.gz.tbi"), dir.resolve("c.vcf.gz.tbi"));
        Files.setLastModifiedTime(tbi, FileTime.fromMillis(System.currentTimeMillis()));
        InputException e = assertThrows(InputException.class,
                () -> read(VcfVariantSource.open(vcf, VcfReadOptions.all().withRegion("1:1-3000"))));
        assertTrue(e.problem().contains("fails its CRC32 check"), e.getMessage());
    }

    @Test
    void flippedBitFailsTheBcfCrc() {
        InputException e = assertThrows(InputException.class, () -> read(VcfVariantSource.open(DATA.resolve("corrupt-crc.bcf"))));
        assertTrue(e.problem().contains("fails its CRC32 check"), e.getMessage());
    }

    @Test
    void indexOlderThanItsFileIsNamed() throws Exception {
        Path vcf = Files.copy(Path.of(DATA.getParent().toString(), "ingest", "valid.vcf.gz"), dir.resolve("v.vcf.gz"));
        Path tbi = Files.copy(Path.of(DATA.getParent().toString(), "ingest", "valid.vcf.gz.tbi"), dir.resolve("v.vcf.gz.tbi"));
        Files.setLastModifiedTime(tbi, FileTime.fromMillis(Files.getLastModifiedTime(vcf).toMillis() - 3_600_000));
        InputException e = assertThrows(InputException.class, () -> VcfVariantSource.open(vcf, VcfReadOptions.all().withRegion("1:1-3000")));
        assertEquals(tbi.toString(), e.source());
        assertTrue(e.problem().contains("the index is older than v.vcf.gz"), e.getMessage());
        assertEquals("rebuild it: tabix -f -p vcf v.vcf.gz", e.hint());
    }

    @Test
    void indexPointingPastTheFileIsNamed() throws Exception {
        Path vcf = Files.copy(DATA.resolve("past-end.vcf.gz"), dir.resolve("p.vcf.gz"));
        Path tbi = Files.copy(DATA.resolve("past-end.vcf.gz.tbi"), dir.resolve("p.vcf.gz.tbi"));
        InputException e = assertThrows(InputException.class,
                () -> read(VcfVariantSource.open(vcf, VcfReadOptions.all().withRegion("1:190000-190100"))));
        assertEquals(tbi.toString(), e.source());
        assertTrue(e.problem().contains("past the end of p.vcf.gz"), e.getMessage());
        assertTrue(e.hint().contains("tabix -f -p vcf p.vcf.gz"), e.getMessage());
    }

    @Test
    void regionOnPlainGzipSaysBgzip() {
        InputException e = assertThrows(InputException.class,
                () -> VcfVariantSource.open(DATA.resolve("plain-gzip.vcf.gz"), VcfReadOptions.all().withRegion("1:1-3000")));
        assertTrue(e.problem().contains("plain gzip"), e.getMessage());
        assertTrue(e.hint().contains("bgzip") && e.hint().contains("tabix -p vcf"), e.getMessage());
        // Without a region the plain-gzip file reads (as htslib does).
        assertEquals(6, read(VcfVariantSource.open(DATA.resolve("plain-gzip.vcf.gz"))).size());
    }

    @Test
    void standardInputReadsAsTheFile() throws Exception {
        Path valid = Path.of(DATA.getParent().toString(), "ingest", "valid.vcf.gz");
        List<Variant> expected = read(VcfVariantSource.open(valid));
        java.io.InputStream saved = System.in;
        try (java.io.InputStream in = Files.newInputStream(valid)) {
            System.setIn(in);
            assertEquals(expected, read(VcfVariantSource.open(Path.of("-"))));
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void namedPipeReadsAsTheFileButRefusesARegion() throws Exception {
        Path valid = Path.of(DATA.getParent().toString(), "ingest", "valid.vcf.gz");
        List<Variant> expected = read(VcfVariantSource.open(valid));
        Path fifo = dir.resolve("cohort.fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Thread writer = new Thread(() -> {
            try (java.io.OutputStream out = Files.newOutputStream(fifo)) {
                Files.copy(valid, out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();
        try {
            assertEquals(expected, read(VcfVariantSource.open(fifo)));
        } finally {
            writer.join(10_000);
        }
        InputException e = assertThrows(InputException.class, () -> VcfVariantSource.open(fifo, VcfReadOptions.all().withRegion("1:1-100")));
        assertEquals("a region query needs the file's index, and a pipe has none", e.problem());
    }
}
