package org.rareset.genotypes.vcf;

import java.util.Arrays;
import java.util.List;

/**
 * Turns one decoded record into one {@link Variant} per ALT allele. For ALT {@code k}, AC counts
 * copies of {@code k}, AN all called alleles; every other allele (REF or another ALT) is "not k".
 * The minor allele is ALT when {@code 2 AC <= AN}; otherwise the carriers listed are those of the
 * "not k" alleles, with their copy counts.
 */
public final class VariantSplitter {
    private VariantSplitter() {}

    public static void split(String chrom, int pos, String id, String ref, List<String> alts,
                      RecordCalls c, java.util.function.Consumer<Variant> out) {
        split(chrom, pos, id, ref, alts, null, c, out);
    }

    /** As above, for the ALT alleles {@code k} with {@code keep[k - 1]} only ({@code keep} null: all). */
    static void split(String chrom, int pos, String id, String ref, List<String> alts, boolean[] keep,
                      RecordCalls c, java.util.function.Consumer<Variant> out) {
        int[] missing = Arrays.copyOf(c.missing, c.nMissing);
        for (int k = 1; k <= alts.size(); k++) {
            if (keep != null && !keep[k - 1]) continue;
            out.accept(one(chrom, pos, id, ref, alts.get(k - 1), k, c, missing));
        }
    }

    private static Variant one(String chrom, int pos, String id, String ref, String alt, int k,
                               RecordCalls c, int[] missing) {
        int nAlt = c.nAlt;
        int ac = 0;
        int nAltCarriers = 0;
        for (int e = 0; e < c.nCarriers; e++) {
            int n = c.carrierAltCounts[e * nAlt + k - 1];
            ac += n;
            if (n > 0) nAltCarriers++;
        }
        int an = c.calledAlleles;
        boolean altIsMinor = 2L * ac <= an;
        int[] samples;
        byte[] counts;
        if (altIsMinor) {
            samples = new int[nAltCarriers];
            counts = new byte[nAltCarriers];
            int j = 0;
            for (int e = 0; e < c.nCarriers; e++) {
                byte n = c.carrierAltCounts[e * nAlt + k - 1];
                if (n > 0) {
                    samples[j] = c.carrierSample[e];
                    counts[j++] = n;
                }
            }
        } else {
            // ALT is the major allele: list everyone carrying a copy of some other allele.
            int[] s = new int[c.nSamples];
            byte[] n = new byte[c.nSamples];
            int j = 0;
            int e = 0;
            for (int i = 0; i < c.nSamples; i++) {
                int p = c.ploidy[i];
                if (p == 0) continue;
                int altCopies = 0;
                if (e < c.nCarriers && c.carrierSample[e] == i) altCopies = c.carrierAltCounts[e++ * nAlt + k - 1];
                int other = p - altCopies;
                if (other > 0) {
                    s[j] = i;
                    n[j++] = (byte) other;
                }
            }
            samples = Arrays.copyOf(s, j);
            counts = Arrays.copyOf(n, j);
        }
        return new Variant(chrom, pos, ref, alt, id, ac, an, altIsMinor, samples, counts, missing);
    }
}
