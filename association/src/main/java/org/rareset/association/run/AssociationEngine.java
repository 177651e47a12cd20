package org.rareset.association.run;

import org.rareset.association.genotype.GeneGenotypes;
import org.rareset.association.nullmodel.NullModel;
import org.rareset.association.gene.GeneResult;
import org.rareset.association.gene.GeneScores;
import org.rareset.association.gene.GeneTest;
import org.rareset.association.gene.TestOptions;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs gene tests for one trait: fit the {@link NullModel} once, then call {@link #test} per gene
 * (or mask). Immutable and thread-safe: genes may be tested from several threads at once.
 */
public final class AssociationEngine implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final NullModel model;
    private final TestOptions options;

    public AssociationEngine(NullModel model, TestOptions options) {
        this.model = model;
        this.options = options;
    }

    public NullModel model() { return model; }

    public TestOptions options() { return options; }

    /**
     * Results of {@code tests} (in the given order) for one gene.
     *
     * @param genotypes the gene's genotype columns (analysed-sample space of the null model)
     * @param weights   one weight per column, e.g. {@link org.rareset.association.genotype.VariantWeights#defaultBeta}
     */
    public List<GeneResult> test(GeneGenotypes genotypes, double[] weights, List<GeneTest> tests) {
        return test(scores(genotypes, weights), tests);
    }

    /** The gene's score statistics, shared by its gene tests and its single-variant tests. */
    public GeneScores scores(GeneGenotypes genotypes, double[] weights) {
        return GeneScores.compute(model, genotypes, weights, options);
    }

    /** Results of {@code tests} (in the given order) from already computed scores. */
    public List<GeneResult> test(GeneScores scores, List<GeneTest> tests) {
        List<GeneResult> out = new ArrayList<>(tests.size());
        for (GeneTest t : tests) out.add(scores.result(t));
        return out;
    }
}
