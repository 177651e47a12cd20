package org.rareset.association.mask;

import org.rareset.core.formats.CaseControlCounts;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import org.rareset.genotypes.vcf.Variant;
import org.rareset.association.genotype.GeneGenotypes;
import org.rareset.association.input.AnnotationTable;
import org.rareset.association.input.GeneVariants;
import org.rareset.core.table.TextTable;
import org.rareset.association.input.TraitData;
import org.rareset.association.nullmodel.TraitType;
import org.junit.jupiter.api.Test;

class MaskBuilderTest {
    static final int N = 10;

    static Variant variant(int pos, int[] carriers, int[] counts, int[] missing) {
        byte[] c = new byte[counts.length];
        for (int i = 0; i < c.length; i++) c[i] = (byte) counts[i];
        int ac = Arrays.stream(counts).sum();
        return new Variant("1", pos, "A", "G", ".", ac, 2 * (N - missing.length), true, carriers, c, missing);
    }

    static final AnnotationTable ANN = AnnotationTable.from(new TextTable("a.tsv",
            List.of("chrom", "pos", "ref", "alt", "gene", "is_plof", "w"),
            List.of(new String[] {"1", "1", "A", "G", "G", "1", "0.5"},
                    new String[] {"1", "2", "A", "G", "G", "0", "NA"},
                    new String[] {"1", "3", "A", "G", "G", "1", "2"},
                    new String[] {"1", "4", "A", "G", "G", "0", "1"}),
            new long[] {2, 3, 4, 5}));

    static final GeneVariants GENE = new GeneVariants("G", List.of(
            variant(1, new int[] {0, 3}, new int[] {1, 1}, new int[0]),        // MAC 2
            variant(2, new int[] {3, 5}, new int[] {2, 1}, new int[0]),        // MAC 3
            variant(3, new int[] {1, 2, 4, 6, 7}, new int[] {1, 1, 1, 1, 1}, new int[] {9}), // MAC 5, one missing
            variant(4, new int[] {8}, new int[] {1}, new int[0])),             // MAC 1 but sample 8 not analysed
            new int[] {0, 1, 2, 3});

    /** Analyses samples 0..7 and 9 (sample 8 dropped). */
    static TraitData trait() {
        int[] geno = {0, 1, 2, 3, 4, 5, 6, 7, 9};
        int[] ana = new int[N];
        Arrays.fill(ana, -1);
        for (int i = 0; i < geno.length; i++) ana[geno[i]] = i;
        double[][] x = new double[geno.length][1];
        for (double[] r : x) r[0] = 1;
        return new TraitData("T", TraitType.QUANTITATIVE, geno, ana, new double[geno.length], x, List.of(), 1, List.of(), List.of());
    }

    @Test
    void restrictsFiltersAndWeights() {
        MaskBuilder b = new MaskBuilder(ANN, Weighting.none(), 0);
        MaskBuilder.TraitGene tg = b.forTrait(GENE, trait());
        MaskedGene all = b.build(tg, Mask.all()).gene();
        assertEquals(3, all.nVariants()); // variant 4 is monomorphic among the analysed samples
        assertEquals(2 + 3 + 5, all.mac(), 1e-12);
        assertEquals(8, all.nCarriers()); // analysed samples 0..7 carry; 9 (index 8) is only imputed
        GeneGenotypes g = all.genotypes();
        // variant 3: 5 called carriers of 8 called samples -> f = 5/16, missing sample 9 (index 8) imputed 2f
        GeneGenotypes.Column c3 = g.column(2);
        assertEquals(5.0 / 16, c3.maf(), 1e-12);
        assertEquals(8, c3.samples()[c3.samples().length - 1]);
        assertEquals(2 * 5.0 / 16, c3.dosages()[c3.dosages().length - 1], 1e-12);

        MaskExpression plof = MaskExpression.parse("is_plof == 1", ANN.annotationColumns(), "m");
        MaskedGene p = b.build(tg, new Mask("plof", plof, Double.NaN)).gene();
        assertEquals(2, p.nVariants());
        assertEquals(MaskBuilder.Skip.ABOVE_MAX_MAF, b.build(tg, new Mask("plof.0.1", plof, 0.1)).skip());
        MaskExpression none = MaskExpression.parse("is_plof == 7", ANN.annotationColumns(), "m");
        assertEquals(MaskBuilder.Skip.NO_VARIANT_IN_MASK, b.build(tg, new Mask("x", none, Double.NaN)).skip());
        MaskExpression only4 = MaskExpression.parse("w == 1", ANN.annotationColumns(), "m");
        assertEquals(MaskBuilder.Skip.MONOMORPHIC, b.build(tg, new Mask("y", only4, Double.NaN)).skip());

        // annotation weights: variant 2 has NA -> left out
        MaskBuilder wb = new MaskBuilder(ANN, Weighting.column(ANN, "w"), 0);
        MaskedGene w = wb.build(wb.forTrait(GENE, trait()), Mask.all()).gene();
        assertEquals(2, w.nVariants());
        assertArrayEquals(new double[] {0.5, 2}, w.weights());
    }

