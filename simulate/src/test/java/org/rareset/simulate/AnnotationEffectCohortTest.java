package org.rareset.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import htsjdk.samtools.util.CloseableIterator;
import htsjdk.variant.variantcontext.Allele;
import htsjdk.variant.variantcontext.Genotype;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFFileReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The annotation effect model in written cohorts: causal_variants.tsv's weights are the
 * annotation function of annotations.tsv's scores, QT is exactly covariates + the genetic part those
 * effects give on htsjdk's reading of the VCF + N(0, 1) noise, each causal gene's part has its target
 * variance, BT has its exact prevalence and its cases carry more of the genetic part, and a seed
 * gives identical files.
 */
@Tag("slow")
class AnnotationEffectCohortTest {
    static final int N = 3000;
    static final double V = 0.02;
    @TempDir Path dir;

    static SimulationSettings settings(long seed, double caseRate) {
        // No missing calls, so the VCF shows every true genotype the traits were drawn from.
        return new SimulationSettings(N, 40, 0, seed, caseRate, 2, true, 0, 0.02, 4, 1.0, 1, 2);
    }

    Path simulate(String name, SimulationSettings s, CausalEffects e) throws IOException {
        Path out = dir.resolve(name);
        new CohortSimulator(s, "test").withEffects(e).run(out, null);
        return out;
    }

    /** Without noise each causal allele's weight is f(is_plof, CADD_PHRED, alphamissense) as written, or 0 if common. */
    @Test
    void weightsAreTheAnnotationFunctionOfTheWrittenScores() throws IOException {
        Path c = simulate("exact", settings(5, 0.1), new CausalEffects(CausalEffects.Model.ANNOTATION, V, 0));
        CohortFiles ann = CohortFiles.read(c.resolve(SimulationSummary.ANNOTATIONS));
        Map<String, String[]> byKey = new HashMap<>();
        for (String[] r : ann.rows()) byKey.put(String.join(":", r[0], r[1], r[2], r[3], r[4]), r);
        CohortFiles cv = CohortFiles.read(c.resolve(SimulationSummary.CAUSAL_VARIANTS));
        int rare = 0, common = 0;
        for (String[] r : cv.rows()) {
            String[] a = byKey.get(String.join(":", r[cv.col("chrom")], r[cv.col("pos")], r[cv.col("ref")], r[cv.col("alt")], r[cv.col("gene")]));
            double weight = Double.parseDouble(r[cv.col("weight")]);
            if (weight == 0) {
                common++;
                assertTrue(Double.parseDouble(a[ann.col("MAF")]) > 0.003, "only common alleles weigh 0: " + String.join(" ", r));
                continue;
            }
            rare++;
            double cadd = Double.parseDouble(a[ann.col("CADD_PHRED")]);
            double am = Double.parseDouble(a[ann.col("alphamissense")]);
            double f = a[ann.col("is_plof")].equals("1") ? 1 : 0.5 / (1 + Math.exp(-(cadd - 20) / 2.5)) + 0.5 * am * am;
            assertEquals(f, weight, 1e-5 * f, String.join(" ", r));
        }
        assertTrue(rare > 50 && common < rare / 5, rare + " rare, " + common + " common causal alleles");
    }

