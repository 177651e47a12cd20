package org.rareset.association.golden;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rareset.association.run.AssociationEngine;
import org.rareset.association.genotype.GeneGenotypes;
import org.rareset.association.genotype.VariantWeights;
import org.rareset.association.nullmodel.NullModel;
import org.rareset.association.regression.FirthLogistic;
import org.rareset.association.gene.Burden;
import org.rareset.association.gene.GeneResult;
import org.rareset.association.gene.TestOptions;

import java.nio.file.Files;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Firth logistic regression of the binary trait on the weighted burden B = sum_j w_j G_j against
 * the golden references (testdata/golden/assoc/provenance/firth_crosscheck.tsv, the exact-burden
 * columns {@code *_own_exact} from an independent R implementation that matches REGENIE's exact Firth
 * LRT and plink2's Firth estimates; firth.tsv holds the plink2/REGENIE values on a quantised burden).
 */
class GoldenFirthTest {
    private static GoldenAssocData data;

    @BeforeAll
    static void load() {
        assertTrue(Files.isDirectory(GoldenAssocData.dir()), GoldenAssocData.dir() + " ships with the repository but is missing");
        data = GoldenAssocData.load();
    }

    private static double[] burden(GeneGenotypes g) {
        double[] w = VariantWeights.defaultBeta(g);
        double[] b = new double[g.sampleCount()];
        for (int j = 0; j < g.variantCount(); j++) {
            double[] d = g.dense(j);
            for (int i = 0; i < b.length; i++) b[i] += w[j] * d[i];
        }
        return b;
    }

    @Test
    void firthAgreesWithReferences() {
        var file = data.dir.resolve("provenance/firth_crosscheck.tsv");
        var h = GoldenAssocData.header(file);
        double worstBeta = 0, worstSe = 0, worstP = 0, worstPlrtRegenie = 0;
        for (String[] f : GoldenAssocData.table(file)) {
            String gene = f[h.get("gene")];
            GeneGenotypes g = GeneGenotypes.fromVariants(data.genes.get(gene), null, data.samples.size());
            FirthLogistic.Fit fit = FirthLogistic.test(data.bt, data.design, burden(g), null);
            assertTrue(fit.converged(), gene);
            double beta = Double.parseDouble(f[h.get("beta_own_exact")]);
            double se = Double.parseDouble(f[h.get("se_own_exact")]);
            double p = Double.parseDouble(f[h.get("plrt_own_exact")]);
            double pRegenie = Double.parseDouble(f[h.get("plrt_regenie")]);
            double rb = Math.abs(fit.beta() / beta - 1);
            double rs = Math.abs(fit.se() / se - 1);
            double rp = Math.abs(fit.log10PLrt() - Math.log10(p));
            worstBeta = Math.max(worstBeta, rb);
            worstSe = Math.max(worstSe, rs);
            worstP = Math.max(worstP, rp);
            worstPlrtRegenie = Math.max(worstPlrtRegenie, Math.abs(fit.log10PLrt() - Math.log10(pRegenie)));
            assertTrue(rb <= 1e-3, gene + " beta " + fit.beta() + " vs " + beta);
            assertTrue(rs <= 1e-3, gene + " se " + fit.se() + " vs " + se);
            assertTrue(rp <= Math.log10(1 + 1e-3), gene + " LRT p " + Math.pow(10, fit.log10PLrt()) + " vs " + p);
        }
        System.out.printf(Locale.ROOT, "golden Firth worst relative: beta %.3g, se %.3g; LRT |log10 ratio| %.3g (vs REGENIE on quantised burden %.3g)%n",
                worstBeta, worstSe, worstP, worstPlrtRegenie);
    }

    /** The burden test on a binary trait switches to Firth below the threshold (every gene here with threshold 1). */
    @Test
    void burdenUsesFirthBelowThreshold() {
        var file = data.dir.resolve("firth.tsv");
        NullModel model = NullModel.logistic(data.bt, data.design);
        AssociationEngine engine = new AssociationEngine(model, new TestOptions(TestOptions.DEFAULT_RHO, 1.0, false, 2.0));
        for (String[] f : GoldenAssocData.table(file)) {
            GeneGenotypes g = GeneGenotypes.fromVariants(data.genes.get(f[1]), null, data.samples.size());
            GeneResult r = engine.test(g, VariantWeights.defaultBeta(g), List.of(Burden.INSTANCE)).get(0);
            assertEquals(Double.parseDouble(f[4]), r.beta(), 2e-3 * Math.abs(Double.parseDouble(f[4])), f[1] + " beta");
            assertEquals(Double.parseDouble(f[5]), r.se(), 2e-3 * Double.parseDouble(f[5]), f[1] + " se");
            assertEquals(Math.log10(Double.parseDouble(f[6])), r.log10P(), 1e-3, f[1] + " LRT p");
        }
    }
}
