package org.rareset.deepset.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rareset.deepset.model.MlpDeepSet;
import org.rareset.deepset.pretrained.PretrainedEnsemble;
import org.rareset.deepset.pretrained.SharedData;
import org.rareset.genotypes.vcf.VcfVariantSource;

/**
 * ../shared/golden/deeprvat: 300 samples x 12 genes scored with DeepRVAT's 30 published models.
 * The expected values are float64 computations from the float32 weights, confirmed against
 * DeepRVAT's own DeepSetAgg in torch (see the fixture's README). A double-precision port must
 * match within 1e-9.
 */
class DeepRvatGoldenTest {
    private static final double TOLERANCE = 1e-9;
    private static Path golden;
    private static PretrainedEnsemble ensemble;
    private static ScoringInput input;

    @BeforeAll
    static void score() {
        if (!SharedData.hasGolden() || !SharedData.hasPretrained()) return; // each test then reports the skip
        golden = SharedData.goldenDir();
        ensemble = PretrainedEnsemble.load(SharedData.pretrainedDir());
        try (VcfVariantSource vcf = VcfVariantSource.open(golden.resolve("cohort.vcf.gz"))) {
            input = ScoringInputReader.read(golden.resolve("annotations.tsv"), ensemble, vcf);
        }
    }

    @org.junit.jupiter.api.BeforeEach
    void needsSharedData() {
        SharedData.golden();
    }

    private Map<String, Map<String, Double>> scoreAll(int threads) {
        GeneScoringEngine engine = new GeneScoringEngine(ensemble);
        Map<String, Map<String, Double>> out = new HashMap<>();
        engine.scoreAll(input.genes().iterator(), threads, gs -> {
            Map<String, Double> bySample = new HashMap<>();
            for (int s = 0; s < input.samples().size(); s++) bySample.put(input.samples().get(s), gs.score(s));
            out.put(gs.gene(), bySample);
        });
        return out;
    }

    @Test
    void readsTheWholeCohort() {
        ScoringInput.Summary s = input.summary();
        assertEquals(300, input.samples().size());
        assertEquals(12, s.genes());
        assertEquals(81, s.annotationRows());
        assertEquals(79, s.vcfAlleles());
        assertEquals(79, s.vcfAllelesAnnotated());
        assertEquals(0, s.annotationRowsWithoutVcfRecord());
        assertEquals(0, s.missingCallsAsNonCarriers());
    }

    @Test
    void everyBurdenMatchesTheGoldenValue() throws IOException {
        checkAll(scoreAll(1));
    }

    @Test
    void threadsDoNotChangeTheScores() throws IOException {
        checkAll(scoreAll(3));
    }

    private void checkAll(Map<String, Map<String, Double>> scores) throws IOException {
        List<String> lines = Files.readAllLines(golden.resolve("expected_burdens.tsv"));
        assertEquals("sample\tgene\tburden", lines.get(0));
        double worst = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            double expected = Double.parseDouble(f[2]);
            double got = scores.get(f[1]).get(f[0]);
            worst = Math.max(worst, Math.abs(got - expected));
            assertEquals(expected, got, TOLERANCE, f[0] + " x " + f[1]);
        }
        assertEquals(3600, lines.size() - 1);
        assertTrue(worst <= TOLERANCE);
    }

    /**
     * Without a MAF_MB column, MAF_MB comes from the cohort's genotypes; the fixture wrote
     * DeepRVAT's values at full precision, so they must agree exactly.
     */
    @Test
    void mafMbFromTheGenotypesEqualsTheTable(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        List<String> lines = Files.readAllLines(golden.resolve("annotations.tsv"));
        int col = java.util.Arrays.asList(lines.get(0).split("\t")).indexOf("MAF_MB");
        List<String> cut = lines.stream().map(l -> {
            List<String> f = new java.util.ArrayList<>(java.util.Arrays.asList(l.split("\t", -1)));
            f.remove(col);
            return String.join("\t", f);
        }).toList();
        Path ann = tmp.resolve("no_maf_mb.tsv");
        Files.write(ann, cut);
        ScoringInput derived;
        try (VcfVariantSource vcf = VcfVariantSource.open(golden.resolve("cohort.vcf.gz"))) {
            derived = ScoringInputReader.read(ann, ensemble, vcf);
        }
        assertTrue(derived.summary().mafMbFromGenotypes());
        for (int g = 0; g < input.genes().size(); g++) {
            GeneRows a = input.genes().get(g);
            GeneRows b = derived.genes().get(g);
            for (int r = 0; r < a.nRows(); r++) {
                assertEquals(a.values()[r * 34], b.values()[r * 34], 0.0, a.gene() + " row " + r);
            }
            org.junit.jupiter.api.Assertions.assertArrayEquals(a.values(), b.values(), 0.0);
        }
    }

    /** rho of each model for the fixture's three chosen pairs, built from their carried rows. */
    @Test
    void perModelRhoMatches() throws IOException {
        List<String> lines = Files.readAllLines(golden.resolve("expected_burdens_per_model.tsv"));
        assertEquals("sample\tgene\trepeat\treverse\trho\tburden", lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            int sample = input.samples().indexOf(f[0]);
            GeneRows gene = input.genes().stream().filter(g -> g.gene().equals(f[1])).findFirst().orElseThrow();
            MlpDeepSet m = ensemble.members().get(Integer.parseInt(f[2]));
            assertEquals(Boolean.parseBoolean(f[3]), m.reverse());
            double[] pooled = m.poolStart();
            double[] e = new double[m.embeddingSize()];
            for (int r = 0; r < gene.nRows(); r++) {
                if (java.util.Arrays.binarySearch(gene.carriers()[r], sample) < 0) continue;
                m.embed(java.util.Arrays.copyOfRange(gene.values(), r * 34, r * 34 + 34), 1, e);
                for (int i = 0; i < e.length; i++) pooled[i] = Math.max(pooled[i], e[i]);
            }
            assertEquals(Double.parseDouble(f[4]), m.rho(pooled), 1e-11, line);
            double[] s = new double[1];
            m.scoreEmbeddings(pooled, 1, s);
            assertEquals(Double.parseDouble(f[5]), s[0], 1e-11, line);
        }
        assertEquals(90, lines.size() - 1);
    }
}
