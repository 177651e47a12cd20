package org.rareset.simulate;

import java.util.ArrayList;
import java.util.List;

/** The autosomes the simulated genes lie on: GRCh38 lengths, named {@code chr1} or {@code 1}. */
record Genome(List<String> contigs, long[] lengths) {
    private static final long[] GRCH38 = {
        248_956_422L, 242_193_529L, 198_295_559L, 190_214_555L, 181_538_259L, 170_805_979L,
        159_345_973L, 145_138_636L, 138_394_717L, 133_797_422L, 135_086_622L, 133_275_309L,
        114_364_328L, 107_043_718L, 101_991_189L, 90_338_345L, 83_257_441L, 80_373_285L,
        58_617_616L, 64_444_167L, 46_709_983L, 50_818_468L};

    static Genome autosomes(int count, boolean chrPrefix) {
        List<String> names = new ArrayList<>();
        long[] lengths = new long[count];
        for (int i = 0; i < count; i++) {
            names.add((chrPrefix ? "chr" : "") + (i + 1));
            lengths[i] = GRCH38[i];
        }
        return new Genome(List.copyOf(names), lengths);
    }

    int size() {
        return contigs.size();
    }
}
