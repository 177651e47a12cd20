package org.rareset.cli.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.rareset.cli.MergeCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.core.table.EmptyTable;
import org.rareset.cli.CliRun;

/**
 * A chunk with no genes is written complete and says so ({@link EmptyTable#MARKER}); merge takes it.
 * A chunk cut down to its header does not say so, and merge refuses it. The chunks are real
 * {@code assoc --chunk K/4} runs on a three-gene cohort, so chunk 4 has no gene; the reference is
 * the single run without --chunk.
 */
class MergeEmptyChunkTest {
    @TempDir Path dir;

    List<String> assoc(Path vcf, Path ann, Path pheno, Path out, String... extra) {
        List<String> a = new ArrayList<>(List.of("assoc", "--vcf", vcf.toString(), "--annotations", ann.toString(), "--pheno", pheno.toString(),
                "--tests", "burden,skat", "--collapse-mac", "0", "--threads", "1", "-q", "--out", out.toString(),
                "--max-maf", "0.5", "--min-mac", "0")); // variants at MAF ~5%: test every gene
        a.addAll(List.of(extra));
        return a;
    }

    @Test
    void anEmptyChunkIsMergedAndAChunkCutToItsHeaderIsRefused() throws Exception {
        Path vcf = dir.resolve("cohort.vcf");
        StringBuilder v = new StringBuilder("##fileformat=VCFv4.2\n##contig=<ID=chr1,length=100000>\n"
                + "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT");
        int n = 50;
        for (int s = 0; s < n; s++) v.append("\tS").append(s);
        v.append('\n');
        StringBuilder ann = new StringBuilder("chrom\tpos\tref\talt\tgene\n");
        StringBuilder pheno = new StringBuilder("sample\tQT\n");
        Random r = new Random(4);
        for (int i = 0; i < 9; i++) {
            int pos = 1000 + 100 * i;
            v.append("chr1\t").append(pos).append("\t.\tA\tG\t.\tPASS\t.\tGT");
            for (int s = 0; s < n; s++) v.append(r.nextDouble() < 0.1 ? "\t0/1" : "\t0/0");
            v.append('\n');
            ann.append("chr1\t").append(pos).append("\tA\tG\tG").append(i / 3 + 1).append('\n');
        }
        for (int s = 0; s < n; s++) pheno.append('S').append(s).append('\t').append(r.nextGaussian()).append('\n');
        Files.writeString(vcf, v);
        Path a = Files.writeString(dir.resolve("ann.tsv"), ann);
        Path p = Files.writeString(dir.resolve("pheno.tsv"), pheno);

        Path single = dir.resolve("results.tsv");
        assertEquals(0, CliRun.run(assoc(vcf, a, p, single)).exit());
        List<String> merge = new ArrayList<>(List.of("merge", "--out", dir.resolve("merged.tsv").toString()));
        for (int k = 1; k <= 4; k++) {
            Path chunk = dir.resolve(MergeCommand.chunkName("results.tsv", k, 4));
            CliRun run = CliRun.run(assoc(vcf, a, p, chunk, "--chunk", k + "/4"));
            assertEquals(0, run.exit(), run.err());
            merge.add(chunk.toString());
        }
        Path empty = dir.resolve(MergeCommand.chunkName("results.tsv", 4, 4));
        List<String> emptyLines = Files.readAllLines(empty);
        assertEquals(2, emptyLines.size(), String.join("\n", emptyLines));
        assertEquals(EmptyTable.MARKER, emptyLines.get(1));

        CliRun ok = CliRun.run(merge);
        assertEquals(0, ok.exit(), ok.err());
        assertArrayEquals(Files.readAllBytes(single), Files.readAllBytes(dir.resolve("merged.tsv")));

        Path cut = dir.resolve(MergeCommand.chunkName("results.tsv", 2, 4));
        Files.writeString(cut, Files.readAllLines(cut).get(0) + "\n");
        CliRun refused = CliRun.run(merge);
        assertEquals(2, refused.exit(), refused.err());
        assertTrue(refused.err().contains("rareset: error: " + cut + ": has a header but no rows, and does not record that it was written empty"),
                refused.err());
    }
}
