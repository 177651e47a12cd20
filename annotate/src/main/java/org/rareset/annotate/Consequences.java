package org.rareset.annotate;

import java.util.List;

/**
 * The 11 VEP consequence terms DeepRVAT one-hot encodes ({@code Consequence_<term>}), as bits,
 * and the predicted-loss-of-function set behind {@code is_plof}.
 */
public final class Consequences {
    private Consequences() {}

    public static final List<String> TERMS = List.of(
            "splice_acceptor_variant", "splice_donor_variant", "stop_gained", "frameshift_variant",
            "stop_lost", "start_lost", "inframe_insertion", "inframe_deletion", "missense_variant",
            "protein_altering_variant", "splice_region_variant");

    /** stop_gained, frameshift_variant, stop_lost, start_lost, splice_acceptor_variant, splice_donor_variant. */
    public static final int PLOF_MASK = bit("stop_gained") | bit("frameshift_variant") | bit("stop_lost")
            | bit("start_lost") | bit("splice_acceptor_variant") | bit("splice_donor_variant");

    public static int bit(String term) {
        int i = TERMS.indexOf(term);
        return i < 0 ? 0 : 1 << i;
    }

    public static String columnName(int i) {
        return "Consequence_" + TERMS.get(i);
    }

    /** Bits of VEP's {@code &}-joined (or comma-joined) consequence string; other terms are ignored. */
    public static int parse(String consequence) {
        if (consequence == null || consequence.isEmpty()) return 0;
        int mask = 0;
        int from = 0;
        int n = consequence.length();
        for (int i = 0; i <= n; i++) {
            if (i == n || consequence.charAt(i) == '&' || consequence.charAt(i) == ',') {
                if (i > from) mask |= bit(consequence.substring(from, i));
                from = i + 1;
            }
        }
        return mask;
    }

    public static boolean isPlof(int mask) {
        return (mask & PLOF_MASK) != 0;
    }
}
