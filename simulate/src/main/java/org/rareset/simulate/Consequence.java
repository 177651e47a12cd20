package org.rareset.simulate;

/**
 * The 11 VEP consequence terms DeepRVAT one-hot encodes, in DeepRVAT's column order; column names
 * are {@code Consequence_<term>}. {@link #isPlof()} marks the six terms DeepRVAT's {@code is_plof}
 * counts.
 */
public enum Consequence {
    SPLICE_ACCEPTOR("splice_acceptor_variant", true),
    SPLICE_DONOR("splice_donor_variant", true),
    STOP_GAINED("stop_gained", true),
    FRAMESHIFT("frameshift_variant", true),
    STOP_LOST("stop_lost", true),
    START_LOST("start_lost", true),
    INFRAME_INSERTION("inframe_insertion", false),
    INFRAME_DELETION("inframe_deletion", false),
    MISSENSE("missense_variant", false),
    PROTEIN_ALTERING("protein_altering_variant", false),
    SPLICE_REGION("splice_region_variant", false);

    private final String term;
    private final boolean plof;

    Consequence(String term, boolean plof) {
        this.term = term;
        this.plof = plof;
    }

    public String term() {
        return term;
    }

    public String column() {
        return "Consequence_" + term;
    }

    public boolean isPlof() {
        return plof;
    }

    int bit() {
        return 1 << ordinal();
    }
}
