package org.rareset.association.mask;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.rareset.annotate.vcf.Variant;
import org.rareset.association.input.AnnotationTable;
import org.rareset.association.input.GeneVariants;
import org.rareset.association.input.TraitData;

/**
 * Turns a gene's variants into the genotype columns of each mask for one trait: restricts the
 * sparse carriers to the trait's analysed samples, computes MAF and MAC there, applies the mask
 * expression and MAF limit, collapses ultra-rare variants and attaches weights.
 *
 * <p>Collapsing follows REGENIE and SAIGE-GENE+: variants with MAC below {@code collapseMac}
 * (0 = off) become one pseudo-variant whose dosage is, per sample, the maximum over them; its
 * MAF (and so its Beta weight) is computed from that dosage; with an annotation-column weight it
 * takes the largest weight of its variants. Work is proportional to the carriers, not the samples.
 */
public final class MaskBuilder {
    private final AnnotationTable annotations;
    private final Weighting weighting;
    private final int collapseMac;

    public MaskBuilder(AnnotationTable annotations, Weighting weighting, int collapseMac) {
        this.annotations = annotations;
        this.weighting = weighting;
        this.collapseMac = collapseMac;
    }

    /** Why a gene has nothing to test under a mask. */
    public enum Skip {
        NO_VARIANT_IN_MASK("no variant passes the mask"),
        MONOMORPHIC("every variant in the mask is monomorphic in the analysed samples"),
        ABOVE_MAX_MAF("every variant in the mask is above --max-maf"),
        NO_WEIGHT("every variant in the mask has a missing or zero weight");

        public final String reason;
        Skip(String reason) { this.reason = reason; }
    }

    /** Result of building one mask: the columns, or why there are none. */
    public record Outcome(MaskedGene gene, Skip skip) {}

    /** A gene's variants restricted to one trait's analysed samples, shared by all masks. */
    public final class TraitGene {
        final GeneVariants gene;
        final TraitData trait;
        final SparseColumn[] columns;   // null where monomorphic in the analysed samples
        final double[] foldedMaf;

        TraitGene(GeneVariants gene, TraitData trait) {
            this.gene = gene;
            this.trait = trait;
            this.columns = new SparseColumn[gene.size()];
            this.foldedMaf = new double[gene.size()];
            for (int j = 0; j < gene.size(); j++) columns[j] = restrict(gene.variants().get(j), j);
        }

        private SparseColumn restrict(Variant v, int j) {
            int[] map = trait.analysisIndex();
            int[] cs = v.carrierSamples();
            byte[] cc = v.carrierCounts();
            int[] ms = v.missingSamples();
            int nMiss = 0;
            for (int s : ms) if (map[s] >= 0) nMiss++;
            int[] rows = new int[cs.length + nMiss];
            double[] dos = new double[rows.length];
            int k = 0;
            long ac = 0;
            for (int i = 0; i < cs.length; i++) {
                int a = map[cs[i]];
                if (a < 0) continue;
                rows[k] = a;
                dos[k++] = cc[i];
                ac += cc[i];
            }
            long an = 2L * (trait.sampleCount() - nMiss);
            if (ac == 0 || an == 0) { foldedMaf[j] = 0; return null; }
            double maf = (double) ac / an;
            if (nMiss > 0) {
                double imputed = 2 * maf; // mean imputation, as SKAT's "fixed" method
                for (int s : ms) if (map[s] >= 0) { rows[k] = map[s]; dos[k++] = imputed; }
            }
            if (k < rows.length || nMiss > 0) {
                rows = Arrays.copyOf(rows, k);
                dos = Arrays.copyOf(dos, k);
                if (nMiss > 0) sortByRow(rows, dos);
            }
            foldedMaf[j] = Math.min(maf, 1 - maf);
            double mac = Math.min(ac, an - ac);
            return new SparseColumn(v.key(), rows, dos, maf, mac, Double.NaN);
        }
    }

    public TraitGene forTrait(GeneVariants gene, TraitData trait) {
        return new TraitGene(gene, trait);
    }

