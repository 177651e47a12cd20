package org.rareset.genotypes.vcf;

import java.util.Arrays;

/**
 * One alternate allele of a VCF record (multi-allelic records are split, one Variant per ALT),
 * with its genotypes kept sparse: only the carriers of the minor allele are listed.
 *
 * <p>{@code alleleCount} is the ALT allele count over called genotypes and {@code alleleNumber}
 * the number of called alleles, as in the VCF AC/AN fields. The minor allele is ALT when
 * {@code altIsMinor}, otherwise REF; {@code carrierCounts[i]} is how many copies of the minor allele
 * sample {@code carrierSamples[i]} carries (1 or 2; 1 for a haploid call). Samples with a missing
 * call are listed in {@code missingSamples} and never appear among the carriers.
 * Sample indexes refer to the source's sample list and are strictly increasing.
 */
public record Variant(String chrom, int pos, String ref, String alt, String id,
                      int alleleCount, int alleleNumber,
                      boolean altIsMinor,
                      int[] carrierSamples, byte[] carrierCounts, int[] missingSamples) {

    public Variant {
        if (carrierSamples.length != carrierCounts.length) {
            throw new IllegalArgumentException("carrier arrays differ in length: "
                    + carrierSamples.length + " vs " + carrierCounts.length);
        }
    }

    /** Canonical key {@code chrom:pos:ref:alt} with the contig name as given in the source. */
    public String key() {
        return chrom + ":" + pos + ":" + ref + ":" + alt;
    }

    public int missingCount() {
        return missingSamples.length;
    }

    /** ALT allele frequency among called alleles; 0 when nothing was called. */
    public double altFrequency() {
        return alleleNumber == 0 ? 0.0 : (double) alleleCount / alleleNumber;
    }

    /** Minor allele count among called alleles. */
    public int minorAlleleCount() {
        return Math.min(alleleCount, alleleNumber - alleleCount);
    }

    public int carrierCount() {
        return carrierSamples.length;
    }

    /**
     * ALT allele dosage per sample (0, 1, 2; missing calls as {@code Double.NaN}), dense over
     * {@code nSamples}. For tests and small data only: hot paths walk the carriers instead.
     * Haploid calls count as one copy: a REF-minor haploid carrier of ALT-major... is resolved
     * by the ploidy the caller recorded in the counts.
     */
    public double[] altDosages(int nSamples, byte[] ploidy) {
        double[] d = new double[nSamples];
        if (!altIsMinor) {
            for (int s = 0; s < nSamples; s++) d[s] = ploidy == null ? 2 : ploidy[s];
            for (int i = 0; i < carrierSamples.length; i++) d[carrierSamples[i]] -= carrierCounts[i];
        } else {
            for (int i = 0; i < carrierSamples.length; i++) d[carrierSamples[i]] = carrierCounts[i];
        }
        for (int s : missingSamples) d[s] = Double.NaN;
        return d;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Variant v && pos == v.pos && alleleCount == v.alleleCount
                && alleleNumber == v.alleleNumber && altIsMinor == v.altIsMinor
                && chrom.equals(v.chrom) && ref.equals(v.ref) && alt.equals(v.alt) && id.equals(v.id)
                && Arrays.equals(carrierSamples, v.carrierSamples)
                && Arrays.equals(carrierCounts, v.carrierCounts)
                && Arrays.equals(missingSamples, v.missingSamples);
    }

    @Override
    public int hashCode() {
        return 31 * key().hashCode() + Arrays.hashCode(carrierSamples);
    }

    @Override
    public String toString() {
        return "Variant[" + key() + " AC=" + alleleCount + " AN=" + alleleNumber
                + " carriers=" + carrierSamples.length + " missing=" + missingSamples.length + "]";
    }
}
