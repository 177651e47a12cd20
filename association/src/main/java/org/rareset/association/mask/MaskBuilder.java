package org.rareset.association.mask;

import org.rareset.core.formats.CaseControlCounts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rareset.association.genotype.GeneGenotypes;
import org.rareset.association.genotype.GeneGenotypes.Column;
import org.rareset.association.input.AnnotationTable;
import org.rareset.association.input.GeneVariants;
import org.rareset.association.input.TraitData;
import org.rareset.association.nullmodel.TraitType;

/**
 * Turns a gene's variants into the genotype columns of each mask for one trait: restricts the
 * sparse carriers to the trait's analysed samples (MAF and MAC there, missing calls
 * mean-imputed), applies the mask expression and MAF limit, collapses ultra-rare variants and
 * attaches weights. Work is proportional to the carriers, not the samples.
 *
 * <p>Collapsing: variants with MAC strictly below {@code collapseMac} (MAC &lt; 10 by default,
 * REGENIE's threshold; 0 = off) become one pseudo-variant whose dosage is, per sample, the maximum
 * over them; with a MAF-based weighting the pseudo-variant is weighted by its own MAF, otherwise it
 * takes the largest weight of its variants. This departs from SAIGE-GENE+, which collapses
 * MAC &lt;= 10, so a variant of MAC exactly 10 stays a column of its own here (documented in
 * docs/association.md, section "Binary traits").
 *
 * <p>A gene x mask whose MAC (summed over the mask's variants) is below {@code minMac} is skipped
 * ({@link Skip#BELOW_MIN_MAC}), as REGENIE's {@code --minMAC} skips masks: with a handful of
 * minor alleles every test rests on a few samples' trait values, and an outlier in one carrier
 * becomes a "significant" gene. REGENIE compares the MAC of its max-collapsed mask, which is at
 * most ours when carriers share variants.
 *
 * <p>For binary traits the mask's minor alleles and carriers are also counted among cases and
 * controls ({@link CaseControlCounts}).
 */
public final class MaskBuilder {
    private final AnnotationTable annotations;
    private final Weighting weighting;
    private final int collapseMac;
    private final double minMac;

    /** No minimum MAC. */
    public MaskBuilder(AnnotationTable annotations, Weighting weighting, int collapseMac) {
        this(annotations, weighting, collapseMac, 0);
    }

    /** @param minMac a mask whose MAC is below this is skipped (0 = test every mask) */
    public MaskBuilder(AnnotationTable annotations, Weighting weighting, int collapseMac, double minMac) {
        this.annotations = annotations;
        this.weighting = weighting;
        this.collapseMac = collapseMac;
        this.minMac = minMac;
    }

    /** Why a gene has nothing to test under a mask. */
    public enum Skip {
        NO_VARIANT_IN_MASK("no variant passes the mask"),
        MONOMORPHIC("every variant in the mask is monomorphic in the analysed samples"),
        ABOVE_MAX_MAF("every variant in the mask is above the frequency limit (--max-maf or --aaf-bins)"),
        NO_SINGLETON("no variant in the mask is a singleton"),
        NO_WEIGHT("every variant in the mask has a missing or zero weight"),
        BELOW_MIN_MAC("the mask's minor allele count is below --min-mac");

        public final String reason;
        Skip(String reason) { this.reason = reason; }
    }

    /** Result of building one mask: the genotypes, or why there are none. */
    public record Outcome(MaskedGene gene, Skip skip) {}

    /** A gene's variants restricted to one trait's analysed samples, shared by all masks. */
    public static final class TraitGene {
        final GeneVariants gene;
        final TraitData trait;
        final Column[] columns;   // null where monomorphic in the analysed samples
        final double[] altFrequency; // ALT allele frequency in the analysed samples (missing calls mean-imputed)

