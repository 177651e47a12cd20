package org.rareset.annotate;

/** Allele spelling rules for matching sources that write the same variant differently. */
final class Alleles {
    private Alleles() {}

    /**
     * Minimal representation key: common trailing then leading bases trimmed, position shifted
     * accordingly ({@code 100 CTT>CT} and {@code 100 CT>C} both become {@code 101 T>-}... as
     * {@code pos:ref:alt}), so a source split by {@code bcftools norm -m} still matches.
     */
    static String minimal(int pos, String ref, String alt) {
        ref = ref.toUpperCase(java.util.Locale.ROOT);
        alt = alt.toUpperCase(java.util.Locale.ROOT);
        int r = ref.length();
        int a = alt.length();
        while (r > 1 && a > 1 && ref.charAt(r - 1) == alt.charAt(a - 1)) {
            r--;
            a--;
        }
        int s = 0;
        while (s < r - 1 && s < a - 1 && ref.charAt(s) == alt.charAt(s)) s++;
        return (pos + s) + ":" + ref.substring(s, r) + ":" + alt.substring(s, a);
    }

    /**
     * The allele string VEP writes in CSQ/Allele for {@code alt} of a record with alleles
     * {@code ref, alts}, by the rule of VEP's VCF parser: only when some ALT differs from REF in
     * length (an indel record), and REF and every ALT other than a {@code *} start with the same
     * base, that base is dropped from each allele ({@code *} kept as is), an empty result written
     * {@code -}. SNVs and same-length MNVs keep their alleles.
     */
    static String vepAllele(String ref, String[] alts, String alt) {
        if (ref.isEmpty()) return alt;
        char first = ref.charAt(0);
        boolean trim = true;
        boolean anyIndel = false;
        for (String a : alts) {
            if (a.equals("*")) continue;
            if (a.isEmpty() || a.charAt(0) != first) trim = false;
            if (a.length() != ref.length()) anyIndel = true;
        }
        if (!trim || !anyIndel || alt.equals("*")) return alt;
        String s = alt.substring(1);
        return s.isEmpty() ? "-" : s;
    }
}
