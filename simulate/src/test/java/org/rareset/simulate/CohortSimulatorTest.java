package org.rareset.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import htsjdk.samtools.util.CloseableIterator;
import htsjdk.variant.variantcontext.Allele;
import htsjdk.variant.variantcontext.Genotype;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFFileReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;
import org.rareset.core.InputException;

/** One small simulated cohort, checked against htsjdk's reading of the VCF and closed-form definitions. */
@Tag("slow")
class CohortSimulatorTest {
    static final int SAMPLES = 400;
    @TempDir static Path dir;
    static Path cohort;
    static SimulationSummary summary;
    static List<VariantContext> records;

    @BeforeAll
    static void simulate() throws IOException {
        cohort = dir.resolve("cohort");
        SimulationSettings s = new SimulationSettings(SAMPLES, 60, 0, 42, 0.1, 3, true, 0.002, 0.03, 4, 1.0, 1, 2);
        summary = new CohortSimulator(s, "test").run(cohort, null);
        records = new ArrayList<>();
        try (VCFFileReader r = new VCFFileReader(cohort.resolve(SimulationSummary.VCF), true);
             CloseableIterator<VariantContext> it = r.iterator()) {
            while (it.hasNext()) {
                VariantContext vc = it.next();
                vc.getGenotypes().size(); // decodes the genotypes once, here
                records.add(vc);
            }
        }
    }

