package org.rareset.genotypes.vcf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rareset.genotypes.vcf.TestVcfs.header;
import static org.rareset.genotypes.vcf.TestVcfs.line;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rareset.core.InputException;

class VcfVariantSourceTest {
    @TempDir Path dir;

    private static final String[] S5 = {"A", "B", "C", "D", "E"};

    private List<Variant> read(Path vcf, VcfReadOptions o, VcfVariantSource.Decoder d) {
        return TestVcfs.readAll(VcfVariantSource.open(vcf, o, d));
    }

    @ParameterizedTest
    @EnumSource(VcfVariantSource.Decoder.class)
    void biallelicDiploidCountsCarriersAndMissing(VcfVariantSource.Decoder d) {
        String text = header(List.of("1"), S5)
                + line("1", 100, "rs1", "A", "G", "PASS", "0/0", "0/1", "1|1", "./.", "0|1");
        Path vcf = TestVcfs.writeBgzip(dir.resolve("a.vcf.gz"), text);
        List<Variant> vs = read(vcf, VcfReadOptions.all(), d);
        assertEquals(1, vs.size());
        Variant v = vs.get(0);
        assertEquals("1", v.chrom());
        assertEquals(100, v.pos());
        assertEquals("rs1", v.id());
        assertEquals("A", v.ref());
        assertEquals("G", v.alt());
        assertEquals(4, v.alleleCount());
        assertEquals(8, v.alleleNumber());
        assertTrue(v.altIsMinor());
        assertArrayEquals(new int[] {1, 2, 4}, v.carrierSamples());
        assertArrayEquals(new byte[] {1, 2, 1}, v.carrierCounts());
        assertArrayEquals(new int[] {3}, v.missingSamples());
    }

    @ParameterizedTest
    @EnumSource(VcfVariantSource.Decoder.class)
    void multiAllelicSplitsOneVariantPerAlt(VcfVariantSource.Decoder d) {
        String text = header(List.of("1"), S5)
                + line("1", 200, ".", "A", "C,G", "PASS", "0/1", "1/2", "2/2", "0/0", "./.");
        Path vcf = TestVcfs.writeBgzip(dir.resolve("m.vcf.gz"), text);
        VcfVariantSource src = VcfVariantSource.open(vcf, VcfReadOptions.all(), d);
        List<Variant> vs = TestVcfs.readAll(src);
        assertEquals(2, vs.size());
        Variant c = vs.get(0);
        assertEquals("C", c.alt());
        assertEquals(2, c.alleleCount());
        assertEquals(8, c.alleleNumber());
        assertArrayEquals(new int[] {0, 1}, c.carrierSamples());
        assertArrayEquals(new byte[] {1, 1}, c.carrierCounts());
        Variant g = vs.get(1);
        assertEquals("G", g.alt());
        assertEquals(3, g.alleleCount());
        assertArrayEquals(new int[] {1, 2}, g.carrierSamples());
        assertArrayEquals(new byte[] {1, 2}, g.carrierCounts());
        assertArrayEquals(new int[] {4}, g.missingSamples());
        assertEquals(1, src.stats().multiAllelicRecords());
        assertEquals(2, src.stats().variants());
    }

    @ParameterizedTest
    @EnumSource(VcfVariantSource.Decoder.class)
    void haploidCallsCountOneCopy(VcfVariantSource.Decoder d) {
        String text = header(List.of("X"), S5)
                + line("X", 300, ".", "C", "T", "PASS", "0", "1", ".", "0/1", "1");
        Path vcf = TestVcfs.writeBgzip(dir.resolve("h.vcf.gz"), text);
        Variant v = read(vcf, VcfReadOptions.all(), d).get(0);
        assertEquals(3, v.alleleCount());
        assertEquals(5, v.alleleNumber()); // 1 + 1 + 2 + 1
        assertFalse(v.altIsMinor());
        // ALT is major: carriers of REF, with their REF copies.
        assertArrayEquals(new int[] {0, 3}, v.carrierSamples());
        assertArrayEquals(new byte[] {1, 1}, v.carrierCounts());
        assertArrayEquals(new int[] {2}, v.missingSamples());
        double[] dos = v.altDosages(5, new byte[] {1, 1, 1, 2, 1});
        assertArrayEquals(new double[] {0, 1, Double.NaN, 1, 1}, dos);
    }

