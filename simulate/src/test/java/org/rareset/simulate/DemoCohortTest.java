package org.rareset.simulate;

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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled demo cohort (testdata/demo) carries a signal a gene test can find: an
 * annotation-weighted burden (pLoF 1, missense its AlphaMissense score, others 0) of each causal
 * gene, regressed on the trait, gives a t statistic past the Bonferroni bound over all genes for
 * most causal genes, while the null traits stay below it.
 */
class DemoCohortTest {
    static Path demo;
    static CohortFiles truth;
    static CohortFiles pheno;
    static Map<String, String[]> genes = new HashMap<>();
    static Map<String, Double> weights = new HashMap<>();

    @BeforeAll
    static void load() throws IOException {
        demo = Path.of(System.getProperty("rareset.testdata", "../testdata"), "demo");
        assertTrue(Files.isDirectory(demo), demo + " ships with the repository but is missing");
        truth = CohortFiles.read(demo.resolve(SimulationSummary.TRUTH));
        pheno = CohortFiles.read(demo.resolve(SimulationSummary.PHENOTYPES));
        for (String[] g : CohortFiles.read(demo.resolve(SimulationSummary.GENES)).rows()) genes.put(g[3], g);
        CohortFiles ann = CohortFiles.read(demo.resolve(SimulationSummary.ANNOTATIONS));
        for (String[] r : ann.rows()) {
            double w = r[ann.col("is_plof")].equals("1") ? 1
                    : r[ann.col("Consequence_missense_variant")].equals("1") ? Double.parseDouble(r[ann.col("alphamissense")]) : 0;
            weights.put(r[0] + ":" + r[1] + ":" + r[2] + ":" + r[3] + "/" + r[4], w);
        }
    }

    /** Weighted ALT dosage burden per sample over the gene's variants (missing calls count 0). */
    static double[] burden(String gene, int n) {
        String[] g = genes.get(gene);
        double[] b = new double[n];
        try (VCFFileReader r = new VCFFileReader(demo.resolve(SimulationSummary.VCF), true);
             CloseableIterator<VariantContext> it = r.query(g[0], Integer.parseInt(g[1]) + 1, Integer.parseInt(g[2]))) {
            while (it.hasNext()) {
                VariantContext v = it.next();
                for (Allele alt : v.getAlternateAlleles()) {
                    Double w = weights.get(v.getContig() + ":" + v.getStart() + ":" + v.getReference().getBaseString() + ":"
                            + alt.getBaseString() + "/" + gene);
                    if (w == null || w == 0) continue;
                    int s = 0;
                    for (Genotype gt : v.getGenotypes()) {
                        for (Allele a : gt.getAlleles()) if (a.equals(alt)) b[s] += w;
                        s++;
                    }
                }
            }
        }
        return b;
    }

    /** t statistic of the slope of y on x (simple linear regression). */
    static double slopeT(double[] x, double[] y) {
        int n = x.length;
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) { mx += x[i]; my += y[i]; }
        mx /= n;
        my /= n;
        double sxx = 0, sxy = 0, syy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
            syy += (y[i] - my) * (y[i] - my);
        }
        double beta = sxy / sxx;
        double rss = syy - beta * sxy;
        return beta / Math.sqrt(rss / (n - 2) / sxx);
    }

    static double[] trait(String name) {
        int c = pheno.col(name);
        return pheno.rows().stream().mapToDouble(r -> Double.parseDouble(r[c])).toArray();
    }

    @Test
    void causalGenesAreDetectableAndNullTraitsAreNot() {
        int n = pheno.rows().size();
        double bound = 3.66; // two-sided 0.05 / 200 genes, normal approximation
        Map<String, Integer> detected = new HashMap<>();
        StringBuilder report = new StringBuilder();
        for (String[] t : truth.rows()) {
            String trait = t[0];
            double[] b = burden(t[1], n);
            double tGenetic = slopeT(b, trait(trait));
            double tNull = slopeT(b, trait("NULL_" + trait));
            report.append(trait).append(' ').append(t[1]).append(String.format(" t=%.2f null t=%.2f%n", tGenetic, tNull));
            if (Math.abs(tGenetic) > bound) detected.merge(trait, 1, Integer::sum);
            assertTrue(Math.abs(tNull) < bound, "null trait associated with " + t[1] + ": " + report);
        }
        assertTrue(detected.getOrDefault("QT", 0) >= 3, "QT genes detected: " + report);
        assertTrue(detected.getOrDefault("BT", 0) >= 2, "BT genes detected: " + report);
        assertTrue(detected.getOrDefault("QT", 0) + detected.getOrDefault("BT", 0) < truth.rows().size(),
                "some causal genes should stay hard for a simple burden: " + report);
    }

    @Test
    void demoHasTheDocumentedShape() throws IOException {
        CohortSummary s = CohortSummary.read(demo);
        assertEquals(2000, s.samples());
        assertEquals(200, s.genes());
        assertEquals(List.of("QT", "BT", "NULL_QT", "NULL_BT"), s.traits());
        assertEquals(200, s.binaryCases().get("BT"));
        assertTrue(Files.readString(demo.resolve("README.md")).contains("rareset simulate"));
        assertTrue(Files.size(demo.resolve(SimulationSummary.VCF)) < 5_000_000);
    }
}
