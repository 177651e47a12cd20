package org.rareset.genotypes.bgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rareset.core.InputException;
import org.rareset.genotypes.input.GenotypeInput;
import org.rareset.genotypes.GenotypeSources;
import org.rareset.genotypes.input.ImportOptions;
import org.rareset.genotypes.vcf.GenotypeFileSource;
import org.rareset.genotypes.vcf.TestVcfs;
import org.rareset.genotypes.vcf.Variant;
import org.rareset.genotypes.vcf.VcfReadOptions;
import org.rareset.genotypes.vcf.VcfVariantSource;

/**
 * Hand-made BGEN files ({@link BgenTestWriter}) for what plink2 does not write: multi-allelic
 * records, 32-bit and odd-width probabilities, phased and haploid calls, uncertain calls, no
 * embedded sample ids, and damaged files. Each readable file is compared with a VCF holding the
 * calls the hard-call rule must give.
 */
class BgenEdgeCaseTest {
    @TempDir Path dir;

    static final List<String> IDS = List.of("s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8");
    static final int N = IDS.size();

    /** Diploid genotypes over 3 alleles, colex order: 11 12 22 13 23 33. */
    static double[] g3(int index) {
        double[] d = new double[6];
        d[index] = 1;
        return d;
    }

    /**
     * A C/G/T record (REF = first with ref-first): 0/0 0/1 1/1 0/2 1/2 2/2, a missing call, an
     * uncertain call (0.6 on 0/0, 0.4 on 0/1: distance 0.4 > 0.1, missing) and a near-certain
     * one (0.95 on 0/1, 0.05 on 0/0: distance 0.05, called 0/1).
     */
    static BgenTestWriter.Rec multiAllelic(int bits) {
        double[][] p = {g3(0), g3(1), g3(2), g3(3), g3(4), g3(5), g3(0), {0.6, 0.4, 0, 0, 0, 0}, {0.05, 0.95, 0, 0, 0, 0}};
        boolean[] missing = new boolean[N];
        missing[6] = true;
        int[] ploidy = new int[N];
        Arrays.fill(ploidy, 2);
        return new BgenTestWriter.Rec("chr2", 1000, "rs1", List.of("C", "G", "T"), bits, false, ploidy, missing, p);
    }

    /** Phased, with haploid samples: 0|1, 1|1, 0 (haploid), 1 (haploid), 1|0, missing, 0|0, 0|0, 0|0. */
    static BgenTestWriter.Rec phasedMixedPloidy(int bits) {
        double[] r = {1, 0};
        double[] a = {0, 1};
        double[][] p = {cat(r, a), cat(a, a), r, a, cat(a, r), cat(r, r), cat(r, r), cat(r, r), cat(r, r)};
        int[] ploidy = {2, 2, 1, 1, 2, 2, 2, 2, 2};
        boolean[] missing = new boolean[N];
        missing[5] = true;
        return new BgenTestWriter.Rec("chr2", 2000, "rs2", List.of("A", "G"), bits, true, ploidy, missing, p);
    }

