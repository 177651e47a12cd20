package org.rareset.genotypes.bgen;

import java.util.Arrays;
import org.rareset.genotypes.vcf.RecordCalls;
import org.rareset.genotypes.vcf.SampleSelection;

/**
 * Turns a BGEN variant's decompressed probability data into hard calls, as plink2 does on import.
 *
 * <p>For each sample the expected count of each allele is {@code x_k = sum_g P(g) * c_k(g)} over
 * its genotypes {@code g} (unphased) or {@code x_k = sum_h P_h(k)} over its haplotypes (phased).
 * The call is the rounded counts {@code round(x_k)} when
 * {@code 0.5 * sum_k |x_k - round(x_k)| <= threshold} and they add up to the ploidy; otherwise,
 * and for samples flagged missing (or, in layout 1, with all three probabilities 0), the call is
 * missing. For one biallelic diploid sample the distance is simply {@code |x_ALT - round(x_ALT)|}.
 *
 * <p>Layout 2 ({@code N, K, Pmin, Pmax, ploidy/missing byte per sample, phased, B}, then
 * {@code B}-bit probabilities, the last of each distribution left out) lists unphased genotypes in
 * colex order of their allele counts: for a diploid, 11, 12, 22, 13, 23, 33, ... Layout 1 stores
 * three 16-bit probabilities (AA, AB, BB) / 32768 per sample.
 *
 * <p>Hom-REF samples are the common case: when every sample is kept, the data is compared with a
 * row of hom-REF bytes ({@link Arrays#mismatch}) and only the samples that differ are decoded.
 */
final class HardCalls {
    private static final int LAYOUT2_HEAD = 10;

    private final int columns;
    private final SampleSelection selection;
    private final double threshold;
    /** Genotype tables by allele count and ploidy ({@code [k][z]}, z < 64), filled as met: two array loads per sample. */
    private int[][][][] genotypeTables = new int[3][][][];
    private final int[] alleles = new int[64];
    private double[] dosage = new double[2];
    private byte[] homRefRow;
    private long homRefKey = -1;
    private int[] missing = new int[16];
    /** {@code columns} bytes of 2: the ploidy bytes of diploid samples that are not missing. */
    private byte[] diploidRow;

    HardCalls(int columns, SampleSelection selection, double threshold) {
        this.columns = columns;
        this.selection = selection;
        this.threshold = threshold;
    }

    /**
     * Layout 2 data of {@code len} bytes for a variant with {@code k} alleles; {@code alleleMap[a]}
     * is BGEN allele {@code a}'s index in {@code calls} (0 = REF, j = j-th ALT).
     *
     * @return null, or what is wrong with the data
     */
    String layout2(byte[] d, int len, int k, int[] alleleMap, RecordCalls calls) {
        if (len < LAYOUT2_HEAD + columns) return "probability data of " + len + " bytes is too short for " + columns + " samples";
        long n = u32(d, 0);
        if (n != columns) return "probability data is for " + n + " samples, the header says " + columns;
        int kk = u16(d, 4);
        if (kk != k) return "probability data has " + kk + " alleles, the variant " + k;
        int pmin = d[6] & 0xFF;
        int pmax = d[7] & 0xFF;
        int phasedAt = 8 + columns;
        int phased = d[phasedAt] & 0xFF;
        int bits = d[phasedAt + 1] & 0xFF;
        if (phased > 1) return "phased flag is " + phased + ", not 0 or 1";
        if (bits < 1 || bits > 32) return "bits per probability is " + bits + ", not 1-32";
        if (pmax > 63 || pmin > pmax) return "ploidy range " + pmin + "-" + pmax + " is not valid";
        int probStart = phasedAt + 2;
        // values per ploidy (0-63) for this k and phasing, looked up once per ploidy, not per sample
        int[] perPloidy = valuesPerPloidy(k, phased == 1);
        // All diploid (the usual file): the missing samples are found by a vectorised compare and
        // the data length follows without a loop over the samples.
        int nMissing = pmin == 2 && pmax == 2 ? missingColumns(d) : -1;
        long needBits = 0;
        if (nMissing >= 0) {
            if (perPloidy[2] < 0) perPloidy[2] = values(2, k, phased == 1);
            needBits = (long) columns * perPloidy[2] * bits;
        } else {
            for (int c = 0; c < columns; c++) {
                int z = d[8 + c] & 63;
                int v = perPloidy[z];
                if (v < 0) v = perPloidy[z] = values(z, k, phased == 1);
                needBits += (long) v * bits;
            }
        }
        if (probStart + (needBits + 7) / 8 > len) {
            return "probability data of " + len + " bytes is too short for its " + columns + " samples at " + bits + " bits";
        }
        calls.reset(k - 1);
        if (dosage.length < k) dosage = new double[k];
        boolean fast = k == 2 && pmin == 2 && pmax == 2 && phased == 0 && bits % 8 == 0 && selection.keepsAll();
        if (fast) {
            int stride = 2 * bits / 8;
            int total = stride * columns;
            boolean refIsFirst = alleleMap[0] == 0;
            byte[] row = homRefRow(2L << 40 | (long) bits << 1 | (refIsFirst ? 1 : 0), total, stride, refIsFirst ? bits / 8 : 0);
            if (nMissing < 0) return "a sample's ploidy differs from the declared 2";
            scan(d, probStart, total, row, stride, nMissing, calls, c -> decode2(d, probStart, (long) c * 2 * bits, 2, k, false, bits, alleleMap, c, calls));
            return null;
        }
        long bit = 0;
        for (int c = 0; c < columns; c++) {
            int pb = d[8 + c];
            int z = pb & 63;
            int s = selection.indexOf(c);
            if (s >= 0) {
                if ((pb & 0x80) != 0 || z == 0) calls.missingCall(s);
                else decode2(d, probStart, bit, z, k, phased == 1, bits, alleleMap, s, calls);
            }
            bit += (long) perPloidy[z] * bits;
        }
        return null;
    }

