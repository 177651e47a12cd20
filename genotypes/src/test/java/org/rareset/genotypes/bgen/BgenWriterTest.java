package org.rareset.genotypes.bgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rareset.genotypes.GenotypeSources;
import org.rareset.genotypes.input.GenotypeInput;
import org.rareset.genotypes.input.ImportOptions;
import org.rareset.genotypes.vcf.GenotypeFileSource;
import org.rareset.genotypes.vcf.Variant;

/**
 * {@link BgenWriter}: dosages written as BGEN 1.2 are read back by plink2 ({@code --export A}: the
 * dosage of the counted first allele) within the quantisation bound, and by RareSet's own reader,
 * whose hard calls must follow plink2's rule applied to the dosages.
 */
class BgenWriterTest {
    static final int N = 40;
    @TempDir Path dir;

    /** Dosages over [0, 2] with the edges, values just off the quantisation grid, and missing samples. */
    static double[][] dosages(long seed) {
        Random r = new Random(seed);
        double[][] d = new double[5][N];
        for (int v = 0; v < d.length; v++) {
            for (int s = 0; s < N; s++) d[v][s] = 2 * r.nextDouble();
        }
        double[] edges = {0, 1, 2, 0.05, 0.1, 0.95, 1.05, 1.9, 1.95, 1e-9, 2 - 1e-9, 0.5 / 255, 0.4999 / 255};
        System.arraycopy(edges, 0, d[0], 0, edges.length);
        d[1][3] = Double.NaN;
        d[2][0] = Double.NaN;
        return d;
    }

    static List<String> ids() {
        List<String> ids = new ArrayList<>();
        for (int s = 0; s < N; s++) ids.add("sample" + s);
        return ids;
    }

    Path write(int bits, double[][] d) throws IOException {
        Path bgen = dir.resolve("scores" + bits + ".bgen");
        try (BgenWriter w = BgenWriter.open(bgen, ids(), bits)) {
            for (int v = 0; v < d.length; v++) w.write("GENE" + v, "1", 1000L * (v + 1), "score", "ref", d[v]);
            w.commit();
        }
        BgenSampleFile.write(dir.resolve("scores" + bits + ".sample"), ids());
        return bgen;
    }

    /** The dosage a reader gets back: the stored integers over 2^bits - 1 (the writer's rounding rule). */
    static double stored(double d, int bits) {
        long max = (1L << bits) - 1;
        if (d <= 1) return (double) Math.round(d * max) / max;
        long a = Math.round((d - 1) * max);
        return (2.0 * a + (max - a)) / max;
    }

    @ParameterizedTest(name = "{0} bits")
    @ValueSource(ints = {8, 16})
    void ownReaderGivesPlink2sHardCallsOfTheDosages(int bits) throws IOException {
        double[][] d = dosages(bits);
        Path bgen = write(bits, d);
        List<Variant> read = new ArrayList<>();
        try (GenotypeFileSource s = GenotypeSources.open(GenotypeInput.bgen(bgen, dir.resolve("scores" + bits + ".sample")),
                new ImportOptions(false, false, 0.1))) {
            for (Variant v : s) read.add(v);
            assertEquals(ids(), s.samples());
        }
        assertEquals(d.length, read.size());
        for (int v = 0; v < d.length; v++) {
            Variant var = read.get(v);
            assertEquals("GENE" + v, var.id());
            assertEquals(1000 * (v + 1), var.pos());
            assertEquals("ref", var.ref());
            assertEquals("score", var.alt());
            double[] calls = var.altDosages(N, null);
            for (int s = 0; s < N; s++) {
                double x = d[v][s];
                assertTrue(Double.isNaN(x) || Math.abs(stored(x, bits) - x) <= BgenWriter.maxDosageError(bits) + 1e-15, "bound " + x);
                double q = Double.isNaN(x) ? Double.NaN : stored(x, bits);
                // plink2's rule: the nearest count when within 0.1 of it, else missing
                double expected = Double.isNaN(q) || Math.abs(q - Math.rint(q)) > 0.1 + 1e-12 ? Double.NaN : Math.rint(q);
                assertEquals(expected, calls[s], 0, "variant " + v + " sample " + s + " dosage " + x);
            }
        }
    }

