package org.rareset.simulate;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws one site's genotypes sparsely, carriers only: for each ALT allele an allele count from
 * Binomial(2n, frequency) (at least one: every written site is polymorphic), placed on distinct
 * allele slots (two per sample, so genotypes follow Hardy-Weinberg), then a few calls masked as
 * missing. Work is proportional to the number of ALT alleles, never to the number of samples.
 *
 * <p>The result stays in this object's arrays until the next call (no per-site allocation):
 * carriers in increasing sample order with their two allele codes (lower first) and whether the
 * call is written missing; the missing samples; per-allele counts over called genotypes.
 * Missing calls hide the true genotype, which still acts on the traits.
 */
final class GenotypeSampler {
    private final int samples;
    private final byte[] slotAllele;
    private final int[] touched;
    private final boolean[] missingMark;

    int carriers;
    final int[] carrierSample;
    final byte[] allele0;
    final byte[] allele1;
    final boolean[] carrierMissing;
    int missing;
    final int[] missingSample;
    /** ALT allele counts over called genotypes, index 1..number of ALTs. */
    final int[] alleleCount = new int[3];
    int alleleNumber;

    GenotypeSampler(int samples) {
        this.samples = samples;
        this.slotAllele = new byte[2 * samples];
        this.touched = new int[2 * samples];
        this.missingMark = new boolean[samples];
        this.carrierSample = new int[samples];
        this.allele0 = new byte[samples];
        this.allele1 = new byte[samples];
        this.carrierMissing = new boolean[samples];
        this.missingSample = new int[samples];
    }

    void sample(SimSite site, SplittableRandom rng, double missingRate) {
        int slots = 2 * samples;
        int t = 0;
        for (int a = 1; a <= site.alts().length; a++) {
            double f = site.frequencies()[a - 1];
            int k = 0;
            for (int tries = 0; k == 0 && tries < 1000; tries++) k = Draws.binomial(rng, slots, f);
            k = Math.min(Math.max(k, 1), slots - t);
            for (int placed = 0; placed < k; ) {
                int s = rng.nextInt(slots);
                if (slotAllele[s] == 0) {
                    slotAllele[s] = (byte) a;
                    touched[t++] = s;
                    placed++;
                }
            }
        }
        Arrays.sort(touched, 0, t);

        missing = 0;
        if (missingRate > 0) {
            double p = Math.min(1.0, missingRate * rng.nextExponential());
            int m = Draws.binomial(rng, samples, p);
            while (missing < m) {
                int s = rng.nextInt(samples);
                if (!missingMark[s]) {
                    missingMark[s] = true;
                    missingSample[missing++] = s;
                }
            }
            Arrays.sort(missingSample, 0, missing);
        }

        carriers = 0;
        Arrays.fill(alleleCount, 0);
        for (int i = 0; i < t; i++) {
            int s = touched[i] >>> 1;
            if (carriers > 0 && carrierSample[carriers - 1] == s) continue; // second slot of a sample already seen
            byte x = slotAllele[2 * s];
            byte y = slotAllele[2 * s + 1];
            carrierSample[carriers] = s;
            allele0[carriers] = (byte) Math.min(x, y);
            allele1[carriers] = (byte) Math.max(x, y);
            carrierMissing[carriers] = missingMark[s];
            if (!missingMark[s]) {
                alleleCount[x]++;
                alleleCount[y]++;
            }
            carriers++;
        }
        alleleCount[0] = 0;
        alleleNumber = 2 * (samples - missing);

        for (int i = 0; i < t; i++) slotAllele[touched[i]] = 0;
        for (int i = 0; i < missing; i++) missingMark[missingSample[i]] = false;
    }

    /** Copies of this allele (1-based ALT index) that carrier {@code i} truly holds, called or not. */
    int dosage(int i, int allele) {
        return (allele0[i] == allele ? 1 : 0) + (allele1[i] == allele ? 1 : 0);
    }

    int samples() {
        return samples;
    }
}