    /** Layout 1: three u16 probabilities per sample; a missing call stores three zeros. */
    String layout1(byte[] d, int len, int[] alleleMap, RecordCalls calls) {
        if (len != 6 * columns) return "probability data of " + len + " bytes, but " + columns + " samples need " + 6 * columns;
        calls.reset(1);
        if (selection.keepsAll()) {
            boolean refIsFirst = alleleMap[0] == 0;
            byte[] row = homRefRow(1L << 40 | (refIsFirst ? 1 : 0), 6 * columns, 6, -1);
            // hom-REF is 32768 (bytes 00 80) in the first (AA) or last (BB) slot
            scan(d, 0, 6 * columns, row, 6, 0, calls, c -> decode1(d, c, alleleMap, c, calls));
            return null;
        }
        for (int c = 0; c < columns; c++) {
            int s = selection.indexOf(c);
            if (s >= 0) decode1(d, c, alleleMap, s, calls);
        }
        return null;
    }

    /**
     * Walks the samples whose bytes differ from the hom-REF row, merging them in order with the
     * {@code nMissing} missing columns collected beforehand; everyone else is hom-REF.
     */
    private void scan(byte[] d, int start, int total, byte[] row, int stride, int nMissing, RecordCalls calls,
                      java.util.function.IntConsumer decode) {
        int decoded = 0;
        int mi = 0;
        int pos = 0;
        while (pos < total) {
            int m = Arrays.mismatch(d, start + pos, start + total, row, pos, total);
            if (m < 0) break;
            int c = (pos + m) / stride;
            while (mi < nMissing && missing[mi] < c) calls.missingCall(missing[mi++]);
            if (mi < nMissing && missing[mi] == c) {
                calls.missingCall(missing[mi++]);
            } else {
                decode.accept(c);
                decoded++;
            }
            pos = (c + 1) * stride;
        }
        while (mi < nMissing) calls.missingCall(missing[mi++]);
        int homRef = columns - nMissing - decoded;
        calls.refRun(homRef);
    }

    /**
     * Collects the columns flagged missing (ploidy byte bit 7); -1 when a ploidy is not 2. The
     * bytes that are not a plain 2 are found by comparing with a row of 2s ({@link Arrays#mismatch}).
     */
    private int missingColumns(byte[] d) {
        if (diploidRow == null) {
            diploidRow = new byte[columns];
            Arrays.fill(diploidRow, (byte) 2);
        }
        int n = 0;
        int c = 0;
        while (c < columns) {
            int m = Arrays.mismatch(d, 8 + c, 8 + columns, diploidRow, c, columns);
            if (m < 0) break;
            c += m;
            int pb = d[8 + c];
            if ((pb & 0x80) == 0 || (pb & 63) != 2) return -1;
            if (n == missing.length) missing = Arrays.copyOf(missing, n * 2);
            missing[n++] = c++;
        }
        return n;
    }

    /** A row of {@code total} bytes repeating one sample's hom-REF probabilities. */
    private byte[] homRefRow(long key, int total, int stride, int onesBytes) {
        if (key == homRefKey && homRefRow.length == total) return homRefRow;
        byte[] row = new byte[total];
        for (int c = 0; c < columns; c++) {
            int at = c * stride;
            if (onesBytes > 0) Arrays.fill(row, at, at + onesBytes, (byte) 0xFF);
            if (onesBytes < 0) {
                // layout 1: 32768 as u16 little-endian in the AA slot (key bit 0 set) or the BB slot
                int slot = (key & 1) != 0 ? 0 : 4;
                row[at + slot + 1] = (byte) 0x80;
            }
        }
        homRefRow = row;
        homRefKey = key;
        return row;
    }