    static double[] cat(double[] x, double[] y) {
        double[] d = Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, d, x.length, y.length);
        return d;
    }

    /** The VCF holding the calls the two records above must read as. */
    Path expectedVcf() {
        String text = TestVcfs.header(List.of("chr2"), IDS.toArray(String[]::new))
                + TestVcfs.line("chr2", 1000, "rs1", "C", "G,T", "PASS", "0/0", "0/1", "1/1", "0/2", "1/2", "2/2", "./.", "./.", "0/1")
                + TestVcfs.line("chr2", 2000, "rs2", "A", "G", "PASS", "0|1", "1|1", "0", "1", "1|0", "./.", "0|0", "0|0", "0|0");
        return TestVcfs.writePlain(dir.resolve("expected.vcf"), text);
    }

    List<Variant> read(Path bgen, Path sample, boolean refFirst) {
        try (GenotypeFileSource s = GenotypeSources.open(GenotypeInput.bgen(bgen, sample), new ImportOptions(refFirst, false, 0.1))) {
            assertEquals(IDS, s.samples());
            return TestVcfs.readAll(s);
        }
    }

    List<Variant> expected() {
        try (VcfVariantSource v = VcfVariantSource.open(expectedVcf())) {
            return TestVcfs.readAll(v);
        }
    }

    Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    @ParameterizedTest(name = "{0} bits, {1}")
    @CsvSource({"32,ZLIB", "16,ZSTD", "8,NONE", "5,ZLIB", "1,ZSTD"})
    void multiAllelicPhasedHaploidAndUncertainCallsReadAsTheVcf(int bits, BgenCompression compression) throws IOException {
        Path bgen = write("edge.bgen", BgenTestWriter.file(2, compression, IDS, N, List.of(multiAllelic(bits), phasedMixedPloidy(bits))));
        List<Variant> got = read(bgen, null, true);
        List<Variant> want = expected();
        if (bits == 1) {
            // 1-bit probabilities are 0 or 1: s7's 0.6/0.4 is stored as 1/0, a certain 0/0, and s8 stays 0/1.
            assertEquals(3, got.size());
            assertEquals("[6]", Arrays.toString(got.get(0).missingSamples()));
            for (int i = 0; i < 2; i++) {
                assertEquals(want.get(i).alleleCount(), got.get(i).alleleCount());
                assertEquals(want.get(i).alleleNumber() + 2, got.get(i).alleleNumber());
            }
            assertEquals(want.get(2), got.get(2));
            return;
        }
        assertEquals(want, got);
        assertEquals(3, got.size(), "C>G, C>T and A>G");
        assertEquals(2, got.get(0).missingCount(), "the flagged and the uncertain call");
    }

    /** With the last allele as REF (the default), T is REF and C, G are ALT 1 and 2 of the same calls. */
    @Test
    void refLastMakesTheLastAlleleRef() throws IOException {
        Path bgen = write("edge.bgen", BgenTestWriter.file(2, BgenCompression.ZLIB, IDS, N, List.of(multiAllelic(16))));
        List<Variant> got = read(bgen, null, false);
        assertEquals(List.of("T:C", "T:G"), got.stream().map(v -> v.ref() + ":" + v.alt()).toList());
        // ALT C: copies of C per sample 2,1,0,1,0,0,-,-,1 -> AC 5 over 7 called samples (AN 14)
        assertEquals(5, got.get(0).alleleCount());
        assertEquals(14, got.get(0).alleleNumber());
        // ALT G: copies 0,1,2,0,1,0,-,-,1 -> AC 5
        assertEquals(5, got.get(1).alleleCount());
    }

    /**
     * Diploid biallelic blocks with missing samples at the edges and side by side: the reader finds
     * the missing samples by comparing the ploidy bytes with a row of 2s, and decodes only the
     * non-hom-REF samples. Every thread count and compression, and the sample-by-sample path taken
     * for a sample subset, give the calls written.
     */
    @ParameterizedTest(name = "{0}, {1} threads")
    @CsvSource({"ZLIB,1", "ZLIB,2", "ZSTD,1", "ZSTD,3", "NONE,2"})
    void missingSamplesInDiploidBlocksOnEveryPath(BgenCompression compression, int threads) throws IOException {
        int n = 100;
        List<String> ids = new ArrayList<>();
        for (int s = 0; s < n; s++) ids.add("id" + s);
        double[] homRef = {1, 0, 0};
        double[] het = {0, 1, 0};
        double[] homAlt = {0, 0, 1};
        List<BgenTestWriter.Rec> recs = new ArrayList<>();
        int[] ploidy = new int[n];
        Arrays.fill(ploidy, 2);
        for (int r = 0; r < 6; r++) {
            boolean[] missing = new boolean[n];
            double[][] p = new double[n][];
            Arrays.fill(p, homRef);
            // record r: missing samples 0, 1, 50+r, 99 (from r = 2 on), carriers next to them
            missing[0] = missing[1] = missing[50 + r] = true;
            if (r >= 2) missing[99] = true;
            p[2] = het;
            p[49 + r] = homAlt;
            p[51 + r] = het;
            p[98] = het;
            recs.add(new BgenTestWriter.Rec("chr1", 100 + r, "v" + r, List.of("A", "G"), 16, false, ploidy, missing, p));
        }
        Path bgen = write("diploid.bgen", BgenTestWriter.file(2, compression, ids, n, recs));
        ImportOptions refFirst = new ImportOptions(true, false, 0.1);
        List<Variant> all;
        try (GenotypeFileSource s = GenotypeSources.open(GenotypeInput.bgen(bgen, null), VcfReadOptions.all(), refFirst, threads)) {
            all = TestVcfs.readAll(s);
        }
        assertEquals(6, all.size());
        for (int r = 0; r < 6; r++) {
            Variant v = all.get(r);
            String missing = r >= 2 ? "[0, 1, " + (50 + r) + ", 99]" : "[0, 1, " + (50 + r) + "]";
            assertEquals(missing, Arrays.toString(v.missingSamples()), "record " + r);
            assertEquals("[2, " + (49 + r) + ", " + (51 + r) + ", 98]", Arrays.toString(v.carrierSamples()), "record " + r);
            assertEquals("[1, 2, 1, 1]", Arrays.toString(v.carrierCounts()), "record " + r);
            assertEquals(5, v.alleleCount());
            assertEquals(2 * (n - v.missingCount()), v.alleleNumber());
        }
        // Every sample but id3 (a subset): the sample-by-sample decoder, renumbered samples.
        List<String> subset = new ArrayList<>(ids);
        subset.remove("id3");
        try (GenotypeFileSource s = GenotypeSources.open(GenotypeInput.bgen(bgen, null), VcfReadOptions.all().withSamples(subset),
                refFirst, threads)) {
            List<Variant> some = TestVcfs.readAll(s);
            for (int r = 0; r < 6; r++) {
                int[] wantMissing = Arrays.stream(all.get(r).missingSamples()).map(x -> x > 3 ? x - 1 : x).toArray();
                int[] wantCarriers = Arrays.stream(all.get(r).carrierSamples()).map(x -> x > 3 ? x - 1 : x).toArray();
                assertEquals(Arrays.toString(wantMissing), Arrays.toString(some.get(r).missingSamples()));
                assertEquals(Arrays.toString(wantCarriers), Arrays.toString(some.get(r).carrierSamples()));
            }
        }
    }

    @Test
    void layoutOneWithMissingCalls() throws IOException {
        double[] aa = {1, 0, 0};
        double[] ab = {0, 1, 0};
        double[] bb = {0, 0, 1};
        double[][] p = {aa, ab, bb, aa, aa, aa, aa, {0.1, 0.85, 0.05}, aa};
        boolean[] missing = new boolean[N];
        missing[3] = true;
        int[] ploidy = new int[N];
        Arrays.fill(ploidy, 2);
        var rec = new BgenTestWriter.Rec("chr2", 10, "rs9", List.of("A", "G"), 16, false, ploidy, missing, p);
        for (BgenCompression c : List.of(BgenCompression.NONE, BgenCompression.ZLIB)) {
            Path bgen = write("l1.bgen", BgenTestWriter.file(1, c, IDS, N, List.of(rec)));
            List<Variant> got = read(bgen, null, true);
            assertEquals(1, got.size());
            Variant v = got.get(0);
            // s1 het, s2 hom-alt, s7 dosage 0.85 + 0.1 = 0.95 (distance 0.05): het; s3 missing
            assertEquals(4, v.alleleCount());
            assertEquals(16, v.alleleNumber());
            assertEquals("[1, 2, 7]", Arrays.toString(v.carrierSamples()));
            assertEquals("[3]", Arrays.toString(v.missingSamples()));
        }
    }

    @Test
    void withoutEmbeddedIdsTheSampleFileNamesTheSamples() throws IOException {
        Path bgen = write("noids.bgen", BgenTestWriter.file(2, BgenCompression.ZLIB, null, N, List.of(multiAllelic(8), phasedMixedPloidy(8))));
        StringBuilder sample = new StringBuilder("ID_1 ID_2 missing sex\n0 0 0 D\n");
        for (String id : IDS) sample.append("F").append(id).append(' ').append(id).append(" 0 NA\n");
        Path sampleFile = Files.writeString(dir.resolve("noids.sample"), sample);
        assertEquals(expected(), read(bgen, sampleFile, true));

        InputException e = assertThrows(InputException.class, () -> read(bgen, null, true));
        assertEquals(bgen + ": the file stores no sample ids (give its .sample file with --sample)", e.getMessage());

        try (GenotypeFileSource s = GenotypeSources.open(GenotypeInput.bgen(bgen, sampleFile), new ImportOptions(true, true, 0.1))) {
            assertEquals("Fs0_s0", s.samples().get(0), "--fid-iid pastes ID_1 and ID_2");
        }
    }

    @Test
    void aSampleFileWithAnotherCountIsRejected() throws IOException {
        Path bgen = write("x.bgen", BgenTestWriter.file(2, BgenCompression.ZLIB, IDS, N, List.of(multiAllelic(8))));
        Path sampleFile = Files.writeString(dir.resolve("x.sample"), "ID_1 ID_2 missing\n0 0 0\na a 0\nb b 0\n");
        InputException e = assertThrows(InputException.class, () -> read(bgen, sampleFile, true));
        assertTrue(e.getMessage().contains("lists 2 samples, but x.bgen has 9"), e.getMessage());
    }

    @Test
    void aTruncatedBlockNamesTheVariant() throws IOException {
        byte[] whole = BgenTestWriter.file(2, BgenCompression.ZSTD, IDS, N, List.of(multiAllelic(16), phasedMixedPloidy(16)));
        Path bgen = write("cut.bgen", Arrays.copyOf(whole, whole.length - 7));
        InputException e = assertThrows(InputException.class, () -> read(bgen, null, true));
        assertTrue(e.getMessage().startsWith(bgen + ": variant 2 (byte "), e.getMessage());
        assertTrue(e.getMessage().contains("truncated: the file ends inside this variant's block (the header promises 2 variants)"), e.getMessage());
    }

    @Test
    void corruptCompressedDataIsBadInput() throws IOException {
        byte[] whole = BgenTestWriter.file(2, BgenCompression.ZLIB, IDS, N, List.of(multiAllelic(16)));
        whole[whole.length - 10] ^= 0x5A;
        whole[whole.length - 11] ^= 0x3C;
        Path bgen = write("bad.bgen", whole);
        InputException e = assertThrows(InputException.class, () -> read(bgen, null, true));
        assertTrue(e.getMessage().startsWith(bgen + ": variant 1 (byte "), e.getMessage());
        assertTrue(e.getMessage().contains("zlib"), e.getMessage());
    }

    @Test
    void notABgenFile() throws IOException {
        Path bgen = write("text.bgen", "hello, this is not a bgen file at all".getBytes());
        InputException e = assertThrows(InputException.class, () -> read(bgen, null, true));
        assertTrue(e.getMessage().contains("not a BGEN file"), e.getMessage());
    }

    @Test
    void duplicateEmbeddedIdsAreBadInput() throws IOException {
        List<String> ids = new ArrayList<>(IDS);
        ids.set(4, "s1");
        Path bgen = write("dup.bgen", BgenTestWriter.file(2, BgenCompression.ZLIB, ids, N, List.of(multiAllelic(8))));
        InputException e = assertThrows(InputException.class, () -> read(bgen, null, true));
        assertTrue(e.getMessage().contains("sample id 's1' appears twice"), e.getMessage());
    }

    /** The genotype order of the spec: diploid over 3 alleles is 11 12 22 13 23 33. */
    @Test
    void genotypeOrderIsColex() {
        HardCalls h = new HardCalls(1, null, 0.1);
        int[][] t = h.genotypes(2, 3);
        assertEquals("[[2, 0, 0], [1, 1, 0], [0, 2, 0], [1, 0, 1], [0, 1, 1], [0, 0, 2]]", Arrays.deepToString(t));
        assertEquals(10, h.genotypes(3, 3).length, "C(3+2, 2) genotypes for ploidy 3");
    }
}
