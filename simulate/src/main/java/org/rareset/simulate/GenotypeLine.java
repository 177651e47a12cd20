package org.rareset.simulate;

/**
 * The sample columns of one VCF record as bytes: built once as {@code 0/0<TAB>} per sample (the
 * last ending in a newline), then patched at each carrier and missing call and restored after
 * writing, so a record costs work per carrier plus one copy of the line.
 */
final class GenotypeLine {
    private final byte[] bytes;

    GenotypeLine(int samples) {
        bytes = new byte[4 * samples];
        for (int s = 0; s < samples; s++) {
            bytes[4 * s] = '0';
            bytes[4 * s + 1] = '/';
            bytes[4 * s + 2] = '0';
            bytes[4 * s + 3] = '\t';
        }
        bytes[bytes.length - 1] = '\n';
    }

    byte[] bytes() {
        return bytes;
    }

    void patch(GenotypeSampler g) {
        for (int i = 0; i < g.carriers; i++) {
            int at = 4 * g.carrierSample[i];
            bytes[at] = (byte) ('0' + g.allele0[i]);
            bytes[at + 2] = (byte) ('0' + g.allele1[i]);
        }
        for (int i = 0; i < g.missing; i++) {
            int at = 4 * g.missingSample[i];
            bytes[at] = '.';
            bytes[at + 2] = '.';
        }
    }

    void restore(GenotypeSampler g) {
        for (int i = 0; i < g.carriers; i++) {
            int at = 4 * g.carrierSample[i];
            bytes[at] = '0';
            bytes[at + 2] = '0';
        }
        for (int i = 0; i < g.missing; i++) {
            int at = 4 * g.missingSample[i];
            bytes[at] = '0';
            bytes[at + 2] = '0';
        }
    }
}
