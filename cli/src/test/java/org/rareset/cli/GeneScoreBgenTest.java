package org.rareset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.genotypes.GenotypeSources;
import org.rareset.genotypes.bgen.BgenWriter;
import org.rareset.genotypes.input.GenotypeInput;
import org.rareset.genotypes.input.ImportOptions;
import org.rareset.genotypes.vcf.GenotypeFileSource;
import org.rareset.genotypes.vcf.Variant;

/**
 * {@code score --write-bgen} on the DeepRVAT golden cohort: plink2 reads the BGEN back
 * ({@code --export A}) and every sample's dosage is 2 x its score in the dense table within the
 * 16-bit quantisation (and plink2's own 1/16384 dosage unit); genes in {@code --genes} sit at their
 * midpoint, the others at the midpoint of their variants, sorted by position; RareSet's reader opens
 * it too.
 */
@Tag("slow")
class GeneScoreBgenTest {
    static final Path SHARED = Path.of(System.getProperty("rareset.shared", "../shared"));
    static final Path GOLDEN = SHARED.resolve("golden/deeprvat");
    static final Path MODELS = SHARED.resolve("deeprvat-pretrained");

    @TempDir Path tmp;

    @Test
    void plink2ReadsTwiceTheScores() throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isRegularFile(GOLDEN.resolve("annotations.tsv"))
                && Files.isRegularFile(MODELS.resolve("model_config.yaml")), "shared golden data absent");
        // BED: 0-based half-open; G22_01 spans 17,000,001-17,200,000 (1-based), midpoint 17,100,000
        Path genes = Files.writeString(tmp.resolve("genes.bed"), "chr22\t17000000\t17200000\tG22_01\nchr22\t26000000\t27000001\tG22_05\n");
        Path bgen = tmp.resolve("scores.bgen");
        Path scores = tmp.resolve("scores.tsv");
        CliRun r = CliRun.run("score", "--pretrained", MODELS.toString(), "--vcf", GOLDEN.resolve("cohort.vcf.gz").toString(),
                "--annotations", GOLDEN.resolve("annotations.tsv").toString(), "--out", scores.toString(), "--dense", "long",
                "--write-bgen", bgen.toString(), "--genes", genes.toString());
        assertEquals(0, r.exit(), r.err());
        Path sample = tmp.resolve("scores.sample");
        assertTrue(Files.isRegularFile(sample));

        Map<String, Double> score = new HashMap<>();
        List<String> geneOrder = new ArrayList<>();
        for (String line : Files.readAllLines(scores).subList(1, Files.readAllLines(scores).size())) {
            String[] f = line.split("\t");
            score.put(f[0] + "\t" + f[1], Double.parseDouble(f[2]));
            if (!geneOrder.contains(f[1])) geneOrder.add(f[1]);
        }
        // expected positions: the model's midpoints, else the span of the gene's annotated variants
        Map<String, long[]> span = new TreeMap<>();
        List<String> ann = Files.readAllLines(GOLDEN.resolve("annotations.tsv"));
        for (String line : ann.subList(1, ann.size())) {
            String[] f = line.split("\t");
            long pos = Long.parseLong(f[1]);
            span.merge(f[4], new long[] {pos, pos}, (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        }
        Map<String, Long> expectedPos = new HashMap<>();
        span.forEach((g, s) -> expectedPos.put(g, (s[0] + s[1]) / 2));
        expectedPos.put("G22_01", 17_100_000L);
        List<String> sortedGenes = new ArrayList<>(geneOrder); // one chromosome: the writer sorts by position, ties in gene order
        sortedGenes.sort(java.util.Comparator.comparingLong(expectedPos::get));
        expectedPos.put("G22_05", 26_500_001L); // (26,000,001 + 27,000,001) / 2

        if (!onPath("plink2")) {
            if (System.getenv("RARESET_REQUIRE_CI_TOOLS") != null) fail("plink2 is required here (RARESET_REQUIRE_CI_TOOLS) but not on PATH");
        } else {
            Process p = new ProcessBuilder("plink2", "--bgen", bgen.toString(), "ref-last", "--sample", sample.toString(),
                    "--export", "A", "--make-just-pvar", "--threads", "1", "--memory", "640", "--out", tmp.resolve("back").toString())
                    .redirectErrorStream(true).redirectOutput(tmp.resolve("plink2.out.txt").toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) fail("plink2 failed: " + Files.readString(tmp.resolve("plink2.out.txt")));
            List<String> pvar = Files.readAllLines(tmp.resolve("back.pvar"));
            List<String> ids = new ArrayList<>();
            for (String line : pvar) {
                if (line.startsWith("#")) continue;
                String[] f = line.split("\t");
                ids.add(f[2]);
                assertEquals("chr22", f[0].startsWith("chr") ? f[0] : "chr" + f[0], line);
                assertEquals((long) expectedPos.get(f[2]), Long.parseLong(f[1]), line);
                assertEquals("ref", f[3]);
                assertEquals("score", f[4]);
            }
            assertEquals(sortedGenes, ids);
            List<String> raw = Files.readAllLines(tmp.resolve("back.raw"));
            String[] header = raw.get(0).split("\\s+");
            boolean countsRef = header[6].endsWith("_ref"); // older plink2 releases count REF in --export A
            double tolerance = BgenWriter.maxDosageError(16) + 0.5 / 16384 + 1e-4;
            int checked = 0;
            for (String line : raw.subList(1, raw.size())) {
                String[] f = line.split("\\s+");
                for (int g = 0; g < ids.size(); g++) {
                    double x = Double.parseDouble(f[6 + g]);
                    double dosage = countsRef ? 2 - x : x;
                    assertEquals(2 * score.get(f[1] + "\t" + ids.get(g)), dosage, tolerance, f[1] + " " + ids.get(g));
                    checked++;
                }
            }
            assertEquals(score.size(), checked);
        }

        try (GenotypeFileSource s = GenotypeSources.open(GenotypeInput.bgen(bgen, sample), ImportOptions.defaults())) {
            List<String> got = new ArrayList<>();
            for (Variant v : s) {
                got.add(v.id());
                assertEquals((long) expectedPos.get(v.id()), v.pos());
                assertEquals("score", v.alt());
            }
            assertEquals(sortedGenes, got);
        }
    }

    static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) return true;
        }
        return false;
    }
}
