package org.rareset.genotypes.vcf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;

/**
 * The byte-level decoder must give exactly the variants htsjdk's VariantContext path gives, on
 * random files with multi-allelic records, haploid and missing calls, phasing, extra FORMAT fields,
 * and lines long enough to span BGZF blocks and inflate batches.
 */
@Tag("slow")
public class FastDecoderEquivalenceTest {
    @TempDir Path dir;

    public static String randomVcf(long seed, int nSamples, int nRecords, boolean gtOnly) {
        Random rnd = new Random(seed);
        String[] names = new String[nSamples];
        for (int i = 0; i < nSamples; i++) names[i] = "S" + i;
        StringBuilder sb = new StringBuilder(TestVcfs.header(List.of("1", "2", "X"), names));
        String[] contigs = {"1", "2", "X"};
        int pos = 0;
        int c = 0;
        for (int r = 0; r < nRecords; r++) {
            if (r > 0 && r % (nRecords / 3 + 1) == 0) {
                c++;
                pos = 0;
            }
            pos += 1 + rnd.nextInt(50);
            int nAlt = rnd.nextInt(10) == 0 ? 2 + rnd.nextInt(2) : 1;
            String[] bases = {"C", "G", "T", "CA"};
            StringBuilder alt = new StringBuilder();
            for (int a = 0; a < nAlt; a++) alt.append(a == 0 ? "" : ",").append(bases[a]);
            boolean common = rnd.nextInt(8) == 0;
            boolean haploid = contigs[c].equals("X");
            sb.append(contigs[c]).append('\t').append(pos).append('\t').append(rnd.nextBoolean() ? "." : "rs" + r)
                    .append("\tA\t").append(alt).append("\t50\t").append(rnd.nextInt(5) == 0 ? "LowQual" : "PASS")
                    .append("\tAC=1\t").append(gtOnly ? "GT" : "GT:DP");
            for (int s = 0; s < nSamples; s++) {
                sb.append('\t');
                int ploidy = haploid && s % 2 == 0 ? 1 : 2;
                char sep = rnd.nextInt(4) == 0 ? '|' : '/';
                for (int k = 0; k < ploidy; k++) {
                    if (k > 0) sb.append(sep);
                    int roll = rnd.nextInt(1000);
                    if (roll < 5) sb.append('.');
                    else if (roll < (common ? 600 : 30)) sb.append(1 + rnd.nextInt(nAlt));
                    else sb.append('0');
                }
                if (!gtOnly) sb.append(':').append(rnd.nextInt(40));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private void assertSame(Path vcf, VcfReadOptions o) {
        List<Variant> fast = TestVcfs.readAll(VcfVariantSource.open(vcf, o, VcfVariantSource.Decoder.FAST));
        List<Variant> slow = TestVcfs.readAll(VcfVariantSource.open(vcf, o, VcfVariantSource.Decoder.HTSJDK));
        assertTrue(fast.size() > 0);
        assertEquals(slow.size(), fast.size());
        for (int i = 0; i < slow.size(); i++) assertEquals(slow.get(i), fast.get(i), "variant " + i);
    }

    @Test
    void randomFilesDecodeIdentically() {
        for (long seed = 1; seed <= 4; seed++) {
            Path vcf = TestVcfs.writeIndexed(dir.resolve("r" + seed + ".vcf.gz"), randomVcf(seed, 60, 300, seed % 2 == 0));
            assertSame(vcf, VcfReadOptions.all());
            assertSame(vcf, VcfReadOptions.all().withPassOnly(true).withSamples(List.of("S3", "S10", "S59")));
            assertSame(vcf, VcfReadOptions.all().withRegions(List.of("chr1:200-2000", "2:1-3000", "X:500-")));
        }
    }

    @Test
    void longLinesAcrossBlocksAndBatches() {
        // 2000 samples x 300 records: ~2.4 MB of text, beyond one inflate batch, lines over many blocks.
        Path vcf = TestVcfs.writeBgzip(dir.resolve("big.vcf.gz"), randomVcf(7, 2000, 300, true));
        assertSame(vcf, VcfReadOptions.all());
        Path plain = TestVcfs.writePlain(dir.resolve("small.vcf"), randomVcf(8, 20, 50, false));
        assertSame(plain, VcfReadOptions.all());
    }

    @Test
    void linesLongerThanAnInflateBatch() {
        // 300,000 samples: each record is ~1.2 MB of text, more than one inflate batch (1 MB).
        Path vcf = TestVcfs.writeBgzip(dir.resolve("wide.vcf.gz"), randomVcf(11, 300_000, 4, true));
        assertSame(vcf, VcfReadOptions.all());
    }

    @Test
    void errorsNameTheRightLineDeepInAMultiBatchFile() {
        // The error must name its own line, deep in the file, and come only after every earlier
        // record was handed out.
        String text = randomVcf(12, 2000, 300, true);
        String[] lines = text.split("\n", -1);
        int headerLines = 0;
        while (lines[headerLines].startsWith("#")) headerLines++;
        int bad = headerLines + 250;
        lines[bad] = lines[bad].replaceFirst("\t0/0\t", "\t0/x\t");
        Path vcf = TestVcfs.writeBgzip(dir.resolve("bad.vcf.gz"), String.join("\n", lines));
        List<Variant> seen = new ArrayList<>();
        org.rareset.core.InputException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.rareset.core.InputException.class, () -> {
                    try (VcfVariantSource src = VcfVariantSource.open(vcf, VcfReadOptions.all(), VcfVariantSource.Decoder.FAST)) {
                        for (Variant v : src) seen.add(v);
                    }
                });
        assertEquals("line " + (bad + 1), e.location());
        assertTrue(e.problem().contains("'0/x'"), e.problem());
        assertEquals(250, seen.stream().map(v -> v.chrom() + ":" + v.pos()).distinct().count());
    }

    @Test
    void gzipNotBgzipIsRead() throws Exception {
        Path gz = dir.resolve("g.vcf.gz");
        try (var out = new java.util.zip.GZIPOutputStream(java.nio.file.Files.newOutputStream(gz))) {
            out.write(randomVcf(9, 10, 40, true).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        List<Variant> fast = TestVcfs.readAll(VcfVariantSource.open(gz, VcfReadOptions.all(), VcfVariantSource.Decoder.FAST));
        List<Variant> slow = TestVcfs.readAll(VcfVariantSource.open(gz, VcfReadOptions.all(), VcfVariantSource.Decoder.HTSJDK));
        assertEquals(slow, fast);
        assertEquals(new ArrayList<>(slow).size(), fast.size());
    }
}
