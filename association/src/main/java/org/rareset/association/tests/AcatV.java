package org.rareset.association.tests;

/**
 * ACAT-V (Liu et al. 2019) as REGENIE ADD-ACATV: Cauchy combination of single-variant score p-values with weights w_j^2 MAF_j (1 - MAF_j), p capped at 0.999, p below 1e-15 entered as a_j / (p_j pi).
 */
public final class AcatV implements GeneTest {
    /** Shared instance (the class is stateless). */
    public static final AcatV INSTANCE = new AcatV();

    @Override
    public String name() {
        return "acatv";
    }

    @Override
    public GeneResult apply(GeneScores scores) {
        throw new UnsupportedOperationException("acatv not implemented yet");
    }
}