    public Outcome build(TraitGene tg, Mask mask) {
        GeneVariants gene = tg.gene;
        List<SparseColumn> common = new ArrayList<>();
        List<SparseColumn> rare = new ArrayList<>();
        List<Double> rareWeights = new ArrayList<>();
        int inMask = 0;
        int polymorphic = 0;
        int underMaf = 0;
        int nVariants = 0;
        double mac = 0;
        BitSet carriers = new BitSet();
        for (int j = 0; j < gene.size(); j++) {
            int row = gene.annotationRows()[j];
            if (mask.expression() != null && !mask.expression().test(annotations, row)) continue;
            inMask++;
            SparseColumn c = tg.columns[j];
            if (c == null) continue;
            polymorphic++;
            if (mask.hasMafLimit() && tg.foldedMaf[j] > mask.maxMaf()) continue;
            underMaf++;
            double w = weighting.weight(tg.foldedMaf[j], annotations, row);
            if (!(w > 0)) continue; // NaN (missing) or zero: contributes nothing
            nVariants++;
            mac += c.mac();
            Variant v = gene.variants().get(j);
            int[] map = tg.trait.analysisIndex();
            for (int s : v.carrierSamples()) if (map[s] >= 0) carriers.set(map[s]);
            if (collapseMac > 0 && c.mac() < collapseMac) {
                rare.add(c);
                rareWeights.add(w);
            } else {
                common.add(new SparseColumn(c.id(), c.rows(), c.dosages(), c.maf(), c.mac(), w));
            }
        }
        if (inMask == 0) return new Outcome(null, Skip.NO_VARIANT_IN_MASK);
        if (polymorphic == 0) return new Outcome(null, Skip.MONOMORPHIC);
        if (underMaf == 0) return new Outcome(null, Skip.ABOVE_MAX_MAF);
        if (nVariants == 0) return new Outcome(null, Skip.NO_WEIGHT);
        if (!rare.isEmpty()) common.add(collapse(rare, rareWeights, tg.trait.sampleCount(), gene, tg));
        return new Outcome(new MaskedGene(gene.gene(), mask.name(), List.copyOf(common), nVariants, mac,
                carriers.cardinality(), rare.size(), tg.trait.sampleCount()), null);
    }

    /** Per-sample maximum over the ultra-rare columns: a sparse union of their rows. */
    private SparseColumn collapse(List<SparseColumn> rare, List<Double> weights, int n, GeneVariants gene, TraitGene tg) {
        int total = 0;
        for (SparseColumn c : rare) total += c.entries();
        int[] rows = new int[total];
        double[] dos = new double[total];
        int k = 0;
        for (SparseColumn c : rare) {
            System.arraycopy(c.rows(), 0, rows, k, c.entries());
            System.arraycopy(c.dosages(), 0, dos, k, c.entries());
            k += c.entries();
        }
        sortByRow(rows, dos);
        int m = 0;
        for (int i = 0; i < total; i++) {
            if (m > 0 && rows[m - 1] == rows[i]) {
                dos[m - 1] = Math.max(dos[m - 1], dos[i]);
            } else {
                rows[m] = rows[i];
                dos[m++] = dos[i];
            }
        }
        rows = Arrays.copyOf(rows, m);
        dos = Arrays.copyOf(dos, m);
        double sum = 0;
        for (double d : dos) sum += d;
        double maf = sum / (2.0 * n);
        double folded = Math.min(maf, 1 - maf);
        double w;
        if (weighting.frequencyOnly()) {
            w = weighting.weight(folded, annotations, gene.annotationRows()[0]);
        } else {
            w = 0;
            for (double x : weights) w = Math.max(w, x);
        }
        return new SparseColumn("collapsed(" + rare.size() + ")", rows, dos, maf, Math.min(sum, 2.0 * n - sum), w);
    }

    /** Insertion-friendly sort of parallel arrays by row (arrays are short: one gene's carriers). */
    static void sortByRow(int[] rows, double[] values) {
        Integer[] order = new Integer[rows.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Integer.compare(rows[a], rows[b]));
        int[] r = rows.clone();
        double[] v = values.clone();
        for (int i = 0; i < order.length; i++) {
            rows[i] = r[order[i]];
            values[i] = v[order[i]];
        }
    }
}
