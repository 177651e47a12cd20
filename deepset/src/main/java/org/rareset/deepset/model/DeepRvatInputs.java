package org.rareset.deepset.model;

import java.util.List;
import org.rareset.annotate.DerivedColumns;

/** DeepRVAT's defaults for the model inputs (its {@code model_config.yaml}, pretrained models). */
public final class DeepRvatInputs {
    private DeepRvatInputs() {}

    /** The 34 rare-variant annotations the pretrained models read, in their input order. */
    public static final List<String> ANNOTATIONS = List.of(
            "MAF_MB", "CADD_raw", "sift_score", "polyphen_score",
            "Consequence_splice_acceptor_variant", "Consequence_splice_donor_variant",
            "Consequence_stop_gained", "Consequence_frameshift_variant", "Consequence_stop_lost",
            "Consequence_start_lost", "Consequence_inframe_insertion", "Consequence_inframe_deletion",
            "Consequence_missense_variant", "Consequence_protein_altering_variant",
            "Consequence_splice_region_variant", "condel_score",
            "DeepSEA_PC_1", "DeepSEA_PC_2", "DeepSEA_PC_3", "DeepSEA_PC_4", "DeepSEA_PC_5", "DeepSEA_PC_6",
            "PrimateAI_score", "AbSplice_DNA",
            "DeepRipe_plus_QKI_lip_hg2", "DeepRipe_plus_QKI_clip_k5", "DeepRipe_plus_KHDRBS1_clip_k5",
            "DeepRipe_plus_ELAVL1_parclip", "DeepRipe_plus_TARDBP_parclip", "DeepRipe_plus_HNRNPD_parclip",
            "DeepRipe_plus_MBNL1_parclip", "DeepRipe_plus_QKI_parclip",
            "SpliceAI_delta_score", "alphamissense");

    /** Annotation columns that flag a predicted loss of function (used by the sign check). */
    public static final List<String> PLOF_FLAGS = List.of(
            "Consequence_splice_acceptor_variant", "Consequence_splice_donor_variant",
            "Consequence_stop_gained", "Consequence_frameshift_variant", "Consequence_stop_lost",
            "Consequence_start_lost", "is_plof");

    /** Columns computed from the cohort's genotypes when the annotation table lacks them. */
    public static final String MAF = "MAF";
    public static final String MAF_MB = "MAF_MB";

    /**
     * DeepRVAT's MAF_MB: {@code (af (1 - af) + 1e-8)^-0.5} with {@code af} the ALT frequency; the
     * annotation step's formula, so training, scoring and {@code rareset annotate} agree to the bit.
     */
    public static double mafMb(double af) {
        return DerivedColumns.mafMb(af);
    }
}
