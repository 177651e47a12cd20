package org.rareset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rareset.cli.CliRun.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rareset check}, and ingest's handling of damaged input and real-world VCF features
 * (testdata/vcf-features, README there), through the command line: exit codes, the one-line
 * messages and the QC summary's counts.
 */
class IntegrityAndFeaturesCommandTest {
    private static final Path TESTDATA = Path.of(System.getProperty("rareset.testdata", "../testdata"));
    private static final Path FEATURES = TESTDATA.resolve("vcf-features");
    private static final Path VALID = TESTDATA.resolve("ingest/valid.vcf.gz");

    @TempDir Path dir;

    private Map<String, String> qc(Path store) throws IOException {
        Map<String, String> m = new HashMap<>();
        for (String line : Files.readAllLines(store.resolveSibling(store.getFileName() + ".qc.tsv"))) {
            String[] f = line.split("\t");
            m.put(f[0], f[1]);
        }
        return m;
    }

    private static void assertOneCleanLine(CliRun r, String... expected) {
        assertEquals(2, r.exit(), r.err());
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), err);
        for (String e : expected) assertTrue(err.contains(e), "'" + e + "' not in: " + err);
        assertFalse(err.contains("Exception") || err.contains("internal error"), err);
    }

    @Test
    void checkPassesASoundStoreAndNamesADamagedOne() throws IOException {
        Path store = dir.resolve("c.rsg");
        assertEquals(0, run("ingest", "--vcf", VALID.toString(), "--out", store.toString(), "-q").exit());
        CliRun ok = run("check", store.toString());
        assertEquals(0, ok.exit(), ok.err());
        assertTrue(ok.out().contains("c.rsg: OK, 6 variants x 8 samples, every checksum matches"), ok.out());

        byte[] b = Files.readAllBytes(store);
        b[20] ^= 0x10; // inside the first variant's data block
        Files.write(store, b);
        assertOneCleanLine(run("check", store.toString()), "c.rsg", "the genotype store is corrupt", "fails its checksum");
    }

    @Test
    void corruptBgzfIsExitTwo() {
        assertOneCleanLine(run("ingest", "--vcf", FEATURES.resolve("corrupt-crc.vcf.gz").toString(), "--out", dir.resolve("x.rsg").toString()),
                "corrupt-crc.vcf.gz", "fails its CRC32 check");
        assertOneCleanLine(run("ingest", "--vcf", FEATURES.resolve("corrupt-crc.bcf").toString(), "--out", dir.resolve("y.rsg").toString()),
                "corrupt-crc.bcf", "fails its CRC32 check");
        assertFalse(Files.exists(dir.resolve("x.rsg")));
    }

    @Test
    void symbolicAllelesAreCountedInTheQcSummary() throws IOException {
        Path store = dir.resolve("s.rsg");
        CliRun r = run("ingest", "--vcf", FEATURES.resolve("symbolic.vcf").toString(), "--out", store.toString());
        assertEquals(0, r.exit(), r.err());
        Map<String, String> qc = qc(store);
        assertEquals("1", qc.get("alleles_skipped_spanning_deletion"));
        assertEquals("2", qc.get("alleles_skipped_unobserved"));
        assertEquals("2", qc.get("alleles_skipped_symbolic_sv"));
        assertEquals("2", qc.get("alleles_skipped_breakend"));
        assertEquals("0", qc.get("symbolic_sv_alleles_kept"));
        assertEquals("4", qc.get("variants_kept"));

        Path kept = dir.resolve("k.rsg");
        assertEquals(0, run("ingest", "--vcf", FEATURES.resolve("symbolic.vcf").toString(), "--out", kept.toString(), "-q", "--keep-symbolic").exit());
        assertEquals("2", qc(kept).get("symbolic_sv_alleles_kept"));
        assertEquals("6", qc(kept).get("variants_kept"));
    }

    /** plink2 keeps symbolic and breakend ALT codes in .bim and BGEN files: the same rule and counts as the VCF. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bed", "bgen"})
    void symbolicAllelesFromPlinkAndBgenFollowTheVcfRule(String format) throws IOException {
        java.util.List<String> input = format.equals("bed")
                ? java.util.List.of("--bfile", FEATURES.resolve("symbolic-biallelic").toString())
                : java.util.List.of("--bgen", FEATURES.resolve("symbolic-biallelic.bgen").toString(), "--ref-first");
        Path store = dir.resolve(format + ".rsg");
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("ingest", "--out", store.toString(), "-q"));
        args.addAll(input);
        CliRun r = CliRun.run(args);
        assertEquals(0, r.exit(), r.err());
        Map<String, String> qc = qc(store);
        assertEquals("1", qc.get("alleles_skipped_unobserved"));
        assertEquals("1", qc.get("alleles_skipped_symbolic_sv"));
        assertEquals("2", qc.get("alleles_skipped_breakend"));
        assertEquals("1", qc.get("variants_kept"));

        Path kept = dir.resolve(format + "-kept.rsg");
        args.set(2, kept.toString());
        args.add("--keep-symbolic");
        assertEquals(0, CliRun.run(args).exit());
        assertEquals("1", qc(kept).get("symbolic_sv_alleles_kept"));
        assertEquals("2", qc(kept).get("variants_kept"));
    }

    @Test
    void halfCallRuleAndGtNotFirstWarning() throws IOException {
        Path store = dir.resolve("h.rsg");
        CliRun r = run("ingest", "--vcf", FEATURES.resolve("half-calls.vcf").toString(), "--out", store.toString(), "--vcf-half-call", "missing");
        assertEquals(0, r.exit(), r.err());
        assertEquals("7", qc(store).get("half_calls"));
        CliRun bad = run("ingest", "--vcf", FEATURES.resolve("half-calls.vcf").toString(), "--out", store.toString(), "--vcf-half-call", "drop");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("'drop' is not a half-call rule: use missing, haploid or reference"), bad.err());

        Path gt = dir.resolve("g.rsg");
        CliRun g = run("ingest", "--vcf", FEATURES.resolve("gt-not-first.vcf").toString(), "--out", gt.toString());
        assertEquals(0, g.exit(), g.err());
        assertEquals(1, g.err().lines().filter(l -> l.contains("warning")).count(), g.err());
        assertTrue(g.err().contains("2 record(s) have GT after other FORMAT keys"), g.err());
        assertEquals("2", qc(gt).get("records_gt_not_first"));
    }

    @Test
    void mantaSitesReadAsMissing() throws IOException {
        Path store = dir.resolve("m.rsg");
        CliRun r = run("ingest", "--vcf", FEATURES.resolve("short-records.vcf").toString(), "--out", store.toString(), "-q");
        assertEquals(0, r.exit(), r.err());
        assertEquals("1", qc(store).get("records_short_read_as_missing"));
    }

    @Test
    void staleIndexAndPlainGzipRegionsAreOneLine() throws IOException {
        Path vcf = Files.copy(FEATURES.resolve("past-end.vcf.gz"), dir.resolve("p.vcf.gz"));
        Files.copy(FEATURES.resolve("past-end.vcf.gz.tbi"), dir.resolve("p.vcf.gz.tbi"));
        assertOneCleanLine(run("ingest", "--vcf", vcf.toString(), "--out", dir.resolve("p.rsg").toString(), "--region", "1:190000-190100"),
                "p.vcf.gz.tbi", "past the end of p.vcf.gz", "tabix -f -p vcf p.vcf.gz");
        assertOneCleanLine(run("ingest", "--vcf", FEATURES.resolve("plain-gzip.vcf.gz").toString(), "--out", dir.resolve("g.rsg").toString(),
                "--region", "1:1-2000"), "plain gzip", "bgzip", "tabix -p vcf");
    }

    @Test
    void standardInputIngests() throws IOException {
        Path fromFile = dir.resolve("f.rsg");
        Path fromStdin = dir.resolve("s.rsg");
        assertEquals(0, run("ingest", "--vcf", VALID.toString(), "--out", fromFile.toString(), "-q").exit());
        java.io.InputStream saved = System.in;
        try (java.io.InputStream in = Files.newInputStream(VALID)) {
            System.setIn(in);
            CliRun r = run("ingest", "--vcf", "-", "--out", fromStdin.toString(), "-q");
            assertEquals(0, r.exit(), r.err());
        } finally {
            System.setIn(saved);
        }
        // Byte-identical stores.
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(fromFile), Files.readAllBytes(fromStdin)));
    }
}
