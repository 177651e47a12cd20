package org.rareset.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PLINK 1 binary and BGEN inputs through the command line: the plink2-written copies of one cohort
 * (testdata/genotypes) ingest into stores byte-identical to the VCF's, {@code assoc} on them gives
 * the VCF's results, and broken files stop with one line and exit 2.
 */
class IngestPlinkBgenTest {
    static final Path G = Path.of("../testdata/genotypes");
    static final Path BAD = Path.of("../testdata/bad");

    @TempDir Path dir;

    static List<String> inputArgs(String format) {
        return switch (format) {
            case "bfile" -> List.of("--bfile", G.resolve("cohort").toString());
            case "bed" -> List.of("--bed", G.resolve("cohort.bed").toString(), "--fam", G.resolve("cohort.fam").toString());
            case "v11" -> List.of("--bgen", G.resolve("cohort.v11.bgen").toString(), "--sample", G.resolve("cohort.sample").toString());
            case "v12" -> List.of("--bgen", G.resolve("cohort.v12.bgen").toString());
            case "v12-bits3" -> List.of("--bgen", G.resolve("cohort.v12-bits3.bgen").toString());
            case "v13" -> List.of("--bgen", G.resolve("cohort.v13.bgen").toString());
            case "v13-ref-first" -> List.of("--bgen", G.resolve("cohort.v13-ref-first.bgen").toString(), "--ref-first");
            default -> throw new IllegalArgumentException(format);
        };
    }