        TraitGene(GeneVariants gene, TraitData trait) {
            this.gene = gene;
            this.trait = trait;
            this.columns = new Column[gene.size()];
            this.altFrequency = new double[gene.size()];
            for (int j = 0; j < gene.size(); j++) {
                Column c = GeneGenotypes.column(gene.variants().get(j), trait.analysisIndex(), trait.sampleCount());
                columns[j] = c.mac() > 0 ? c : null;
                // the dosages are ALT counts with missing calls imputed at 2f, so their sum is 2nf
                double sum = 0;
                for (double d : c.dosages()) sum += d;
                altFrequency[j] = sum / (2.0 * trait.sampleCount());
            }
        }
    }

    public TraitGene forTrait(GeneVariants gene, TraitData trait) {
        return new TraitGene(gene, trait);
    }

    public Outcome build(TraitGene tg, Mask mask) {
        GeneVariants gene = tg.gene;
        int n = tg.trait.sampleCount();
        List<Column> kept = new ArrayList<>();
        List<Double> keptWeights = new ArrayList<>();
        List<Column> rare = new ArrayList<>();
        List<Double> rareWeights = new ArrayList<>();
        int inMask = 0;
        int polymorphic = 0;
        int underMaf = 0;
        int singletons = 0;
        int nVariants = 0;
        double mac = 0;
        java.util.BitSet carriers = new java.util.BitSet(n);
        CaseCounter cases = tg.trait.type() == TraitType.BINARY ? new CaseCounter(tg.trait.y()) : null;
        for (int j = 0; j < gene.size(); j++) {
            int row = gene.annotationRows()[j];
            if (mask.expression() != null && !mask.expression().test(annotations, row)) continue;
            inMask++;
            Column c = tg.columns[j];
            if (c == null) continue;
            polymorphic++;
            double frequency = mask.altFrequency() ? tg.altFrequency[j] : c.maf();
            if (mask.hasMafLimit() && frequency > mask.maxMaf()) continue;
            underMaf++;
            if (!isSingleton(c, mask.singletons())) continue;
            singletons++;
            double w = weighting.weight(c.maf(), annotations, row);
            if (!(w > 0)) continue; // NaN (missing annotation) or zero: the variant contributes nothing
            nVariants++;
            mac += c.mac();
            for (int k = 0; k < c.carriers(); k++) carriers.set(c.samples()[k]);
            if (cases != null) cases.add(c);
            if (collapseMac > 0 && c.mac() < collapseMac) {
                rare.add(c);
                rareWeights.add(w);
            } else {
                kept.add(c);
                keptWeights.add(w);
            }
        }
        if (inMask == 0) return new Outcome(null, Skip.NO_VARIANT_IN_MASK);
        if (polymorphic == 0) return new Outcome(null, Skip.MONOMORPHIC);
        if (underMaf == 0) return new Outcome(null, Skip.ABOVE_MAX_MAF);
        if (singletons == 0) return new Outcome(null, Skip.NO_SINGLETON);
        if (nVariants == 0) return new Outcome(null, Skip.NO_WEIGHT);
        if (mac < minMac) return new Outcome(null, Skip.BELOW_MIN_MAC);
        if (!rare.isEmpty()) {
            Column pseudo = collapse(rare, n);
            kept.add(pseudo);
            keptWeights.add(weighting.frequencyOnly()
                    ? weighting.weight(pseudo.maf(), annotations, gene.annotationRows()[0])
                    : rareWeights.stream().mapToDouble(Double::doubleValue).max().orElse(0));
        }
        double[] weights = keptWeights.stream().mapToDouble(Double::doubleValue).toArray();
        return new Outcome(new MaskedGene(gene.gene(), mask.name(), GeneGenotypes.of(n, kept), weights,
                nVariants, mac, carriers.cardinality(), rare.size(),
                cases == null ? CaseControlCounts.NONE : cases.counts(carriers)), null);
    }

    /**
     * Minor alleles among cases and controls over a mask's variant columns. A column codes the
     * alternate allele; where that is the major allele (frequency above 0.5) the minor count is
     * 2 x called - alternate count, per group.
     */
    private static final class CaseCounter {
        private final double[] y;
        private final int nCases;
        private double macCase;
        private double macControl;