    @ParameterizedTest
    @EnumSource(VcfVariantSource.Decoder.class)
    void halfMissingCallIsMissingWhenAsked(VcfVariantSource.Decoder d) {
        String text = header(List.of("1"), S5)
                + line("1", 400, ".", "C", "T", "PASS", "./1", "0/1", ".", "0/0", "0/0");
        Path vcf = TestVcfs.writeBgzip(dir.resolve("x.vcf.gz"), text);
        Variant v = read(vcf, VcfReadOptions.all().withHalfCall(HalfCall.MISSING), d).get(0);
        assertEquals(1, v.alleleCount());
        assertEquals(6, v.alleleNumber());
        assertArrayEquals(new int[] {1}, v.carrierSamples());
        assertArrayEquals(new int[] {0, 2}, v.missingSamples());
    }

    private String regionFile() {
        return header(List.of("1", "2"), S5)
                + line("1", 100, "a", "A", "G", "PASS", "0/1", "0/0", "0/0", "0/0", "0/0")
                + line("1", 150, "b", "A", "G", "LowQual", "0/0", "0/1", "0/0", "0/0", "0/0")
                + line("1", 200, "c", "A", "G", "PASS", "0/0", "0/0", "0/1", "0/0", "0/0")
                + line("1", 5000, "d", "A", "G", ".", "0/0", "0/0", "0/0", "0/1", "0/0")
                + line("2", 100, "e", "A", "G", "PASS", "0/0", "0/0", "0/0", "0/0", "0/1");
    }

    private static List<String> ids(List<Variant> vs) {
        return vs.stream().map(Variant::id).toList();
    }

    @ParameterizedTest
    @EnumSource(VcfVariantSource.Decoder.class)
    void regionQueryMatchesChrPrefixAndMergesRegions(VcfVariantSource.Decoder d) {
        Path vcf = TestVcfs.writeIndexed(dir.resolve("r.vcf.gz"), regionFile());
        assertEquals(List.of("a", "b", "c"), ids(read(vcf, VcfReadOptions.all().withRegion("chr1:100-200"), d)));
        assertEquals(List.of("b"), ids(read(vcf, VcfReadOptions.all().withRegion("1:101-199"), d)));
        // Given out of order and overlapping: read once each, in file order.
        assertEquals(List.of("a", "b", "d", "e"), ids(read(vcf,
                VcfReadOptions.all().withRegions(List.of("chr2:1-1000", "1:4000-6000", "1:100-150", "1:120-160")), d)));
        assertEquals(List.of("e"), ids(read(vcf, VcfReadOptions.all().withRegion("chr2"), d)));
    }

    @Test
    void regionsFileBedAndOneBased() throws Exception {
        Path vcf = TestVcfs.writeIndexed(dir.resolve("r.vcf.gz"), regionFile());
        Path bed = Files.writeString(dir.resolve("genes.bed"), "#comment\nchr1\t99\t150\n2\t99\t100\n");
        assertEquals(List.of("a", "b", "e"), ids(TestVcfs.readAll(
                VcfVariantSource.open(vcf, VcfReadOptions.all().withRegionsFile(bed)))));
        Path tsv = Files.writeString(dir.resolve("regions.txt"), "1\t150\t200\n1\t5000\n");
        assertEquals(List.of("b", "c", "d"), ids(TestVcfs.readAll(
                VcfVariantSource.open(vcf, VcfReadOptions.all().withRegionsFile(tsv)))));
    }

