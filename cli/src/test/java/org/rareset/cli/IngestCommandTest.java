package org.rareset.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rareset.cli.CliRun.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.genotypes.store.GenotypeStore;
import org.rareset.genotypes.vcf.Variant;

class IngestCommandTest {
    @TempDir Path dir;

    private static final Path TESTDATA = Path.of(System.getProperty("rareset.testdata", "../testdata"));
    private static final Path VALID = TESTDATA.resolve("ingest/valid.vcf.gz");
    private static final Path BAD = TESTDATA.resolve("bad");

    private Map<String, String> qc(Path store) throws IOException {
        Map<String, String> m = new HashMap<>();
        for (String line : Files.readAllLines(store.resolveSibling(store.getFileName() + ".qc.tsv"))) {
            String[] f = line.split("\t");
            m.put(f[0], f[1]);
        }
        return m;
    }

    private List<Variant> read(Path store) {
        List<Variant> out = new ArrayList<>();
        try (GenotypeStore gs = GenotypeStore.open(store)) {
            gs.forEach(out::add);
        }
        return out;
    }

    /** The demo cohort split after data line {@code cuts[i]} into plain VCFs, each with the full header. */
    private List<Path> splitDemoCohort(int... cuts) throws IOException {
        List<String> header = new ArrayList<>();
        List<String> records = new ArrayList<>();
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(new java.util.zip.GZIPInputStream(
                Files.newInputStream(TESTDATA.resolve("demo/cohort.vcf.gz")))))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) (line.startsWith("#") ? header : records).add(line);
        }
        List<Path> parts = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= cuts.length; i++) {
            int to = i < cuts.length ? cuts[i] : records.size();
            List<String> lines = new ArrayList<>(header);
            lines.addAll(records.subList(from, to));
            Path part = dir.resolve("part" + i + ".vcf");
            Files.write(part, lines);
            parts.add(part);
            from = to;
        }
        return parts;
    }

    @Test
    void severalFilesMakeTheSameStoreAsOne() throws IOException {
        // Cuts inside chr1 (same contig continues in the next file) and at the chr1/chr2 boundary.
        List<Path> parts = splitDemoCohort(200, 455, 2000);
        Path whole = dir.resolve("whole.rsg");
        assertEquals(0, run("ingest", "--vcf", TESTDATA.resolve("demo/cohort.vcf.gz").toString(), "--out", whole.toString()).exit());
        // One file after another, and (threads > 1) several at once into shard stores that are joined.
        for (String threads : List.of("1", "3")) {
            List<String> args = new ArrayList<>(List.of("ingest", "--threads", threads, "--vcf"));
            parts.forEach(p -> args.add(p.toString()));
            args.addAll(List.of("--out", dir.resolve("parts.rsg").toString()));
            CliRun r = run(args);
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.out().contains("4 files ("), r.out());
            assertArrayEquals(Files.readAllBytes(whole), Files.readAllBytes(dir.resolve("parts.rsg")), threads);
            for (String side : List.of(".qc.tsv", ".samples.tsv")) {
                assertEquals(Files.readAllLines(dir.resolve("whole.rsg" + side)), Files.readAllLines(dir.resolve("parts.rsg" + side)), side);
            }
        }
    }

    @Test
    void severalFilesOutOfOrderOrWithOtherSamplesAreBadInput() throws IOException {
        List<Path> parts = splitDemoCohort(200);
        Path out = dir.resolve("bad.rsg");
        for (String threads : List.of("1", "2")) {
            CliRun r = run("ingest", "--threads", threads, "--vcf", parts.get(1).toString(), parts.get(0).toString(), "--out", out.toString());
            assertEquals(2, r.exit(), r.err());
            assertTrue(r.err().contains("part0.vcf: starts at chr1:") && r.err().contains("give the files in genomic order"), r.err());
            assertFalse(Files.exists(out));
        }

        List<String> lines = new ArrayList<>(Files.readAllLines(parts.get(1)));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("#CHROM")) lines.set(i, lines.get(i).replaceFirst("\tS0*1\t", "\tRENAMED\t"));
        }
        Files.write(parts.get(1), lines);
        CliRun r = run("ingest", "--threads", "2", "--vcf", parts.get(0).toString(), parts.get(1).toString(), "--out", out.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("part1.vcf: its samples differ from the first file's: sample 1 is 'RENAMED'"), r.err());
        assertFalse(Files.exists(out));
        try (Stream<Path> left = Files.list(dir)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().contains("bad.rsg")), "no partial store or shard");
        }
    }

    @Test
    void ingestsTheValidVcfWithQc() throws IOException {
        Path store = dir.resolve("valid.rsg");
        CliRun r = run("ingest", "--vcf", VALID.toString(), "--out", store.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err(), "no progress output when not on a terminal");
        assertTrue(r.out().contains("variants_kept\t6"), r.out());
        Map<String, String> qc = qc(store);
        assertEquals("8", qc.get("samples"));
        assertEquals("5", qc.get("records_read"));
        assertEquals("1", qc.get("multiallelic_records_split"));
        assertEquals("6", qc.get("variants_read"));
        assertEquals("6", qc.get("variants_kept"));
        assertEquals("4", qc.get("variants_missing_none"));
        assertEquals("2", qc.get("variants_missing_le_50pct")); // v2's two ALTs: 1 of 8 missing

        List<Variant> vs = read(store);
        assertEquals(List.of("v1", "v2", "v2", "v3", "v4", "v5"), vs.stream().map(Variant::id).toList());
        Variant t = vs.get(1);
        Variant a = vs.get(2);
        assertEquals("T", t.alt());
        assertEquals(2, t.alleleCount()); // S01 0/1, S03 1/2
        assertEquals(14, t.alleleNumber()); // S06 missing
        assertArrayEquals(new int[] {0, 2}, t.carrierSamples());
        assertEquals("A", a.alt());
        assertArrayEquals(new int[] {1, 2}, a.carrierSamples()); // S02 0/2, S03 1/2
        assertArrayEquals(new int[] {5}, a.missingSamples());
        assertArrayEquals(new byte[] {1, 2}, vs.get(0).carrierCounts()); // S02 het, S05 hom-alt

        List<String> samples = Files.readAllLines(dir.resolve("valid.rsg.samples.tsv"));
        assertEquals("sample\tcalled\tmissing\tmissing_rate", samples.get(0));
        assertEquals("S06\t4\t2\t0.333333", samples.get(6));
    }

    @Test
    void filtersCountWhatTheyDrop() throws IOException {
        Path store = dir.resolve("f.rsg");
        CliRun r = run("ingest", "--vcf", VALID.toString(), "--out", store.toString(), "--quiet",
                "--pass-only", "--min-ac", "1", "--max-missing", "0.1", "--hwe-p", "0.25");
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.out());
        Map<String, String> qc = qc(store);
        assertEquals("1", qc.get("records_dropped_not_pass")); // v3 LowQual
        assertEquals("2", qc.get("variants_dropped_max_missing")); // both halves of v2: 1/8 missing
        assertEquals("1", qc.get("variants_dropped_min_ac")); // v4, AC 0
        assertEquals("1", qc.get("variants_dropped_hwe")); // v1: 1 het, 1 hom-alt, 6 hom-ref: p = 112/560 = 0.2
        assertEquals("1", qc.get("variants_kept"));
        assertEquals(List.of("v5"), read(store).stream().map(Variant::id).toList());
    }

    @Test
    void regionsSamplesAndBcf() throws IOException {
        Path keep = Files.writeString(dir.resolve("keep.txt"), "S07\nS01\n");
        Path store = dir.resolve("r.rsg");
        CliRun r = run("ingest", "--vcf", VALID.toString(), "--out", store.toString(), "-q",
                "--region", "chr1:1400-2100", "--region", "chr2:300", "--samples-file", keep.toString());
        assertEquals(0, r.exit(), r.err());
        List<Variant> vs = read(store);
        assertEquals(List.of("v2", "v2", "v3", "v5"), vs.stream().map(Variant::id).toList());
        try (GenotypeStore gs = GenotypeStore.open(store)) {
            assertEquals(List.of("S01", "S07"), gs.samples());
        }
        assertArrayEquals(new int[] {0, 1}, vs.get(3).carrierSamples());
        assertEquals(4, vs.get(3).alleleNumber());

        Path fromBcf = dir.resolve("b.rsg");
        assertEquals(0, run("ingest", "--vcf", TESTDATA.resolve("ingest/valid.bcf").toString(), "--out", fromBcf.toString(), "-q").exit());
        Path fromVcf = dir.resolve("v.rsg");
        assertEquals(0, run("ingest", "--vcf", VALID.toString(), "--out", fromVcf.toString(), "-q").exit());
        assertEquals(read(fromVcf), read(fromBcf));
    }

    /** Runs a failing ingest; checks exit 2, one line naming the file and the phrase, and no output left. */
    private void assertBadInput(Path vcf, List<String> expected, String... extra) throws IOException {
        Path out = dir.resolve("bad-out");
        Files.createDirectories(out);
        List<String> args = new ArrayList<>(List.of("ingest", "--vcf", vcf.toString(), "--out", out.resolve("x.rsg").toString()));
        args.addAll(List.of(extra));
        CliRun r = run(args.toArray(String[]::new));
        assertEquals(2, r.exit(), r.err());
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("rareset: error: "), err);
        for (String e : expected) assertTrue(err.contains(e), "'" + e + "' not in: " + err);
        assertFalse(err.contains("\tat "), err);
        try (Stream<Path> left = Files.list(out)) {
            assertEquals(List.of(), left.toList(), "nothing may be left behind");
        }
    }

    @Test
    void truncatedBgzip() throws IOException {
        assertBadInput(BAD.resolve("truncated.vcf.gz"), List.of("truncated.vcf.gz", "truncated"));
    }

    @Test
    void vcfWithoutGt() throws IOException {
        assertBadInput(BAD.resolve("no-gt.vcf"), List.of("no-gt.vcf", "line 10", "no GT"));
        assertBadInput(BAD.resolve("sites-only.vcf"), List.of("sites-only.vcf", "no sample columns"));
    }

    @Test
    void malformedRecord() throws IOException {
        assertBadInput(BAD.resolve("malformed.vcf"), List.of("malformed.vcf", "line 10", "POS '15x0'"));
    }

    @Test
    void unsortedRecords() throws IOException {
        assertBadInput(BAD.resolve("unsorted.vcf"), List.of("unsorted.vcf", "line 11", "not sorted", "bcftools sort"));
    }

    @Test
    void duplicateSampleNames() throws IOException {
        assertBadInput(BAD.resolve("duplicate-samples.vcf"), List.of("duplicate-samples.vcf", "'S02' appears twice"));
    }

    @Test
    void regionOnUnknownContig() throws IOException {
        assertBadInput(VALID, List.of("valid.vcf.gz", "chr9", "which the file does not have", "1, 2"), "--region", "chr9:1-100");
    }

    @Test
    void regionWithoutIndex() throws IOException {
        assertBadInput(BAD.resolve("no-index.vcf.gz"), List.of("no-index.vcf.gz", "index", "tabix -p vcf"), "--region", "1:1-2000");
    }

    @Test
    void damagedIndexIsOneLineNotAnAllocationFailure() throws IOException {
        Path vcf = Files.copy(TESTDATA.resolve("ingest/valid.vcf.gz"), dir.resolve("damaged.vcf.gz"));
        Files.copy(BAD.resolve("damaged-counts.vcf.gz.tbi"), dir.resolve("damaged.vcf.gz.tbi"));
        assertBadInput(vcf, List.of("damaged.vcf.gz.tbi", "cannot read the index (CRC mismatch)", "tabix -f -p vcf"), "--region", "1:1-2000");
    }

    @Test
    void badOptionValues() throws IOException {
        assertBadInput(VALID, List.of("--max-missing"), "--max-missing", "1.5");
        assertBadInput(VALID, List.of("--hwe-p"), "--hwe-p", "0");
        assertBadInput(VALID, List.of("--region", "'1:x-3'"), "--region", "1:x-3");
    }

    @Test
    void debugShowsTheStackTrace() {
        CliRun r = run("ingest", "--vcf", BAD.resolve("malformed.vcf").toString(), "--out", dir.resolve("x.rsg").toString(), "--debug");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("\tat org.rareset"), r.err());
    }

    @Test
    void helpHasExamples() {
        CliRun r = run("ingest", "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("Examples:") && r.out().contains("--hwe-p"), r.out());
    }
}
