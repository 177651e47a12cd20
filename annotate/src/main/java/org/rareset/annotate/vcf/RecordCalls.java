package org.rareset.annotate.vcf;

import java.util.Arrays;

/**
 * The genotypes of one VCF record, as the decoders hand them over: per sample its ploidy (0 for a
 * missing call) and, for the few samples carrying any ALT allele, how many copies of each ALT.
 * Reused from record to record, so decoding allocates nothing per sample.
 *
 * <p>A call with any missing allele ({@code ./.}, {@code ./1}, {@code .}) counts as missing for
 * the whole sample: it adds nothing to AN and is listed among the missing samples.
 */
final class RecordCalls {
    final int nSamples;
    final byte[] ploidy;
    int nAlt;
    int calledAlleles;
    int nMissing;
    int[] missing = new int[16];
    int nCarriers;
    int[] carrierSample = new int[64];
    /** ALT copies per carrier: {@code carrierAltCounts[e * nAlt + (k - 1)]} for ALT {@code k}. */
    byte[] carrierAltCounts = new byte[64];

    RecordCalls(int nSamples) {
        this.nSamples = nSamples;
        this.ploidy = new byte[nSamples];
    }

    void reset(int nAlt) {
        this.nAlt = nAlt;
        calledAlleles = 0;
        nMissing = 0;
        nCarriers = 0;
    }

    /** A homozygous-reference call of the given ploidy: the common case, kept cheap. */
    void refCall(int sample, int p) {
        ploidy[sample] = (byte) p;
        calledAlleles += p;
    }

    void missingCall(int sample) {
        ploidy[sample] = 0;
        if (nMissing == missing.length) missing = Arrays.copyOf(missing, nMissing * 2);
        missing[nMissing++] = sample;
    }

    /**
     * A fully called genotype with alleles {@code alleles[0..p)} (0 = REF, k = k-th ALT, all
     * {@code <= nAlt}); samples must arrive in increasing order.
     */
    void call(int sample, int[] alleles, int p) {
        ploidy[sample] = (byte) p;
        calledAlleles += p;
        int base = -1;
        for (int i = 0; i < p; i++) {
            int a = alleles[i];
            if (a == 0) continue;
            if (base < 0) base = newCarrier(sample);
            carrierAltCounts[base + a - 1]++;
        }
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
