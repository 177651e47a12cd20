package org.rareset.genotypes.vcf;

import java.util.function.IntFunction;

/**
 * Decodes GT straight from a BCF record's raw per-sample block (BCF 2.1/2.2 spec, section 6.3):
 * each FORMAT field is a typed key, a type descriptor (type in the low 4 bits, values per sample
 * in the high 4, 15 meaning "count follows as a typed int") and {@code nSamples * count} values.
 * A GT value is {@code (allele + 1) << 1 | phased}; 0 is a missing allele and the type's
 * end-of-vector value ends a shorter (e.g. haploid) call. htsjdk's own decoder does not know
 * end-of-vector values, so mixed-ploidy BCF goes through here.
 */
final class BcfGenotypeDecoder {
    private static final int INT8 = 1;
    private static final int INT16 = 2;
    private static final int INT32 = 3;
    private static final int FLOAT = 5;
    private static final int CHAR = 7;

    private final byte[] b;
    private int at;

    private BcfGenotypeDecoder(byte[] b) {
        this.b = b;
    }

    /**
     * Fills {@code calls} from the block; returns false when the record has no GT field.
     *
     * @param dictionary FORMAT key index to name, from the header
     */
    static boolean decode(byte[] block, int nFields, int nHeaderSamples, IntFunction<String> dictionary,
                          SampleSelection selection, RecordCalls calls, int[] alleles) {
        BcfGenotypeDecoder d = new BcfGenotypeDecoder(block);
        for (int f = 0; f < nFields; f++) {
            String key = dictionary.apply(d.typedInt());
            int desc = block[d.at++] & 0xff;
            int type = desc & 0x0F;
            int count = desc >>> 4;
            if (count == 15) count = d.typedInt();
            int size = size(type);
            if (!"GT".equals(key)) {
                d.at += nHeaderSamples * count * size;
                continue;
            }
            if (type != INT8 && type != INT16 && type != INT32) {
                throw new IllegalArgumentException("GT of BCF type " + type + " is not an integer vector");
            }
            for (int col = 0; col < nHeaderSamples; col++) {
                int s = selection.indexOf(col);
                if (s < 0) {
                    d.at += count * size;
                    continue;
                }
                int ploidy = 0;
                int missing = 0;
                for (int k = 0; k < count; k++) {
                    int v = d.value(type);
                    if (isEndOfVector(v, type)) continue;
                    boolean absent = isMissingValue(v, type) || (v >> 1) == 0;
                    if (absent) missing++;
                    if (ploidy < alleles.length) alleles[ploidy] = absent ? -1 : (v >> 1) - 1;
                    ploidy++;
                }
                if (missing == ploidy || ploidy > alleles.length) {
                    calls.missingCall(s);
                } else {
                    for (int k = 0; k < ploidy; k++) {
                        if (alleles[k] > calls.nAlt) {
                            throw new IllegalArgumentException("GT names allele " + alleles[k] + " but the record has " + calls.nAlt + " ALT alleles");
                        }
                    }
                    if (missing > 0) calls.halfCall(s, alleles, ploidy);
                    else calls.call(s, alleles, ploidy);
                }
            }
            return true;
        }
        return false;
    }

    private static int size(int type) {
        return switch (type) {
            case INT8, CHAR -> 1;
            case INT16 -> 2;
            case INT32, FLOAT -> 4;
            case 0 -> 0;
            default -> throw new IllegalArgumentException("unknown BCF type " + type);
        };
    }

    private static boolean isEndOfVector(int v, int type) {
        return switch (type) {
            case INT8 -> v == -127;
            case INT16 -> v == -32767;
            default -> v == 0x80000001;
        };
    }

    private static boolean isMissingValue(int v, int type) {
        return switch (type) {
            case INT8 -> v == -128;
            case INT16 -> v == -32768;
            default -> v == 0x80000000;
        };
    }

    private int value(int type) {
        switch (type) {
            case INT8:
                return b[at++];
            case INT16: {
                int v = (short) ((b[at] & 0xff) | (b[at + 1] & 0xff) << 8);
                at += 2;
                return v;
            }
            default: {
                int v = (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
                at += 4;
                return v;
            }
        }
    }

    /** A typed single integer (key or count). */
    private int typedInt() {
        int desc = b[at++] & 0xff;
        return value(desc & 0x0F);
    }
}