    @ParameterizedTest(name = "{0} bits")
    @ValueSource(ints = {8, 16})
    void plink2ReadsTheDosagesBack(int bits) throws IOException, InterruptedException {
        if (!onPath("plink2")) {
            if (System.getenv("RARESET_REQUIRE_CI_TOOLS") != null) fail("plink2 is required here (RARESET_REQUIRE_CI_TOOLS) but not on PATH");
            assumeTrue(false, "plink2 is not installed (Debian package plink2)");
        }
        double[][] d = dosages(bits);
        Path bgen = write(bits, d);
        Process p = new ProcessBuilder("plink2", "--bgen", bgen.toString(), "ref-last", "--sample", dir.resolve("scores" + bits + ".sample").toString(),
                "--export", "A", "--make-just-pvar", "--threads", "1", "--memory", "640", "--out", dir.resolve("back").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("plink2.log.txt").toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) fail("plink2 failed: " + Files.readString(dir.resolve("plink2.log.txt")));
        List<String> raw = Files.readAllLines(dir.resolve("back.raw"));
        String[] header = raw.get(0).split("\\s+");
        // read ref-last, the first allele is plink2's ALT
        List<String> pvar = Files.readAllLines(dir.resolve("back.pvar"));
        assertTrue(pvar.contains("1\t1000\tGENE0\tref\tscore"), pvar.toString());
        // older plink2 releases count REF in --export A, newer ones ALT: the header says which
        assertTrue(header[6].equals("GENE0_score") || header[6].equals("GENE0_ref"), header[6]);
        boolean countsRef = header[6].endsWith("_ref");
        assertEquals(N + 1, raw.size());
        // plink2 keeps dosages in units of 1/16384 and prints them rounded: allow for both
        double tolerance = BgenWriter.maxDosageError(bits) + 0.5 / 16384 + 1e-4;
        for (int s = 0; s < N; s++) {
            String[] f = raw.get(s + 1).split("\\s+");
            assertEquals("sample" + s, f[1]);
            for (int v = 0; v < d.length; v++) {
                if (Double.isNaN(d[v][s])) {
                    assertEquals("NA", f[6 + v]);
                } else {
                    double x = Double.parseDouble(f[6 + v]);
                    assertEquals(d[v][s], countsRef ? 2 - x : x, tolerance, "variant " + v + " sample " + s);
                }
            }
        }
    }

    /** Variants arriving unsorted come out sorted: chromosomes in order of first appearance, positions increasing. */
    @Test
    void unsortedVariantsAreWrittenSorted() throws IOException {
        Path bgen = dir.resolve("unsorted.bgen");
        double[] d = new double[N];
        String[][] arrival = {{"2", "500", "A"}, {"1", "300", "B"}, {"2", "100", "C"}, {"1", "200", "D"}, {"2", "100", "E"}};
        try (BgenWriter w = BgenWriter.open(bgen, ids(), 8)) {
            for (int v = 0; v < arrival.length; v++) {
                d[0] = v / 4.0; // tells the blocks apart
                w.write(arrival[v][2], arrival[v][0], Long.parseLong(arrival[v][1]), "score", "ref", d);
            }
            w.commit();
        }
        List<String> got = new ArrayList<>();
        try (GenotypeFileSource s = GenotypeSources.open(GenotypeInput.bgen(bgen, null), ImportOptions.defaults())) {
            for (Variant v : s) got.add(v.chrom() + ":" + v.pos() + ":" + v.id() + ":" + v.altDosages(N, null)[0]);
        }
        assertEquals(List.of("2:100:C:NaN", "2:100:E:1.0", "2:500:A:0.0", "1:200:D:NaN", "1:300:B:NaN"), got);
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "only the BGEN is left");
        }
    }

    @Test
    void badDosageAndUnfinishedFileLeaveNothing() throws IOException {
        Path bgen = dir.resolve("bad.bgen");
        try (BgenWriter w = BgenWriter.open(bgen, ids(), 16)) {
            double[] d = new double[N];
            d[5] = 2.5;
            assertThrows(IllegalArgumentException.class, () -> w.write("G", "1", 10, "score", "ref", d));
        }
        assertFalse(Files.exists(bgen));
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "the temporary file is gone");
        }
    }

    static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) return true;
        }
        return false;
    }
}
