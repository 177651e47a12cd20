package org.rareset.association.tests;

/**
 * ACAT-O: equal-weight Cauchy combination of the burden, SKAT and ACAT-V p-values of the gene.
 */
public final class AcatO implements GeneTest {
    /** Shared instance (the class is stateless). */
    public static final AcatO INSTANCE = new AcatO();

    @Override
    public String name() {
        return "acato";
    }

    @Override
    public GeneResult apply(GeneScores scores) {
        throw new UnsupportedOperationException("acato not implemented yet");
    }
}
