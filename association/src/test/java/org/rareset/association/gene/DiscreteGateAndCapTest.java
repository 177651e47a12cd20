package org.rareset.association.gene;

import org.junit.jupiter.api.Test;
import org.rareset.association.genotype.GeneGenotypes;
import org.rareset.association.nullmodel.NullModel;
import org.rareset.association.pvalue.MixtureTail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gate and the work bound of SKAT's low-count discrete law ({@link GeneScores#DISCRETE_GATE},
 * {@link GeneScores#DISCRETE_WORK_CAP}): genes above the gate keep the kernel-mixture p exactly;
 * the bound is a count of steps (the same count every time, so a cap just above a gene's count
 * gives the full law and one just below gives none), and a gene past it keeps the mixture and is
 * counted.
 */
class DiscreteGateAndCapTest {
    private static final int N = 3000;

    /**
     * {@code cols} columns of {@code carriers} carriers each, no carrier shared; intercept-only
     * logistic null with 8% cases (mu = 0.08: each column expects 4.8 case alleles, so every column
     * is a low-count one, none ultra-rare); {@code enriched} cases placed among the carriers of each
     * column (the rest elsewhere), which moves the gene into the tail.
     */
    private static GeneScores gene(int cols, int carriers, int enriched) {
        double[][] x = new double[N][1];
        double[] y = new double[N];
        int cases = (int) Math.round(0.08 * N);
        int placed = 0;
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i < enriched; i++) y[j * carriers + i] = 1;
            placed += enriched;
        }
        for (int i = N - 1; placed < cases; i--) {
            y[i] = 1;
            placed++;
        }
        for (double[] row : x) row[0] = 1;
        NullModel model = NullModel.logistic(y, x);
        List<GeneGenotypes.Column> list = new ArrayList<>();
        double[] w = new double[cols];
        for (int j = 0; j < cols; j++) {
            int[] samples = new int[carriers];
            for (int i = 0; i < carriers; i++) samples[i] = j * carriers + i;
            double[] dos = new double[carriers];
            Arrays.fill(dos, 1.0);
            list.add(new GeneGenotypes.Column("v" + j, samples, dos, carriers / (2.0 * N), carriers, carriers, 0));
            w[j] = 1 + j % 3;
        }
        return GeneScores.compute(model, GeneGenotypes.of(N, list), w, TestOptions.defaults());
    }

    private static double q(GeneScores s) {
        double q = 0;
        for (double u : s.weightedScores()) q += u * u;
        return q;
    }

    private static double mixtureLog10P(GeneScores s) {
        return MixtureTail.log10Upper(q(s), Eigenvalues.skatLambda(s.saigeKernel()));
    }

    /** Above the gate a low-count gene's SKAT is the SAIGE-GENE kernel mixture p, bit for bit what it was without the law. */
    @Test
    void aboveTheGateSkatIsTheMixture() {
        GeneScores s = gene(3, 50, 4);   // about the expected 4 case alleles per column: no signal
        double mixture = mixtureLog10P(s);
        assertTrue(mixture > Math.log10(GeneScores.DISCRETE_GATE), "the case must be above the gate: " + mixture);
        assertTrue(DiscreteSkat.addsColumns(s));
        assertEquals(mixture, s.result(Skat.INSTANCE).log10P(), 0.0);
        assertFalse(s.discreteCapped());
    }

    /** Under the gate the same kind of gene reports the discrete law's mid-p (every column discrete), not the mixture. */
    @Test
    void underTheGateSkatIsTheDiscreteMidP() {
        GeneScores s = gene(3, 50, 12);
        double mixture = mixtureLog10P(s);
        assertTrue(mixture <= Math.log10(GeneScores.DISCRETE_GATE), "the case must be under the gate: " + mixture);
        DiscreteSkat.Result d = DiscreteSkat.log10Upper(s, s.saigeKernel(), q(s), Math.pow(10, mixture), new DiscreteWork(Long.MAX_VALUE));
        assertTrue(d.wholly());
        double skat = s.result(Skat.INSTANCE).log10P();
        assertEquals(d.log10P(), skat, 0.0);
        assertTrue(Math.abs(skat - mixture) > 0.1, "the discrete law should differ from the mixture here: " + skat + " vs " + mixture);
        assertFalse(s.discreteCapped());
    }

    /**
     * The bound counts steps: the law of a gene costs the same count every time; with a cap at that
     * count it is computed in full, one step less and it is abandoned.
     */
    @Test
    void theBoundIsACountOfSteps() {
        GeneScores s = gene(6, 50, 12);
        double q = q(s);
        double mixtureP = Math.pow(10, mixtureLog10P(s));
        DiscreteWork full = new DiscreteWork(Long.MAX_VALUE);
        DiscreteSkat.Result r = DiscreteSkat.log10Upper(s, s.saigeKernel(), q, mixtureP, full);
        DiscreteWork again = new DiscreteWork(Long.MAX_VALUE);
        DiscreteSkat.log10Upper(s, s.saigeKernel(), q, mixtureP, again);
        assertEquals(full.used(), again.used());
        assertTrue(full.used() > 10_000, "steps " + full.used());
        DiscreteWork exact = new DiscreteWork(full.used());
        assertEquals(r.log10P(), DiscreteSkat.log10Upper(s, s.saigeKernel(), q, mixtureP, exact).log10P(), 0.0);
        assertFalse(exact.exceeded());
        DiscreteWork short1 = new DiscreteWork(full.used() - 1);
        assertTrue(Double.isNaN(DiscreteSkat.log10Upper(s, s.saigeKernel(), q, mixtureP, short1).log10P()));
        assertTrue(short1.exceeded());
    }

    /**
     * A gene whose law needs more than {@link GeneScores#DISCRETE_WORK_CAP} steps (40 low-count
     * columns of 25 carriers, 5 of them cases where 2 are expected: each convolution of a dense grid with a 26-point column law is about a quarter of a million
     * steps) keeps the mixture p and says so.
     */
    @Test
    void aGenePastTheBoundKeepsTheMixtureAndIsCounted() {
        GeneScores s = gene(40, 25, 5);
        double mixture = mixtureLog10P(s);
        assertTrue(mixture <= Math.log10(GeneScores.DISCRETE_GATE), "the case must be under the gate: " + mixture);
        DiscreteWork work = new DiscreteWork(Long.MAX_VALUE);
        DiscreteSkat.log10Upper(s, s.saigeKernel(), q(s), Math.pow(10, mixture), work);
        assertTrue(work.used() > GeneScores.DISCRETE_WORK_CAP, "the case must exceed the bound: " + work.used());
        double skat = s.result(Skat.INSTANCE).log10P();
        assertTrue(s.discreteCapped());
        assertEquals(mixture, skat, 1e-9 * Math.abs(mixture));
        // SKAT-O's kernel is the SAIGE-GENE one (no ultra-rare column to widen it for)
        double[][] k = s.saigeKernel(), w = s.weightedCovariance();
        for (int j = 0; j < k.length; j++) for (int l = 0; l < k.length; l++) assertEquals(k[j][l], w[j][l], 0.0);
    }

    /** A gene without an enriched column, above the gate, pays for no law at all: nothing is counted. */
    @Test
    void randomNullGenesAboveTheGateAreNotCapped() {
        Random r = new Random(3);
        for (int t = 0; t < 5; t++) {
            GeneScores s = gene(2 + r.nextInt(4), 20 + r.nextInt(40), 1 + r.nextInt(3));
            s.result(Skat.INSTANCE);
            assertFalse(s.discreteCapped());
        }
    }
}