        CaseCounter(double[] y) {
            this.y = y;
            int c = 0;
            for (double v : y) if (v == 1.0) c++;
            this.nCases = c;
        }

        void add(Column c) {
            double altCase = 0, altControl = 0;
            int missingCase = 0, missingControl = 0;
            for (int k = 0; k < c.samples().length; k++) {
                boolean isCase = y[c.samples()[k]] == 1.0;
                if (k < c.carriers()) {
                    if (isCase) altCase += c.dosages()[k]; else altControl += c.dosages()[k];
                } else if (isCase) {
                    missingCase++;
                } else {
                    missingControl++;
                }
            }
            double alt = altCase + altControl;
            if (alt > c.mac() + 1e-9) { // the alternate allele is the major one here
                altCase = 2.0 * (nCases - missingCase) - altCase;
                altControl = 2.0 * (y.length - nCases - missingControl) - altControl;
            }
            macCase += altCase;
            macControl += altControl;
        }

        CaseControlCounts counts(java.util.BitSet carriers) {
            int cc = 0;
            for (int s = carriers.nextSetBit(0); s >= 0; s = carriers.nextSetBit(s + 1)) if (y[s] == 1.0) cc++;
            return new CaseControlCounts(macCase, macControl, cc, carriers.cardinality() - cc);
        }
    }

    /**
     * REGENIE's singleton rule: the ALT allele is seen once (ALT count 1 over the observed calls),
     * or with {@link Mask.Singletons#ONE_CARRIER} carried by exactly one sample.
     */
    static boolean isSingleton(Column c, Mask.Singletons rule) {
        if (rule == Mask.Singletons.NONE) return true;
        if (rule == Mask.Singletons.ONE_CARRIER) return c.carriers() == 1;
        double altCount = 0;
        for (int k = 0; k < c.carriers(); k++) altCount += c.dosages()[k];
        return altCount == 1;
    }

    /** Per-sample maximum over the ultra-rare columns: a sparse union of their entries. */
    static Column collapse(List<Column> rare, int n) {
        int total = 0;
        for (Column c : rare) total += c.samples().length;
        long[] packed = new long[total]; // sample in the high bits, entry index in the low bits: one sort
        double[] all = new double[total];
        boolean[] observed = new boolean[total];
        int k = 0;
        for (Column c : rare) {
            for (int e = 0; e < c.samples().length; e++) {
                packed[k] = ((long) c.samples()[e] << 32) | k;
                all[k] = c.dosages()[e];
                observed[k] = e < c.carriers();
                k++;
            }
        }
        Arrays.sort(packed);
        int[] carrierRows = new int[total];
        double[] carrierDos = new double[total];
        int[] imputedRows = new int[total];
        double[] imputedDos = new double[total];
        int nc = 0;
        int ni = 0;
        int i = 0;
        double sum = 0;
        while (i < total) {
            int sample = (int) (packed[i] >>> 32);
            double max = 0;
            boolean anyObserved = false;
            for (; i < total && (int) (packed[i] >>> 32) == sample; i++) {
                int idx = (int) packed[i];
                if (observed[idx] && all[idx] > 0) anyObserved = true;
                max = Math.max(max, all[idx]);
            }
            sum += max;
            if (anyObserved) { carrierRows[nc] = sample; carrierDos[nc++] = max; }
            else { imputedRows[ni] = sample; imputedDos[ni++] = max; }
        }
        int[] rows = new int[nc + ni];
        double[] dos = new double[nc + ni];
        System.arraycopy(carrierRows, 0, rows, 0, nc);
        System.arraycopy(carrierDos, 0, dos, 0, nc);
        System.arraycopy(imputedRows, 0, rows, nc, ni);
        System.arraycopy(imputedDos, 0, dos, nc, ni);
        double f = sum / (2.0 * n);
        return new Column("collapsed(" + rare.size() + ")", rows, dos, Math.min(f, 1 - f), Math.min(sum, 2.0 * n - sum), nc, ni);
    }
}