    @Test
    void collapsesUltraRareByMaximum() {
        MaskBuilder b = new MaskBuilder(ANN, Weighting.beta(1, 25), 4);
        MaskedGene m = b.build(b.forTrait(GENE, trait()), Mask.all()).gene();
        assertEquals(3, m.nVariants());
        assertEquals(2, m.nCollapsed());
        assertEquals(2, m.genotypes().variantCount()); // variant 3 kept, pseudo-variant last
        GeneGenotypes.Column pseudo = m.genotypes().column(1);
        // variants 1 (samples 0,3 dosage 1) and 2 (samples 3 dosage 2, 5 dosage 1): max -> 0:1, 3:2, 5:1
        assertArrayEquals(new int[] {0, 3, 5}, pseudo.samples());
        assertArrayEquals(new double[] {1, 2, 1}, pseudo.dosages());
        assertEquals(4.0 / 18, pseudo.maf(), 1e-12);
        assertEquals(Weighting.beta(1, 25).weight(4.0 / 18, ANN, 0), m.weights()[1], 1e-12);
        // dbeta(x; 1, 25) = 25 (1 - x)^24
        assertEquals(25 * Math.pow(1 - 4.0 / 18, 24), m.weights()[1], 1e-9);
        assertNull(b.build(b.forTrait(GENE, trait()), Mask.all()).skip());
    }

    /** The same samples as {@link #trait()}, binary, with analysed samples 0, 3 and 5 as cases. */
    static TraitData binaryTrait() {
        TraitData q = trait();
        double[] y = new double[q.sampleCount()];
        y[0] = 1;
        y[3] = 1;
        y[5] = 1;
        return new TraitData("B", TraitType.BINARY, q.genotypeIndex(), q.analysisIndex(), y, q.x(), List.of(), 1, List.of(), List.of());
    }

    @Test
    void masksBelowTheMinimumMacAreSkipped() {
        // MAC of 'all' = 2 + 3 + 5 = 10, of 'plof' (variants 1 and 3) = 7
        MaskExpression plof = MaskExpression.parse("is_plof == 1", ANN.annotationColumns(), "m");
        MaskBuilder at10 = new MaskBuilder(ANN, Weighting.none(), 0, 10);
        assertNull(at10.build(at10.forTrait(GENE, trait()), Mask.all()).skip(), "MAC 10 is not below 10");
        assertEquals(MaskBuilder.Skip.BELOW_MIN_MAC, at10.build(at10.forTrait(GENE, trait()), new Mask("plof", plof, Double.NaN)).skip());
        MaskBuilder at11 = new MaskBuilder(ANN, Weighting.none(), 0, 11);
        assertEquals(MaskBuilder.Skip.BELOW_MIN_MAC, at11.build(at11.forTrait(GENE, trait()), Mask.all()).skip());
    }

    @Test
    void countsAllelesAndCarriersAmongCasesAndControls() {
        MaskBuilder b = new MaskBuilder(ANN, Weighting.none(), 0);
        MaskedGene all = b.build(b.forTrait(GENE, binaryTrait()), Mask.all()).gene();
        // variant 1: samples 0 and 3 (cases); variant 2: 3 (2 copies) and 5 (cases); variant 3: 1 2 4 6 7 (controls)
        CaseControlCounts cc = all.caseControl();
        assertEquals(2 + 3, cc.macCase(), 1e-12);
        assertEquals(5, cc.macControl(), 1e-12);
        assertEquals(3, cc.nCarriersCase());
        assertEquals(5, cc.nCarriersControl());
        assertEquals(all.mac(), cc.macCase() + cc.macControl(), 1e-12);
        assertEquals(all.nCarriers(), cc.nCarriersCase() + cc.nCarriersControl());
        // quantitative traits have none
        assertEquals(CaseControlCounts.NONE, b.build(b.forTrait(GENE, trait()), Mask.all()).gene().caseControl());
    }

    @Test
    void meanWeightPerAlleleWeighsVariantsByTheirMac() {
        // variants 1 (weight 0.5, MAC 2) and 3 (weight 2, MAC 5); variant 2 has no weight
        MaskBuilder wb = new MaskBuilder(ANN, Weighting.column(ANN, "w"), 0);
        MaskedGene w = wb.build(wb.forTrait(GENE, trait()), Mask.all()).gene();
        assertEquals((0.5 * 2 + 2 * 5) / 7.0, w.alleleWeightedMeanWeight(), 1e-12);
        MaskBuilder nb = new MaskBuilder(ANN, Weighting.none(), 0);
        assertEquals(1.0, nb.build(nb.forTrait(GENE, trait()), Mask.all()).gene().alleleWeightedMeanWeight(), 1e-12);
    }
}
