package org.rareset.association.burden;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rareset.association.genotype.GeneGenotypes.Column;
import org.rareset.association.input.GeneVariants;
import org.rareset.association.input.TraitData;
import org.rareset.association.mask.IndicatorBurden;
import org.rareset.association.mask.Mask;
import org.rareset.association.mask.MaskBuilder;
import org.rareset.association.nullmodel.TraitType;

/**
 * Per-sample burdens of every gene x mask over all genotyped samples, as REGENIE's
 * {@code --write-mask}: per sample the maximum ({@code max}) or the sum ({@code sum}) of the ALT
 * allele counts over the mask's variants, no weights, no collapsing. Frequency limits and singleton
 * rules are evaluated in all genotyped samples (not per trait), so one file serves every trait.
 * A sample who carries none of the mask's variants but has a missing call at one of them has an
 * unknown burden (NaN); a carrier's missing calls at other variants count as 0.
 */
public final class MaskBurdens {
    /** One gene x mask: sample indexes (ascending) and their non-zero or unknown burdens. */
    public record GeneMask(String gene, String mask, int[] samples, double[] burdens) {}

    private final MaskBuilder builder;
    private final IndicatorBurden rule;
    private final List<Mask> masks;
    private final TraitData everyone;
    private final Map<String, Integer> skipped = new TreeMap<>();

    /**
     * @param builder a mask builder without collapsing ({@code collapseMac} 0), so sums are exact
     */
    public MaskBurdens(MaskBuilder builder, IndicatorBurden rule, List<Mask> masks, List<String> samples) {
        this.builder = builder;
        this.rule = rule;
        this.masks = masks;
        int n = samples.size();
        int[] identity = new int[n];
        for (int i = 0; i < n; i++) identity[i] = i;
        double[][] x = new double[n][1];
        for (double[] row : x) row[0] = 1;
        // every genotyped sample, no trait: only the sample index maps of TraitData are used
        this.everyone = new TraitData("burdens", TraitType.QUANTITATIVE, identity, identity, new double[n], x, List.of(), 0, samples, samples);
    }

    /** The burdens of one gene under every mask that keeps a variant. */
    public List<GeneMask> of(GeneVariants gene) {
        MaskBuilder.TraitGene tg = builder.forTrait(gene, everyone);
        List<GeneMask> out = new ArrayList<>(masks.size());
        for (Mask m : masks) {
            MaskBuilder.Outcome o = builder.build(tg, m);
            if (o.gene() == null) {
                skipped.merge(m.name() + ": " + o.skip().reason, 1, Integer::sum);
                continue;
            }
            out.add(combine(gene.gene(), m.name(), o.gene().genotypes().columns()));
        }
        return out;
    }

    /** Per sample the max or sum of the observed ALT counts; NaN where only missing calls are known. */
    private GeneMask combine(String gene, String mask, List<Column> columns) {
        Map<Integer, double[]> bySample = new TreeMap<>(); // sample -> {burden, carries}
        for (Column c : columns) {
            for (int e = 0; e < c.samples().length; e++) {
                double[] b = bySample.computeIfAbsent(c.samples()[e], s -> new double[2]);
                if (e >= c.carriers()) continue; // a missing call: unknown, not counted
                double v = c.dosages()[e];
                b[0] = rule == IndicatorBurden.MAX ? Math.max(b[0], v) : b[0] + v;
                if (v > 0) b[1] = 1;
            }
        }
        int[] samples = new int[bySample.size()];
        double[] burdens = new double[bySample.size()];
        int i = 0;
        for (Map.Entry<Integer, double[]> e : bySample.entrySet()) {
            samples[i] = e.getKey();
            burdens[i++] = e.getValue()[1] > 0 ? e.getValue()[0] : Double.NaN;
        }
        return new GeneMask(gene, mask, samples, burdens);
    }

    /** Gene x mask combinations left out, by mask and reason. */
    public Map<String, Integer> skipped() { return skipped; }
}