    /** Decodes one sample of layout 2 starting at bit {@code bit} of the probabilities. */
    private void decode2(byte[] d, int probStart, long bit, int z, int k, boolean phased, int bits, int[] alleleMap,
                         int sample, RecordCalls calls) {
        double max = (double) ((1L << bits) - 1);
        Arrays.fill(dosage, 0, k, 0.0);
        if (phased) {
            for (int h = 0; h < z; h++) {
                double rest = 1.0;
                for (int a = 0; a < k - 1; a++) {
                    double p = bitsAt(d, probStart, bit, bits) / max;
                    bit += bits;
                    dosage[a] += p;
                    rest -= p;
                }
                dosage[k - 1] += rest;
            }
        } else {
            int[][] table = genotypes(z, k);
            double rest = 1.0;
            for (int g = 0; g < table.length - 1; g++) {
                double p = bitsAt(d, probStart, bit, bits) / max;
                bit += bits;
                rest -= p;
                int[] counts = table[g];
                for (int a = 0; a < k; a++) dosage[a] += p * counts[a];
            }
            int[] last = table[table.length - 1];
            for (int a = 0; a < k; a++) dosage[a] += rest * last[a];
        }
        emit(z, k, alleleMap, sample, calls);
    }

    private void decode1(byte[] d, int c, int[] alleleMap, int sample, RecordCalls calls) {
        int at = 6 * c;
        int aa = u16(d, at);
        int ab = u16(d, at + 2);
        int bb = u16(d, at + 4);
        if (aa == 0 && ab == 0 && bb == 0) {
            calls.missingCall(sample);
            return;
        }
        dosage[0] = (2.0 * aa + ab) / 32768.0;
        dosage[1] = (ab + 2.0 * bb) / 32768.0;
        emit(2, 2, alleleMap, sample, calls);
    }

    /** Rounds the dosages into a call, or a missing call when they are too far from whole counts. */
    private void emit(int z, int k, int[] alleleMap, int sample, RecordCalls calls) {
        double distance = 0;
        int sum = 0;
        int n = 0;
        boolean allRef = true;
        for (int a = 0; a < k; a++) {
            double r = Math.rint(dosage[a]);
            distance += Math.abs(dosage[a] - r);
            int copies = (int) r;
            sum += copies;
            if (copies < 0 || sum > z) {
                calls.missingCall(sample);
                return;
            }
            for (int i = 0; i < copies; i++) {
                alleles[n++] = alleleMap[a];
                if (alleleMap[a] != 0) allRef = false;
            }
        }
        if (sum != z || 0.5 * distance > threshold) {
            calls.missingCall(sample);
        } else if (allRef) {
            calls.refCall(sample, z);
        } else {
            calls.call(sample, alleles, z);
        }
    }

    /** The table {@link #valuesPerPloidy} fills, for {@link #valuesByPloidyKey}. */
    private final int[] valuesByPloidy = new int[64];
    private long valuesByPloidyKey = -1;

    /** A table of values per ploidy for {@code k} alleles and the phasing, -1 where not yet computed. */
    private int[] valuesPerPloidy(int k, boolean phased) {
        long key = (long) k << 1 | (phased ? 1 : 0);
        if (key != valuesByPloidyKey) {
            Arrays.fill(valuesByPloidy, -1);
            valuesByPloidyKey = key;
        }
        return valuesByPloidy;
    }

    /** How many probabilities a sample stores: K-1 per haplotype, or one fewer than its genotypes. */
    private int values(int z, int k, boolean phased) {
        return phased ? z * (k - 1) : genotypes(z, k).length - 1;
    }

    /**
     * The allele counts of each unphased genotype of ploidy {@code z} over {@code k} alleles, in
     * the BGEN order: colex, i.e. sorted by the count of the last allele, then the one before, ...
     */
    int[][] genotypes(int z, int k) {
        if (k >= genotypeTables.length) genotypeTables = Arrays.copyOf(genotypeTables, k + 1);
        int[][][] byPloidy = genotypeTables[k];
        if (byPloidy == null) byPloidy = genotypeTables[k] = new int[64][][];
        int[][] t = byPloidy[z];
        if (t == null) {
            java.util.List<int[]> out = new java.util.ArrayList<>();
            enumerate(new int[k], k - 1, z, out);
            t = byPloidy[z] = out.toArray(new int[0][]);
        }
        return t;
    }

    /** Fills positions {@code 0..i} with counts adding up to {@code left}, outer loop on the highest position. */
    private static void enumerate(int[] counts, int i, int left, java.util.List<int[]> out) {
        if (i == 0) {
            counts[0] = left;
            out.add(counts.clone());
            return;
        }
        for (int c = 0; c <= left; c++) {
            counts[i] = c;
            enumerate(counts, i - 1, left - c, out);
        }
        counts[i] = 0;
    }

    private static long bitsAt(byte[] d, int start, long bit, int bits) {
        int at = start + (int) (bit >>> 3);
        int shift = (int) (bit & 7);
        int nBytes = (shift + bits + 7) >>> 3;
        long v = 0;
        for (int i = 0; i < nBytes; i++) v |= (d[at + i] & 0xFFL) << (8 * i);
        return (v >>> shift) & ((1L << bits) - 1);
    }

    static int u16(byte[] d, int at) {
        return (d[at] & 0xFF) | (d[at + 1] & 0xFF) << 8;
    }

    static long u32(byte[] d, int at) {
        return (d[at] & 0xFFL) | (d[at + 1] & 0xFFL) << 8 | (d[at + 2] & 0xFFL) << 16 | (d[at + 3] & 0xFFL) << 24;
    }
}