    static CliRun ingest(List<String> input, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("ingest", "--out", out.toString(), "--quiet"));
        args.addAll(input);
        args.addAll(List.of(more));
        return CliRun.run(args);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"bfile", "bed", "v11", "v12", "v12-bits3", "v13", "v13-ref-first"})
    void storeIsByteIdenticalToTheVcfs(String format) throws IOException {
        Path fromVcf = dir.resolve("vcf.rsg");
        Path other = dir.resolve(format + ".rsg");
        CliRun r = ingest(List.of("--vcf", G.resolve("cohort.vcf.gz").toString()), fromVcf, "--max-missing", "0.05");
        assertEquals(0, r.exit(), r.err());
        r = ingest(inputArgs(format), other, "--max-missing", "0.05");
        assertEquals(0, r.exit(), r.err());
        assertArrayEquals(Files.readAllBytes(fromVcf), Files.readAllBytes(other));
        for (String side : List.of(".qc.tsv", ".samples.tsv")) {
            assertEquals(Files.readAllLines(Path.of(fromVcf + side)), Files.readAllLines(Path.of(other + side)), side);
        }
    }

    @Test
    void regionAndSampleOptionsWorkAsForTheVcf() throws IOException {
        Path keep = Files.writeString(dir.resolve("keep.txt"), "S000005\nS000017\nS000030\nS000041\n");
        List<String> same = List.of("--region", "chr2", "--samples-file", keep.toString());
        Path a = dir.resolve("a.rsg");
        Path b = dir.resolve("b.rsg");
        Path c = dir.resolve("c.rsg");
        assertEquals(0, ingest(List.of("--vcf", G.resolve("cohort.vcf.gz").toString()), a, same.toArray(String[]::new)).exit());
        assertEquals(0, ingest(inputArgs("bfile"), b, same.toArray(String[]::new)).exit());
        assertEquals(0, ingest(inputArgs("v13"), c, same.toArray(String[]::new)).exit());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(c));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"bfile", "v12", "v13"})
    void assocGivesTheVcfsResults(String format) throws IOException {
        List<String> common = List.of("assoc", "--annotations", G.resolve("annotations.tsv").toString(),
                "--pheno", G.resolve("pheno.tsv").toString(), "--phenotypes", "QT,BT", "--quiet");
        Path fromVcf = dir.resolve("vcf.tsv");
        Path other = dir.resolve(format + ".tsv");
        List<String> a = new ArrayList<>(common);
        a.addAll(List.of("--vcf", G.resolve("cohort.vcf.gz").toString(), "--out", fromVcf.toString()));
        List<String> b = new ArrayList<>(common);
        b.addAll(inputArgs(format));
        b.addAll(List.of("--out", other.toString()));
        CliRun r = CliRun.run(a);
        assertEquals(0, r.exit(), r.err());
        r = CliRun.run(b);
        assertEquals(0, r.exit(), r.err());
        List<String> want = Files.readAllLines(fromVcf);
        assertTrue(want.size() > 10, "results for several genes");
        assertEquals(want, Files.readAllLines(other));
    }

    /** One line, naming the file and the place, exit 2, and no store left behind. */
    static void assertBadInput(CliRun r, Path out, String expected) {
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void duplicateIidsInTheFam() {
        Path out = dir.resolve("x.rsg");
        CliRun r = ingest(List.of("--bed", G.resolve("cohort.bed").toString(), "--fam", BAD.resolve("duplicate-iid.fam").toString()), out);
        assertBadInput(r, out, "duplicate-iid.fam: line 5: sample id 'S000002' appears again (first on line 2)");
        // With FID_IID names they are still equal (FID 0 on both lines).
        r = ingest(List.of("--bed", G.resolve("cohort.bed").toString(), "--fam", BAD.resolve("duplicate-iid.fam").toString(), "--fid-iid"), out);
        assertBadInput(r, out, "sample id '0_S000002' appears again");
    }

    @Test
    void truncatedBed() {
        Path out = dir.resolve("x.rsg");
        CliRun r = ingest(List.of("--bed", BAD.resolve("truncated.bed").toString(), "--bim", G.resolve("cohort.bim").toString(),
                "--fam", G.resolve("cohort.fam").toString()), out);
        assertBadInput(r, out, "truncated.bed: truncated: 3000 bytes, but the .bim's 315 variants x the .fam's 60 samples need 4728");
    }

    @Test
    void malformedBim() {
        Path out = dir.resolve("x.rsg");
        CliRun r = ingest(List.of("--bed", G.resolve("cohort.bed").toString(), "--bim", BAD.resolve("malformed.bim").toString()), out);
        assertBadInput(r, out, "malformed.bim: line 7: position '12x5' is not a base-pair coordinate");
    }

    @Test
    void truncatedBgen() {
        Path out = dir.resolve("x.rsg");
        CliRun r = ingest(List.of("--bgen", BAD.resolve("truncated.bgen").toString()), out);
        assertBadInput(r, out, "truncated.bgen: variant ");
        assertTrue(r.err().contains("truncated: the file ends inside this variant's block (the header promises 315 variants)"), r.err());
    }

    @Test
    void textThatIsNotUtf8() {
        Path out = dir.resolve("x.rsg");
        CliRun r = ingest(List.of("--bed", G.resolve("cohort.bed").toString(), "--fam", BAD.resolve("not-utf8.fam").toString()), out);
        assertBadInput(r, out, "not-utf8.fam: not UTF-8 text");
        r = ingest(List.of("--bgen", G.resolve("cohort.v12.bgen").toString(), "--sample", BAD.resolve("not-utf8.sample").toString()), out);
        assertBadInput(r, out, "not-utf8.sample: not UTF-8 text");
    }

    @Test
    void damagedZstdBlock() {
        Path out = dir.resolve("x.rsg");
        CliRun r = ingest(List.of("--bgen", BAD.resolve("zstd-bitflip.bgen").toString()), out);
        assertBadInput(r, out, "zstd-bitflip.bgen: variant ");
        assertTrue(r.err().contains("zstd data is corrupt"), r.err());
    }

    @Test
    void optionMistakes() {
        Path out = dir.resolve("x.rsg");
        assertBadInput(ingest(inputArgs("bfile"), out, "--pass-only"), out, "--pass-only: PLINK .bed/.bim files have no FILTER column");
        assertBadInput(ingest(List.of("--vcf", G.resolve("cohort.vcf.gz").toString(), "--bfile", G.resolve("cohort").toString()), out),
                out, "give one genotype format: --vcf, --bfile, --bed or --bgen");
        assertBadInput(ingest(List.of("--bfile", G.resolve("cohort").toString(), "--sample", G.resolve("cohort.sample").toString()), out),
                out, "--sample: is given without --bgen");
        assertBadInput(ingest(List.of("--bgen", G.resolve("cohort.v12.bgen").toString(), "--hard-call-threshold", "0.7"), out),
                out, "--hard-call-threshold: value 0.7 is not in [0, 0.5]");
        assertBadInput(ingest(List.of("--bfile", dir.resolve("nothing").toString()), out), out, "nothing.bed: file not found");
    }
}
