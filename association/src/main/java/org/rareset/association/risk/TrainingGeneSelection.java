package org.rareset.association.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.rareset.core.concurrent.DaemonPools;
import org.rareset.association.run.AssociationEngine;
import org.rareset.association.genotype.GeneGenotypes;
import org.rareset.association.input.GeneScoreTable;
import org.rareset.association.nullmodel.NullModel;
import org.rareset.association.gene.Burden;
import org.rareset.association.gene.GeneResult;
import org.rareset.association.gene.TestOptions;

/**
 * Chooses the genes of a risk model from the training samples only: each candidate gene's
 * impairment score is tested against the trait on the training split with the same score test as
 * {@code rareset assoc --scores} (linear, or logistic with SPA and Firth, adjusted for the
 * covariates), and the genes significant at Bonferroni alpha / (genes tested) are kept.
 *
 * <p>Why here and not from the association results: those include the held-out samples, so genes
 * picked from them carry the held-out samples' own chance associations into the evaluation and
 * inflate it. A gene needs at least {@code minCarriers} training samples whose score differs from
 * the gene's baseline (REGENIE's minimum MAC of 5 by default): with one or two carriers a single
 * extreme trait value makes the gene "significant".
 *
 * <p>Genes are tested on {@code threads} threads; the result does not depend on their number.
 */
public final class TrainingGeneSelection {
    /** One candidate gene's test on the training split. */
    public record Tested(String gene, int carriers, double beta, double se, double log10P, boolean selected, String skipped) {}

    /** Every candidate (tested or skipped, in input order) and the Bonferroni threshold used. */
    public record Result(List<Tested> genes, double log10Threshold, int nTested) {
        public List<String> selected() {
            return genes.stream().filter(Tested::selected).map(Tested::gene).toList();
        }
    }

    private TrainingGeneSelection() {}

    /**
     * @param covariates  training rows of covariates (no intercept column; one is added)
     * @param y           training trait values (0/1 when binary)
     * @param trainRowOf  for each sample of the score table, its training row, or -1
     * @param threads     genes tested at once (1 or more)
     */
    public static Result select(double[][] covariates, double[] y, boolean binary, List<GeneScoreTable.GeneScore> candidates,
                                int[] trainRowOf, double alpha, int minCarriers, int threads) {
        int n = y.length;
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = new double[covariates[i].length + 1];
            x[i][0] = 1;
            System.arraycopy(covariates[i], 0, x[i], 1, covariates[i].length);
        }
        NullModel model = binary ? NullModel.logistic(y, x) : NullModel.linear(y, x);
        AssociationEngine engine = new AssociationEngine(model, TestOptions.defaults());
        // At biobank size a binary trait's Firth fits (burden beta of genes with p < 0.05) take most
        // of the time, each about a second: one gene per task, the engine being thread-safe.
        ExecutorService pool = DaemonPools.fixed(threads, "risk-selection");
        List<Future<Tested>> futures = new ArrayList<>();
        try {
            for (GeneScoreTable.GeneScore g : candidates) futures.add(pool.submit(() -> test(engine, n, g, trainRowOf, minCarriers)));
            List<Tested> untested = new ArrayList<>();
            for (Future<Tested> f : futures) untested.add(f.get());
            return withThreshold(untested, alpha);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while testing genes", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** One gene's test on the training samples (not yet compared with the threshold), or why it was skipped. */
    private static Tested test(AssociationEngine engine, int n, GeneScoreTable.GeneScore g, int[] trainRowOf, int minCarriers) {
        GeneGenotypes.Column col = g.columnOn(trainRowOf);
        int k = col.carriers();
        if (k < Math.max(1, minCarriers)) {
            return new Tested(g.gene(), k, Double.NaN, Double.NaN, Double.NaN, false,
                    "fewer than " + minCarriers + " training samples with a score other than the gene's baseline");
        }
        GeneResult r = engine.test(GeneGenotypes.of(n, List.of(col)), new double[] {1.0}, List.of(Burden.INSTANCE)).get(0);
        return new Tested(g.gene(), k, r.beta(), r.se(), r.log10P(), false, "");
    }

    /** Bonferroni over the genes tested; marks those at or below it as selected. */
    private static Result withThreshold(List<Tested> untested, double alpha) {
        int tested = 0;
        for (Tested t : untested) if (t.skipped().isEmpty()) tested++;
        double threshold = Math.log10(alpha) - Math.log10(Math.max(1, tested));
        List<Tested> out = new ArrayList<>();
        for (Tested t : untested) {
            out.add(t.skipped().isEmpty() ? new Tested(t.gene(), t.carriers(), t.beta(), t.se(), t.log10P(), t.log10P() <= threshold, "") : t);
        }
        return new Result(out, threshold, tested);
    }
}
