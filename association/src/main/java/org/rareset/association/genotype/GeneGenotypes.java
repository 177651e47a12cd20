package org.rareset.association.genotype;

import org.rareset.genotypes.vcf.Variant;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The sparse genotype matrix G (analysed samples x variants) of one gene or mask, coded as counts
 * of each variant's minor allele (as the source saw it), in the analysed-sample index space.
 *
 * <p>Only non-zero entries are stored: carriers, plus samples with a missing call, which are
 * mean-imputed to the expected count 2f (f = coded-allele frequency among the analysed samples
 * with a call). Immutable and thread-safe.
 */
public final class GeneGenotypes {

    /**
     * One column of G.
     *
     * @param id       variant key ({@code chrom:pos:ref:alt}) or a name for a collapsed column
     * @param samples  analysed-sample indexes of the non-zero entries: first the {@code carriers}
     *                 observed carriers, then the imputed samples with a missing call
     * @param dosages  coded-allele dosage at those samples (1 or 2, or 2f when imputed)
     * @param maf      minor allele frequency among analysed samples with a call
     * @param mac      minor allele count among analysed samples with a call
     * @param carriers samples with an observed (not imputed) non-zero dosage
     * @param missing  analysed samples whose call was missing (imputed)
     */
    public record Column(String id, int[] samples, double[] dosages, double maf, double mac,
                         int carriers, int missing) {
        public Column {
            if (samples.length != dosages.length) {
                throw new IllegalArgumentException("column " + id + ": " + samples.length + " samples vs "
                        + dosages.length + " dosages");
            }
        }
    }

    private final int sampleCount;
    private final List<Column> columns;
    private final int carrierCount;

    private GeneGenotypes(int sampleCount, List<Column> columns) {
        this.sampleCount = sampleCount;
        this.columns = List.copyOf(columns);
        BitSet carriers = new BitSet(sampleCount);
        for (Column c : columns) {
            for (int k = 0; k < c.carriers; k++) {
                if (c.dosages[k] > 0) carriers.set(c.samples[k]);
            }
        }
        this.carrierCount = carriers.cardinality();
    }

    /** A matrix from ready columns (e.g. tests, collapsed or pre-computed scores). */
    public static GeneGenotypes of(int sampleCount, List<Column> columns) {
        for (Column c : columns) {
            for (int s : c.samples) {
                if (s < 0 || s >= sampleCount) {
                    throw new IllegalArgumentException("column " + c.id + ": sample index " + s + " outside 0.." + (sampleCount - 1));
                }
            }
        }
        return new GeneGenotypes(sampleCount, columns);
    }

    /**
     * Builds G from variants of a {@code VariantSource}.
     *
     * @param variants       the gene's variants (sample indexes in the source's space)
     * @param sourceToSample maps a source sample index to the analysed index, or -1 for a sample
     *                       not analysed; null when the two index spaces are identical
     * @param sampleCount    number of analysed samples
     */
    public static GeneGenotypes fromVariants(List<Variant> variants, int[] sourceToSample, int sampleCount) {
        List<Column> cols = new ArrayList<>(variants.size());
        for (Variant v : variants) cols.add(column(v, sourceToSample, sampleCount));
        return new GeneGenotypes(sampleCount, cols);
    }

    /** One column, mean-imputing missing calls among the analysed samples. */
    public static Column column(Variant v, int[] sourceToSample, int sampleCount) {
        int[] carriers = v.carrierSamples();
        byte[] counts = v.carrierCounts();
        int[] missingSrc = v.missingSamples();
        int nCarr = 0;
        double coded = 0;
        int[] cs = new int[carriers.length];
        double[] cd = new double[carriers.length];
        for (int k = 0; k < carriers.length; k++) {
            int s = map(sourceToSample, carriers[k]);
            if (s < 0) continue;
            cs[nCarr] = s;
            cd[nCarr] = counts[k];
            coded += counts[k];
            nCarr++;
        }
        int nMiss = 0;
        int[] ms = new int[missingSrc.length];
        for (int s0 : missingSrc) {
            int s = map(sourceToSample, s0);
            if (s >= 0) ms[nMiss++] = s;
        }
        int called = sampleCount - nMiss;
        double f = called == 0 ? 0 : coded / (2.0 * called);
        double maf = Math.min(f, 1 - f);
        double mac = Math.min(coded, 2.0 * called - coded);
        int total = nCarr + (f > 0 ? nMiss : 0);
        int[] samples = new int[total];
        double[] dos = new double[total];
        System.arraycopy(cs, 0, samples, 0, nCarr);
        System.arraycopy(cd, 0, dos, 0, nCarr);
        if (f > 0) {
            for (int k = 0; k < nMiss; k++) {
                samples[nCarr + k] = ms[k];
                dos[nCarr + k] = 2 * f;
            }
        }
        return new Column(v.key(), samples, dos, maf, mac, nCarr, f > 0 ? nMiss : 0);
    }

    private static int map(int[] sourceToSample, int s) {
        return sourceToSample == null ? s : (s < sourceToSample.length ? sourceToSample[s] : -1);
    }

    public int sampleCount() { return sampleCount; }

    public int variantCount() { return columns.size(); }

    public Column column(int j) { return columns.get(j); }

    public List<Column> columns() { return columns; }

    /** Samples carrying at least one observed minor allele in any column. */
    public int carrierCount() { return carrierCount; }

    /** Sum of the columns' minor allele counts. */
    public double mac() {
        double s = 0;
        for (Column c : columns) s += c.mac;
        return s;
    }

    /** Minor allele frequencies of the columns. */
    public double[] mafs() {
        double[] m = new double[columns.size()];
        for (int j = 0; j < m.length; j++) m[j] = columns.get(j).maf;
        return m;
    }

    /** Dense copy of column j (for tests and small data). */
    public double[] dense(int j) {
        double[] d = new double[sampleCount];
        Column c = columns.get(j);
        for (int k = 0; k < c.samples.length; k++) d[c.samples[k]] = c.dosages[k];
        return d;
    }
}