    @Test
    void traitsAreTheRealisedEffectsPlusNoiseAndMeetTheirTargets() throws IOException {
        double caseRate = 0.05;
        Path c = simulate("noisy", settings(9, caseRate), new CausalEffects(CausalEffects.Model.ANNOTATION, V, 0.5));
        CohortFiles cv = CohortFiles.read(c.resolve(SimulationSummary.CAUSAL_VARIANTS));
        CohortFiles truth = CohortFiles.read(c.resolve(SimulationSummary.TRUTH));
        CohortFiles pheno = CohortFiles.read(c.resolve(SimulationSummary.PHENOTYPES));
        CohortFiles covar = CohortFiles.read(c.resolve(SimulationSummary.COVARIATES));
        // Per (trait, gene): each sample's part, sum over alleles of dosage x effect, from htsjdk's genotypes.
        Map<String, Map<String, Double>> effects = new HashMap<>();
        for (String[] r : cv.rows()) {
            effects.computeIfAbsent(r[0] + "/" + r[1], k -> new HashMap<>())
                    .put(r[2] + ":" + r[3] + ":" + r[4] + ":" + r[5], Double.parseDouble(r[7]));
        }
        Map<String, double[]> part = new HashMap<>();
        try (VCFFileReader vcf = new VCFFileReader(c.resolve(SimulationSummary.VCF), true);
             CloseableIterator<VariantContext> it = vcf.iterator()) {
            while (it.hasNext()) {
                VariantContext v = it.next();
                for (Allele alt : v.getAlternateAlleles()) {
                    String key = v.getContig() + ":" + v.getStart() + ":" + v.getReference().getBaseString() + ":" + alt.getBaseString();
                    for (Map.Entry<String, Map<String, Double>> g : effects.entrySet()) {
                        Double e = g.getValue().get(key);
                        if (e == null) continue;
                        double[] p = part.computeIfAbsent(g.getKey(), k -> new double[N]);
                        int s = 0;
                        for (Genotype gt : v.getGenotypes()) {
                            for (Allele a : gt.getAlleles()) if (a.equals(alt)) p[s] += e;
                            s++;
                        }
                    }
                }
            }
        }
        assertEquals(truth.rows().size(), part.size(), "every causal gene has carriers");
        for (Map.Entry<String, double[]> g : part.entrySet()) {
            double var = variance(g.getValue());
            assertTrue(var >= V / 2 * 0.999 && var <= 2 * V * 1.001, g.getKey() + " part has variance " + var);
        }
        double[] gQt = new double[N];
        double[] gBt = new double[N];
        for (Map.Entry<String, double[]> g : part.entrySet()) {
            double[] sum = g.getKey().startsWith("QT/") ? gQt : gBt;
            for (int i = 0; i < N; i++) sum[i] += g.getValue()[i];
        }
        // QT - covariate part - genetic part is the N(0, 1) noise: variance 1 (SE 0.026), unrelated to the genetic part.
        double[] residual = new double[N];
        for (int i = 0; i < N; i++) {
            String[] cr = covar.rows().get(i);
            double cov = 0.03 * (Integer.parseInt(cr[covar.col("age")]) - 55) + 0.25 * Integer.parseInt(cr[covar.col("sex")])
                    + 0.15 * Double.parseDouble(cr[covar.col("PC1")]) - 0.1 * Double.parseDouble(cr[covar.col("PC2")]);
            residual[i] = Double.parseDouble(pheno.rows().get(i)[pheno.col("QT")]) - cov - gQt[i];
        }
        assertEquals(1.0, variance(residual), 0.1);
        assertTrue(Math.abs(DemoCohortTest.slopeT(gQt, residual)) < 4, "noise independent of the genetic part");
        assertTrue(variance(gQt) > 4 * V / 2, "the genetic part is there: " + variance(gQt));
        // Exact prevalence; cases carry more of the BT genetic part than controls.
        int cases = 0, nullCases = 0;
        double[] bt = new double[N];
        for (int i = 0; i < N; i++) {
            bt[i] = Double.parseDouble(pheno.rows().get(i)[pheno.col("BT")]);
            cases += (int) bt[i];
            nullCases += Integer.parseInt(pheno.rows().get(i)[pheno.col("NULL_BT")]);
        }
        assertEquals(Math.round(caseRate * N), cases);
        assertEquals(Math.round(caseRate * N), nullCases);
        assertTrue(DemoCohortTest.slopeT(gBt, bt) > 4, "BT cases carry the genetic part: t = " + DemoCohortTest.slopeT(gBt, bt));
    }

    @Test
    void aSeedGivesIdenticalFiles() throws IOException {
        CausalEffects e = new CausalEffects(CausalEffects.Model.ANNOTATION, V, 0.5);
        Path a = simulate("a", settings(13, 0.1), e);
        Path b = simulate("b", settings(13, 0.1).withThreads(1), e);
        for (String f : new String[] {SimulationSummary.PHENOTYPES, SimulationSummary.TRUTH, SimulationSummary.CAUSAL_VARIANTS}) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
        }
    }

    static double variance(double[] x) {
        double m = 0;
        for (double v : x) m += v;
        m /= x.length;
        double ss = 0;
        for (double v : x) ss += (v - m) * (v - m);
        return ss / (x.length - 1);
    }
}
