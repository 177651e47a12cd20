package org.rareset.association.golden;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rareset.association.run.AssociationEngine;
import org.rareset.association.genotype.GeneGenotypes;
import org.rareset.association.genotype.VariantWeights;
import org.rareset.association.nullmodel.NullModel;
import org.rareset.association.gene.GeneResult;
import org.rareset.association.gene.GeneTests;
import org.rareset.association.gene.TestOptions;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every phenotype x gene x test of the golden oracle (R SKAT 2.2.5 / REGENIE 4.1.2 with the
 * stringent numerics defined in testdata/golden/assoc/README.md) must agree to
 * |log10(p / p_ref)| <= 0.01 for p >= 1e-6 and 0.05 below (the issue's bar); the per-test bars
 * below are tighter, from the README's achievable tolerances.
 */
class GoldenAssociationTest {
    /** Tighter per-test bars on |log10 ratio|: README tolerances (burden 1e-6, acatv 2e-4 = REGENIE print precision); skato 1e-5 because the stringent numerics are reproduced (observed 2e-8). */
    private static final Map<String, Double> BAR = Map.of(
            "burden", 1e-6, "skat", 1e-4, "skato", 1e-5, "acatv", 2e-4, "acato", 1e-4);

    private static GoldenAssocData data;
    private static Map<String, Map<String, Map<String, GeneResult>>> results; // trait -> gene -> test

    @BeforeAll
    static void run() {
        assertTrue(Files.isDirectory(GoldenAssocData.dir()), GoldenAssocData.dir() + " ships with the repository but is missing");
        data = GoldenAssocData.load();
        results = new HashMap<>();
        Map<String, NullModel> models = Map.of(
                "QT", NullModel.linear(data.qt, data.design),
                "BT", NullModel.logistic(data.bt, data.design));
        for (var e : models.entrySet()) {
            AssociationEngine engine = new AssociationEngine(e.getValue(), TestOptions.plainScore());
            Map<String, Map<String, GeneResult>> byGene = new TreeMap<>();
            for (var g : data.genes.entrySet()) {
                GeneGenotypes gg = GeneGenotypes.fromVariants(g.getValue(), null, data.samples.size());
                Map<String, GeneResult> byTest = new HashMap<>();
                for (GeneResult r : engine.test(gg, VariantWeights.defaultBeta(gg), GeneTests.all())) {
                    byTest.put(r.test(), r);
                }
                byGene.put(g.getKey(), byTest);
            }
            results.put(e.getKey(), byGene);
        }
    }

    /** Which rule produced each oracle SKAT value (R's Davies at acc 1e-6 or the stringent tail). */
    private static Map<String, String> skatSource() {
        var file = data.dir.resolve("provenance/crosscheck.tsv");
        var h = GoldenAssocData.header(file);
        Map<String, String> m = new HashMap<>();
        for (String[] f : GoldenAssocData.table(file)) {
            m.put(f[h.get("phenotype")] + " " + f[h.get("gene")], f[h.get("skat_source")]);
        }
        return m;
    }

    /** SKAT against the exact mixture tail of the same statistic (crosscheck column skat_mixtail). */
    @Test
    void skatAgreesWithExactMixtureTail() {
        var file = data.dir.resolve("provenance/crosscheck.tsv");
        var h = GoldenAssocData.header(file);
        double worst = 0;
        for (String[] f : GoldenAssocData.table(file)) {
            GeneResult r = results.get(f[h.get("phenotype")]).get(f[h.get("gene")]).get("skat");
            double ref = Double.parseDouble(f[h.get("skat_mixtail")]);
            double diff = Math.abs(r.log10P() - Math.log10(ref));
            worst = Math.max(worst, diff);
            // README: contour vs Davies(acc 1e-14) <= 4e-6 relative; Davies(1e-9) absolute error ~1e-10
            assertTrue(diff <= 1e-5 + Math.log10(1 + 2e-10 / ref), f[0] + " " + f[1] + ": " + r.log10P() + " vs " + Math.log10(ref));
        }
        System.out.printf(Locale.ROOT, "golden worst |log10 ratio| skat vs exact mixture tail: %.3g%n", worst);
    }

    @Test
    void everyOracleRowAgrees() {
        Map<String, String> skatSource = skatSource();
        List<String> failures = new ArrayList<>();
        Map<String, Double> worst = new TreeMap<>();
        for (String[] f : GoldenAssocData.table(data.dir.resolve("oracle.tsv"))) {
            String trait = f[0], gene = f[1], test = f[2];
            double pRef = Double.parseDouble(f[5]);
            GeneResult r = results.get(trait).get(gene).get(test);
            assertEquals(Integer.parseInt(f[3]), r.nVariants(), trait + " " + gene + " n_variants");
            assertEquals(Double.parseDouble(f[4]), r.mac(), 1e-9, trait + " " + gene + " mac");
            double diff = Math.abs(r.log10P() - Math.log10(pRef));
            worst.merge(trait + " " + test, diff, Math::max);
            double issueBar = pRef >= 1e-6 ? 0.01 : 0.05;
            double bar = Math.min(issueBar, BAR.get(test));
            if (test.equals("skat") && "R_SKAT_davies".equals(skatSource.get(trait + " " + gene))) {
                // these oracle rows are R's Davies at acc 1e-6 (absolute): allow that error, and
                // check the exact mixture tail tightly below (skatAgreesWithExactMixtureTail)
                bar = Math.max(bar, Math.log10(1 + 1.5e-6 / pRef));
            }
            if (!(diff <= bar)) {
                failures.add(String.format(Locale.ROOT, "%s %s %s: p=%.6g ref=%.6g |log10 ratio|=%.3g > %.3g",
                        trait, gene, test, Math.pow(10, r.log10P()), pRef, diff, bar));
            }
        }
        worst.forEach((k, v) -> System.out.printf(Locale.ROOT, "golden worst |log10 ratio| %s: %.3g%n", k, v));
        assertTrue(failures.isEmpty(), failures.size() + " rows off:\n" + String.join("\n", failures));
    }
}
