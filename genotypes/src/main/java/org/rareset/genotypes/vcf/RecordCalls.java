package org.rareset.genotypes.vcf;

import java.util.Arrays;

/**
 * The genotypes of one VCF record, as the decoders hand them over: per sample its ploidy (0 for a
 * missing call) and, for the few samples carrying any ALT allele, how many copies of each ALT.
 * Reused from record to record, so decoding allocates nothing per sample.
 *
 * <p>A call with every allele missing ({@code ./.}, {@code .}) counts as missing for the whole
 * sample: it adds nothing to AN and is listed among the missing samples. A half-missing call
 * ({@code 1/.}) is read as the {@link HalfCall} rule says. The PLINK and BGEN readers fill it the
 * same way, so every format shares one splitting rule ({@link VariantSplitter}).
 */
public final class RecordCalls {
    final int nSamples;
    /** Ploidy per sample, 0 for missing; 2 unless listed in {@code touched}, so diploid hom-ref calls write nothing. */
    final byte[] ploidy;
    private int nTouched;
    private int[] touched = new int[16];
    int nAlt;
    int calledAlleles;
    int nMissing;
    int[] missing = new int[16];
    int nCarriers;
    int[] carrierSample = new int[64];
    /** ALT copies per carrier: {@code carrierAltCounts[e * nAlt + (k - 1)]} for ALT {@code k}. */
    byte[] carrierAltCounts = new byte[64];
    private final HalfCall halfCallRule;
    private final int[] called = new int[8];
    /** Half-missing calls in this record. */
    int halfCalls;
    /** The record had no FORMAT and sample columns; every sample was read as missing. */
    boolean shortRecord;
    /** GT was not the first FORMAT key. */
    boolean gtNotFirst;

    public RecordCalls(int nSamples) {
        this(nSamples, VcfReadOptions.DEFAULT_HALF_CALL);
    }

    RecordCalls(int nSamples, HalfCall halfCallRule) {
        this.nSamples = nSamples;
        this.halfCallRule = halfCallRule;
        this.ploidy = new byte[nSamples];
        java.util.Arrays.fill(ploidy, (byte) 2);
    }

    public void reset(int nAlt) {
        for (int i = 0; i < nTouched; i++) ploidy[touched[i]] = 2;
        nTouched = 0;
        this.nAlt = nAlt;
        calledAlleles = 0;
        nMissing = 0;
        nCarriers = 0;
        halfCalls = 0;
        shortRecord = false;
        gtNotFirst = false;
    }

    /**
     * A call of ploidy {@code p} with some (not all) alleles missing, written as -1 in
     * {@code alleles}; samples in increasing order as for {@link #call}.
     */
    void halfCall(int sample, int[] alleles, int p) {
        halfCalls++;
        switch (halfCallRule) {
            case MISSING -> missingCall(sample);
            case HAPLOID -> {
                int n = 0;
                for (int i = 0; i < p; i++) if (alleles[i] >= 0) called[n++] = alleles[i];
                call(sample, called, n);
            }
            case REFERENCE -> {
                for (int i = 0; i < p; i++) called[i] = Math.max(0, alleles[i]);
                call(sample, called, p);
            }
        }
    }

    /** A homozygous-reference call of the given ploidy: the common case, kept cheap. */
    public void refCall(int sample, int p) {
        if (p != 2) setPloidy(sample, p);
        calledAlleles += p;
    }

    /** {@code n} consecutive diploid homozygous-reference calls. */
    public void refRun(int n) {
        calledAlleles += 2 * n;
    }

    private void setPloidy(int sample, int p) {
        if (nTouched == touched.length) touched = Arrays.copyOf(touched, nTouched * 2);
        touched[nTouched++] = sample;
        ploidy[sample] = (byte) p;
    }

    public void missingCall(int sample) {
        setPloidy(sample, 0);
        if (nMissing == missing.length) missing = Arrays.copyOf(missing, nMissing * 2);
        missing[nMissing++] = sample;
    }

    /**
     * A fully called genotype with alleles {@code alleles[0..p)} (0 = REF, k = k-th ALT, all
     * {@code <= nAlt}); samples must arrive in increasing order.
     */
    public void call(int sample, int[] alleles, int p) {
        if (p != 2) setPloidy(sample, p);
        calledAlleles += p;
        int base = -1;
        for (int i = 0; i < p; i++) {
            int a = alleles[i];
            if (a == 0) continue;
            if (base < 0) base = newCarrier(sample);
            carrierAltCounts[base + a - 1]++;
        }
    }

    /**
     * A diploid call carrying {@code copies} (1 or 2) of the ALT of a biallelic record ({@code nAlt}
     * 1), samples in increasing order: what {@link #call} records for 0/1 and 1/1, without its loop
     * over the alleles (the PLINK reader's common non-REF call).
     */
    public void biallelicCarrier(int sample, int copies) {
        calledAlleles += 2;
        if (nCarriers == carrierSample.length) carrierSample = Arrays.copyOf(carrierSample, nCarriers * 2);
        if (nCarriers == carrierAltCounts.length) carrierAltCounts = Arrays.copyOf(carrierAltCounts, nCarriers * 2);
        carrierAltCounts[nCarriers] = (byte) copies;
        carrierSample[nCarriers++] = sample;
    }

    private int newCarrier(int sample) {
        if (nCarriers == carrierSample.length) carrierSample = Arrays.copyOf(carrierSample, nCarriers * 2);
        int need = (nCarriers + 1) * nAlt;
        if (need > carrierAltCounts.length) carrierAltCounts = Arrays.copyOf(carrierAltCounts, Math.max(need, carrierAltCounts.length * 2));
        int base = nCarriers * nAlt;
        Arrays.fill(carrierAltCounts, base, base + nAlt, (byte) 0);
        carrierSample[nCarriers++] = sample;
        return base;
    }
}