    @Test
    void vcfHasTheRequestedSamplesAndSortedRecords() throws IOException {
        try (VCFFileReader r = new VCFFileReader(cohort.resolve(SimulationSummary.VCF), true)) {
            List<String> samples = r.getFileHeader().getGenotypeSamples();
            assertEquals(SAMPLES, samples.size());
            assertEquals("S000001", samples.get(0));
            assertEquals("S000400", samples.get(SAMPLES - 1));
        }
        try (java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(
                new htsjdk.samtools.util.BlockCompressedInputStream(cohort.resolve(SimulationSummary.VCF).toFile())))) {
            assertEquals("##fileformat=VCFv4.2", in.readLine());
        }
        assertEquals(summary.records(), records.size());
        assertTrue(records.size() > 500, "records " + records.size());
        List<String> contigs = List.of("chr1", "chr2", "chr3");
        int multi = 0;
        long missing = 0;
        for (int i = 0; i < records.size(); i++) {
            VariantContext v = records.get(i);
            assertTrue(contigs.contains(v.getContig()), v.getContig());
            if (i > 0) {
                VariantContext p = records.get(i - 1);
                int c = Integer.compare(contigs.indexOf(p.getContig()), contigs.indexOf(v.getContig()));
                assertTrue(c < 0 || (c == 0 && p.getStart() < v.getStart()), "sorted at " + v);
            }
            List<String> ids = new ArrayList<>();
            for (Allele alt : v.getAlternateAlleles()) {
                ids.add(v.getContig() + ":" + v.getStart() + ":" + v.getReference().getBaseString() + ":" + alt.getBaseString());
            }
            assertEquals(String.join(";", ids), v.getID());
            if (v.getNAlleles() > 2) multi++;
            for (Genotype g : v.getGenotypes()) {
                assertFalse(g.isPhased());
                assertEquals(2, g.getPloidy());
                if (g.isNoCall()) missing++;
            }
            assertTrue(v.getAttributes().isEmpty());
        }
        assertEquals(summary.multiAllelicRecords(), multi);
        assertTrue(multi > 3, "multi-allelic records " + multi);
        assertEquals(summary.missingCalls(), missing);
        assertTrue(missing > 50, "missing calls " + missing);
        try (Stream<Path> files = Files.list(cohort)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "temporary files left");
        }
    }

    @Test
    void tabixIndexAnswersRegionQueries() throws IOException {
        CohortFiles genes = CohortFiles.read(cohort.resolve(SimulationSummary.GENES));
        try (VCFFileReader r = new VCFFileReader(cohort.resolve(SimulationSummary.VCF), true)) {
            for (String[] g : genes.rows()) {
                String chrom = g[0];
                int start = Integer.parseInt(g[1]) + 1;
                int end = Integer.parseInt(g[2]);
                long expected = records.stream().filter(v -> v.getContig().equals(chrom) && v.getEnd() >= start && v.getStart() <= end).count();
                long got;
                try (CloseableIterator<VariantContext> it = r.query(chrom, start, end)) {
                    got = it.stream().count();
                }
                assertEquals(expected, got, "query " + chrom + ":" + start + "-" + end);
                assertTrue(got > 0, "gene " + g[3] + " has variants");
            }
        }
    }

    /** Per ALT allele: allele count over called genotypes and allele number, from htsjdk's decoding. */
    private static Map<String, int[]> countsFromVcf() {
        Map<String, int[]> counts = new HashMap<>();
        for (VariantContext v : records) {
            for (Allele alt : v.getAlternateAlleles()) {
                int ac = 0, an = 0;
                for (Genotype g : v.getGenotypes()) {
                    if (g.isNoCall()) continue;
                    an += 2;
                    for (Allele a : g.getAlleles()) if (a.equals(alt)) ac++;
                }
                counts.put(v.getContig() + ":" + v.getStart() + ":" + v.getReference().getBaseString() + ":" + alt.getBaseString(),
                        new int[] {ac, an});
            }
        }
        return counts;
    }

    @Test
    void annotationFrequenciesMatchTheVcfAndGenesContainTheirVariants() throws IOException {
        CohortFiles ann = CohortFiles.read(cohort.resolve(SimulationSummary.ANNOTATIONS));
        assertEquals(AnnotationTableWriter.columns(), ann.header());
        assertTrue(ann.header().containsAll(List.of("is_plof", "Consequence_missense_variant", "CADD_PHRED", "CADD_raw",
                "sift_score", "polyphen_score", "SpliceAI_delta_score", "alphamissense", "AbSplice_DNA", "PrimateAI_score",
                "condel_score", "MAF", "MAF_MB")));
        Map<String, int[]> counts = countsFromVcf();
        Map<String, long[]> geneBodies = new HashMap<>();
        Map<String, String> geneChrom = new HashMap<>();
        for (String[] g : CohortFiles.read(cohort.resolve(SimulationSummary.GENES)).rows()) {
            geneBodies.put(g[3], new long[] {Long.parseLong(g[1]), Long.parseLong(g[2])});
            geneChrom.put(g[3], g[0]);
        }
        Set<String> keysWithRows = new HashSet<>();
        Set<String> pairs = new HashSet<>();
        for (String[] row : ann.rows()) {
            String key = row[0] + ":" + row[1] + ":" + row[2] + ":" + row[3];
            int[] c = counts.get(key);
            assertTrue(c != null, "annotation row for a variant not in the VCF: " + key);
            keysWithRows.add(key);
            double af = (double) c[0] / c[1];
            double maf = Math.min(af, 1 - af);
            double mafMb = Math.pow(af * (1 - af) + 1e-8, -0.5);
            assertEquals(maf, Double.parseDouble(row[ann.col("MAF")]), 1e-7 * Math.max(maf, 1e-3), key);
            assertEquals(mafMb, Double.parseDouble(row[ann.col("MAF_MB")]), 1e-6 * mafMb, key);
            String gene = row[ann.col("gene")];
            long pos = Long.parseLong(row[1]);
            assertEquals(geneChrom.get(gene), row[0]);
            assertTrue(pos > geneBodies.get(gene)[0] && pos <= geneBodies.get(gene)[1], key + " outside " + gene);
            assertTrue(pairs.add(key + "/" + gene), "duplicate row " + key + " " + gene);
            boolean anyPlof = false;
            for (Consequence q : Consequence.values()) if (q.isPlof() && row[ann.col(q.column())].equals("1")) anyPlof = true;
            assertEquals(anyPlof ? "1" : "0", row[ann.col("is_plof")], key);
        }
        assertEquals(counts.keySet(), keysWithRows, "every ALT allele has an annotation row");
        // Every (variant, gene containing it) pair has its row: count the containing genes per variant.
        long expectedPairs = 0;
        for (String key : counts.keySet()) {
            String[] k = key.split(":");
            long pos = Long.parseLong(k[1]);
            for (Map.Entry<String, long[]> g : geneBodies.entrySet()) {
                if (geneChrom.get(g.getKey()).equals(k[0]) && pos > g.getValue()[0] && pos <= g.getValue()[1]) expectedPairs++;
            }
        }
        assertEquals(expectedPairs, ann.rows().size());
        assertEquals(summary.annotationRows(), ann.rows().size());
    }

    @Test
    void spectrumIsMostlyRareWithAFewCommonVariants() throws IOException {
        CohortFiles ann = CohortFiles.read(cohort.resolve(SimulationSummary.ANNOTATIONS));
        Map<String, int[]> counts = countsFromVcf();
        int singletons = 0, upToFive = 0, common = 0;
        for (int[] c : counts.values()) {
            int mac = Math.min(c[0], c[1] - c[0]);
            if (mac == 1) singletons++;
            if (mac <= 5) upToFive++;
            if ((double) mac / c[1] >= 0.05) common++;
        }
        int n = counts.size();
        assertTrue(singletons > 0.3 * n, "singletons " + singletons + " of " + n);
        assertTrue(upToFive > 0.75 * n, "MAC <= 5: " + upToFive + " of " + n);
        assertTrue(common >= 3 && common < 0.05 * n, "common " + common + " of " + n);
        assertTrue(ann.rows().size() >= n);
    }

    @Test
    void annotationsLookLikeRealScores() throws IOException {
        CohortFiles ann = CohortFiles.read(cohort.resolve(SimulationSummary.ANNOTATIONS));
        double plofCadd = 0, otherCadd = 0;
        int plof = 0, other = 0;
        List<double[]> missense = new ArrayList<>();
        for (String[] row : ann.rows()) {
            double cadd = Double.parseDouble(row[ann.col("CADD_PHRED")]);
            boolean anyTerm = false;
            for (Consequence q : Consequence.values()) anyTerm |= row[ann.col(q.column())].equals("1");
            if (row[ann.col("is_plof")].equals("1")) { plofCadd += cadd; plof++; }
            else if (!anyTerm) { otherCadd += cadd; other++; }
            if (row[ann.col("Consequence_missense_variant")].equals("1")) {
                missense.add(new double[] {Double.parseDouble(row[ann.col("sift_score")]),
                        Double.parseDouble(row[ann.col("polyphen_score")]), Double.parseDouble(row[ann.col("alphamissense")])});
            }
        }
        assertTrue(plof > 10 && other > 100, "pLoF " + plof + ", other " + other);
        assertTrue(plofCadd / plof > 25, "mean pLoF CADD " + plofCadd / plof);
        assertTrue(otherCadd / other < 10, "mean CADD of alleles without a coding consequence " + otherCadd / other);
        assertTrue(missense.size() > 0.3 * ann.rows().size());
        // Damage readouts agree: AlphaMissense rises with PolyPhen and falls with SIFT.
        assertTrue(correlation(missense, 2, 1) > 0.6, "alphamissense~polyphen");
        assertTrue(correlation(missense, 2, 0) < -0.6, "alphamissense~sift");
    }

    private static double correlation(List<double[]> rows, int a, int b) {
        double ma = 0, mb = 0;
        for (double[] r : rows) { ma += r[a]; mb += r[b]; }
        ma /= rows.size();
        mb /= rows.size();
        double sab = 0, saa = 0, sbb = 0;
        for (double[] r : rows) {
            sab += (r[a] - ma) * (r[b] - mb);
            saa += (r[a] - ma) * (r[a] - ma);
            sbb += (r[b] - mb) * (r[b] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }

    @Test
    void traitsCovariatesAndTruthAreConsistent() throws IOException {
        CohortFiles pheno = CohortFiles.read(cohort.resolve(SimulationSummary.PHENOTYPES));
        assertEquals(List.of("sample", "QT", "BT", "NULL_QT", "NULL_BT"), pheno.header());
        assertEquals(SAMPLES, pheno.rows().size());
        for (String trait : List.of("BT", "NULL_BT")) {
            int cases = 0;
            for (String[] r : pheno.rows()) cases += Integer.parseInt(r[pheno.col(trait)]);
            assertEquals(0.1, (double) cases / SAMPLES, 0.5 / SAMPLES, trait + " case rate");
        }
        CohortFiles covar = CohortFiles.read(cohort.resolve(SimulationSummary.COVARIATES));
        assertEquals(List.of("sample", "age", "sex", "PC1", "PC2", "PC3", "PC4"), covar.header());
        assertEquals(SAMPLES, covar.rows().size());
        for (int i = 0; i < SAMPLES; i++) assertEquals(pheno.rows().get(i)[0], covar.rows().get(i)[0]);

        Map<String, String[]> genes = new HashMap<>();
        for (String[] g : CohortFiles.read(cohort.resolve(SimulationSummary.GENES)).rows()) genes.put(g[3], g);
        CohortFiles truth = CohortFiles.read(cohort.resolve(SimulationSummary.TRUTH));
        Map<String, Integer> perTrait = new HashMap<>();
        for (String[] t : truth.rows()) {
            String[] g = genes.get(t[truth.col("gene")]);
            assertTrue(g != null, "truth gene " + t[1] + " in genes.bed");
            assertEquals(g[4], t[truth.col("gene_name")]);
            assertEquals(g[0], t[truth.col("chrom")]);
            assertEquals(g[1], t[truth.col("start")]);
            assertEquals(g[2], t[truth.col("end")]);
            assertTrue(Math.abs(Double.parseDouble(t[truth.col("effect")])) >= 0.75 * 0.999);
            perTrait.merge(t[0], 1, Integer::sum);
        }
        assertEquals(Map.of("QT", 4, "BT", 4), perTrait);
    }

    @Test
    void sameSeedGivesIdenticalFilesWhateverTheThreads() throws IOException {
        SimulationSettings s = new SimulationSettings(150, 12, 0, 7, 0.2, 2, false, 0.01, 0.05, 2, 1.0, 3, 1);
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Path c = dir.resolve("c");
        new CohortSimulator(s, "x").run(a, null);
        new CohortSimulator(s.withThreads(3), "x").run(b, null);
        new CohortSimulator(new SimulationSettings(150, 12, 0, 8, 0.2, 2, false, 0.01, 0.05, 2, 1.0, 3, 1), "x").run(c, null);
        for (String f : List.of(SimulationSummary.VCF, SimulationSummary.TBI, SimulationSummary.GENES, SimulationSummary.ANNOTATIONS,
                SimulationSummary.PHENOTYPES, SimulationSummary.COVARIATES, SimulationSummary.TRUTH)) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
        }
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(a.resolve(SimulationSummary.VCF)),
                Files.readAllBytes(c.resolve(SimulationSummary.VCF))), "another seed, another cohort");
        assertTrue(Files.readString(a.resolve(SimulationSummary.GENES)).contains("\n1\t"), "plain contig names");
    }

    /**
     * Replicate null binary traits: one column per prevalence x replicate, exactly round(p n) cases
     * each, replicates that differ, cases leaning to the covariates (older, male), the other files
     * byte-identical to a run without replicates.
     */
    @Test
    void nullReplicatesAreCovariateDrivenTraitsAtTheirPrevalence() throws IOException {
        SimulationSettings s = new SimulationSettings(2000, 12, 0, 11, 0.1, 2, true, 0.001, 0.01, 2, 1.0, 1, 1);
        Path plain = dir.resolve("noreps");
        Path reps = dir.resolve("reps");
        new CohortSimulator(s, "x").run(plain, null);
        new CohortSimulator(s, "x").withNullReplicates(new NullReplicates(new double[] {0.01, 0.3}, 20)).run(reps, null);
        for (String f : List.of(SimulationSummary.VCF, SimulationSummary.ANNOTATIONS, SimulationSummary.PHENOTYPES,
                SimulationSummary.COVARIATES)) {
            assertArrayEquals(Files.readAllBytes(plain.resolve(f)), Files.readAllBytes(reps.resolve(f)), f);
        }
        assertFalse(Files.exists(plain.resolve(SimulationSummary.NULL_REPLICATES)));
        List<String> lines = Files.readAllLines(reps.resolve(SimulationSummary.NULL_REPLICATES));
        List<String> cov = Files.readAllLines(reps.resolve(SimulationSummary.COVARIATES));
        String[] head = lines.get(0).split("\t");
        assertEquals(41, head.length);
        assertEquals("NBT1_1", head[1]);
        assertEquals("NBT30_20", head[40]);
        assertEquals(2001, lines.size());
        int[] cases = new int[40];
        double[] caseAge = new double[40];
        Set<String> patterns = new HashSet<>();
        double meanAge = 0;
        for (int i = 1; i <= 2000; i++) {
            String[] t = lines.get(i).split("\t");
            String[] c = cov.get(i).split("\t");
            assertEquals(c[0], t[0], "same sample order as covar.tsv");
            double age = Double.parseDouble(c[1]);
            meanAge += age / 2000;
            for (int k = 0; k < 40; k++) {
                int y = Integer.parseInt(t[k + 1]);
                cases[k] += y;
                if (y == 1) caseAge[k] += age;
            }
        }
        for (int k = 0; k < 40; k++) {
            assertEquals(k < 20 ? 20 : 600, cases[k], head[k + 1]);
            if (k >= 20) assertTrue(caseAge[k] / cases[k] > meanAge + 1, head[k + 1] + ": cases are older (covariate-driven)");
        }
        for (int k = 20; k < 40; k++) {
            StringBuilder col = new StringBuilder();
            for (int i = 1; i <= 2000; i++) col.append(lines.get(i).split("\t")[k + 1]);
            patterns.add(col.toString());
        }
        assertEquals(20, patterns.size(), "replicates are distinct draws");
        assertThrows(InputException.class, () -> new CohortSimulator(s, "x").withNullReplicates(new NullReplicates(new double[] {0.0001}, 5)));
    }

    @Test
    void exactVariantTotalIsHonoured() throws IOException {
        SimulationSettings s = new SimulationSettings(50, 10, 400, 3, 0.1, 1, true, 0, 0, 1, 1.0, 1, 1);
        SimulationSummary sum = new CohortSimulator(s, "x").run(dir.resolve("exact"), null);
        // Positions shared by overlapping genes merge, so the total can only fall slightly short.
        assertTrue(sum.records() <= 400 && sum.records() >= 390, "records " + sum.records());
        assertEquals(0, sum.missingCalls());
        assertEquals(0, sum.multiAllelicRecords());
    }

    @Test
    void badSettingsNameTheirOption() {
        InputException e = assertThrows(InputException.class,
                () -> new CohortSimulator(SimulationSettings.of(0, 10, 1, 0.1), "x"));
        assertTrue(e.getMessage().startsWith("--samples: must be at least 1"), e.getMessage());
        e = assertThrows(InputException.class, () -> SimulationSettings.of(20_000_000, 10, 1, 0.1).validate());
        assertTrue(e.getMessage().startsWith("--samples: at most 10000000"), e.getMessage());
        e = assertThrows(InputException.class, () -> new CohortSimulator(SimulationSettings.of(100, 10, 1, 1.5), "x"));
        assertTrue(e.getMessage().startsWith("--case-rate"), e.getMessage());
        e = assertThrows(InputException.class, () -> SimulationSettings.of(100, 10, 1, 0.1).withVariants(5).validate());
        assertTrue(e.getMessage().startsWith("--variants"), e.getMessage());
    }

    @Test
    void aFailureHalfwayLeavesNoOutputBehind() throws IOException {
        Path failed = dir.resolve("failed");
        SimulationSettings s = new SimulationSettings(100, 40, 0, 5, 0.1, 2, true, 0.001, 0.01, 2, 1.0, 1, 2);
        RuntimeException e = assertThrows(RuntimeException.class, () -> new CohortSimulator(s, "x").run(failed, done -> {
            throw new IllegalStateException("stop after " + done + " sites");
        }));
        assertTrue(e.getMessage().startsWith("stop after 256"), e.getMessage());
        try (Stream<Path> files = Files.list(failed)) {
            assertEquals(List.of(), files.toList(), "nothing left after a failed run");
        }
    }

    @Test
    void outNamingAFileIsRejected() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        InputException e = assertThrows(InputException.class,
                () -> new CohortSimulator(SimulationSettings.of(10, 2, 1, 0.2), "x").run(file, null));
        assertTrue(e.getMessage().contains("not a folder"), e.getMessage());
    }
}