    @ParameterizedTest
    @EnumSource(VcfVariantSource.Decoder.class)
    void passOnlyKeepsPassAndDot(VcfVariantSource.Decoder d) {
        Path vcf = TestVcfs.writeIndexed(dir.resolve("r.vcf.gz"), regionFile());
        VcfVariantSource src = VcfVariantSource.open(vcf, VcfReadOptions.all().withPassOnly(true), d);
        assertEquals(List.of("a", "c", "d", "e"), ids(TestVcfs.readAll(src)));
        assertEquals(1, src.stats().failedFilterRecords());
        assertEquals(5, src.stats().records());
    }

    @ParameterizedTest
    @EnumSource(VcfVariantSource.Decoder.class)
    void sampleSubsetKeepsVcfOrderAndReindexes(VcfVariantSource.Decoder d) throws Exception {
        Path vcf = TestVcfs.writeIndexed(dir.resolve("r.vcf.gz"), regionFile());
        Path samples = Files.writeString(dir.resolve("keep.txt"), "E\nC\n");
        VcfVariantSource src = VcfVariantSource.open(vcf, VcfReadOptions.all().withSamplesFile(samples), d);
        assertEquals(List.of("C", "E"), src.samples());
        List<Variant> vs = TestVcfs.readAll(src);
        assertEquals(5, vs.size());
        assertEquals(0, vs.get(0).alleleCount());
        assertEquals(4, vs.get(0).alleleNumber());
        assertArrayEquals(new int[] {0}, vs.get(2).carrierSamples()); // C
        assertArrayEquals(new int[] {1}, vs.get(4).carrierSamples()); // E
        List<Variant> listed = TestVcfs.readAll(VcfVariantSource.open(vcf, VcfReadOptions.all().withSamples(List.of("C", "E")), d));
        assertEquals(vs, listed);
    }

    @Test
    void unknownSampleIsBadInput() {
        Path vcf = TestVcfs.writeIndexed(dir.resolve("r.vcf.gz"), regionFile());
        InputException e = assertThrows(InputException.class,
                () -> VcfVariantSource.open(vcf, VcfReadOptions.all().withSamples(List.of("A", "Z"))));
        assertTrue(e.getMessage().contains("'Z'"), e.getMessage());
    }

    @Test
    void bcfReadsLikeVcf() throws Exception {
        String text = header(List.of("1", "2"), S5)
                + line("1", 100, "a", "A", "G,T", "PASS", "0/1", "1/2", "./.", "2|2", "0/0")
                + line("1", 150, "b", "A", "G", "LowQual", "0/0", "0/1", "1/1", "1/1", "1/1")
                + line("2", 100, "e", "A", "G", "PASS", "0/0", "0/0", "0/0", "0/0", "0/1");
        Path vcf = TestVcfs.writeBgzip(dir.resolve("b.vcf.gz"), text);
        Path bcf = dir.resolve("b.bcf");
        try (var reader = new htsjdk.variant.vcf.VCFFileReader(vcf, false);
             var writer = new htsjdk.variant.variantcontext.writer.VariantContextWriterBuilder()
                     .setOutputPath(bcf).setOutputFileType(htsjdk.variant.variantcontext.writer.VariantContextWriterBuilder.OutputType.BCF)
                     .unsetOption(htsjdk.variant.variantcontext.writer.Options.INDEX_ON_THE_FLY).build()) {
            writer.writeHeader(reader.getFileHeader());
            for (var vc : reader) writer.add(vc);
        }
        List<Variant> fromVcf = TestVcfs.readAll(VcfVariantSource.open(vcf));
        List<Variant> fromBcf = TestVcfs.readAll(VcfVariantSource.open(bcf));
        assertEquals(4, fromVcf.size());
        assertEquals(fromVcf, fromBcf);
        assertEquals(List.of("a", "a", "e"), ids(TestVcfs.readAll(VcfVariantSource.open(bcf, VcfReadOptions.all().withRegions(List.of("chr1:1-120", "chr2:1-200"))))));
    }
}
