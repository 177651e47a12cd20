package org.rareset.report.risk;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.rareset.association.input.GeneScoreTable;
import org.rareset.association.risk.Enrichment;
import org.rareset.association.risk.RiskStratification;
import org.rareset.association.risk.TrainTestSplit;
import org.rareset.association.risk.TrainingGeneSelection;
import org.rareset.core.InputException;
import org.rareset.core.RareSetVersion;
import org.rareset.core.formats.SampleTable;
import org.rareset.core.formats.SampleTableFile;
import org.rareset.core.formats.PValueFormat;

/**
 * One {@code risk} run from its {@link RiskSettings}: reads the trait, covariates and gene scores,
 * keeps the samples that have all three, splits them into training and held-out sets, chooses genes
 * on the training split (unless given), fits the covariates-only baseline and the model with the
 * chosen genes' scores, evaluates both on the held-out samples ({@link RiskStratification}) and
 * writes {@link RiskFiles}. Usable without a command line; messages go to the {@code log}.
 */
public final class RiskJob {
    /**
     * What the run found, for the caller's summary.
     *
     * @param binary true when the trait was analysed as binary (metric AUC; else R^2)
     * @param chosen the genes whose scores the second model uses
     */
    public record Outcome(boolean binary, List<String> chosen, RiskStratification.Result result) {
        /** {@code AUC} or {@code R2}. */
        public String metric() {
            return binary ? "AUC" : "R2";
        }
    }

    private final RiskSettings s;
    private final Consumer<String> log;

    public RiskJob(RiskSettings settings, Consumer<String> log) {
        this.s = settings;
        this.log = log;
    }

    /** Runs the analysis and writes every file; bad input is an {@link InputException}. */
    public Outcome run() throws IOException {
        checkOptions();
        List<String> genes = s.genes();
        SampleTable ph = SampleTableFile.read(s.pheno(), s.missing(), List.of(s.trait()));
        SampleTable cv = s.covar() == null ? null : SampleTableFile.read(s.covar(), s.missing(), null);
        GeneScoreTable sc = GeneScoreTable.read(s.scores());
        if (genes != null) {
            Set<String> known = new TreeSet<>();
            for (GeneScoreTable.GeneScore g : sc.genes()) known.add(g.gene());
            List<String> absent = genes.stream().filter(g -> !known.contains(g)).toList();
            if (!absent.isEmpty()) {
                throw InputException.of(s.scores(), "no scores for gene(s) " + String.join(", ", absent), "score these genes with 'rareset score'");
            }
        }
        Map<String, Integer> scoreIndex = new HashMap<>();
        for (int i = 0; i < sc.samples().size(); i++) scoreIndex.put(sc.samples().get(i), i);

        // Samples with the trait, every covariate and gene scores; count the others.
        int nCov = cv == null ? 0 : cv.columns().size();
        List<String> samples = new ArrayList<>();
        List<double[]> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        List<Integer> inScores = new ArrayList<>();
        int noTrait = 0, noCovar = 0, noScore = 0;
        for (int r = 0; r < ph.sampleCount(); r++) {
            String sample = ph.samples().get(r);
            double v = ph.value(0, r);
            if (Double.isNaN(v)) { noTrait++; continue; }
            double[] c = new double[nCov];
            int cr = cv == null ? -1 : cv.rowOf(sample);
            if (cv != null && cr < 0) { noCovar++; continue; }
            boolean complete = true;
            for (int k = 0; k < nCov; k++) {
                c[k] = cv.value(k, cr);
                if (Double.isNaN(c[k])) complete = false;
            }
            if (!complete) { noCovar++; continue; }
            Integer si = scoreIndex.get(sample);
            if (si == null) { noScore++; continue; }
            samples.add(sample);
            x.add(c);
            y.add(v);
            inScores.add(si);
        }
        log.accept(String.format("risk: %d samples used; left out: %d without %s, %d without covariates, %d without gene scores",
                samples.size(), noTrait, s.trait(), noCovar, noScore));
        double[] yy = y.stream().mapToDouble(Double::doubleValue).toArray();
        boolean binary = binary(yy);
        if (binary) recodeBinary(yy);
        double[][] cov = x.toArray(new double[0][]);
        int n = samples.size();
        if (n * s.trainFraction() < nCov + 10 || n * (1 - s.trainFraction()) < 10) {
            throw InputException.of(s.pheno(), "only " + n + " usable samples for " + nCov + " covariates",
                    "need at least 10 held-out samples and more training samples than features");
        }
        TrainTestSplit split = TrainTestSplit.of(n, s.trainFraction(), s.seed());

        TrainingGeneSelection.Result selection = null;
        List<String> chosen;
        if (genes != null) {
            chosen = genes;
        } else {
            int[] trainRowOf = new int[sc.samples().size()];
            Arrays.fill(trainRowOf, -1);
            double[][] covTrain = new double[split.train().length][];
            double[] yTrain = new double[covTrain.length];
            for (int t = 0; t < covTrain.length; t++) {
                int u = split.train()[t];
                trainRowOf[inScores.get(u)] = t;
                covTrain[t] = cov[u];
                yTrain[t] = yy[u];
            }
            selection = TrainingGeneSelection.select(covTrain, yTrain, binary, sc.genes(), trainRowOf, s.alpha(), s.minCarriers(),
                    s.threads());
            chosen = selection.selected();
            log.accept(String.format(Locale.ROOT, "risk: %d of %d genes tested on the %d training samples (%d with fewer than %d carriers), %d chosen at p <= %s",
                    selection.nTested(), sc.genes().size(), covTrain.length, sc.genes().size() - selection.nTested(), s.minCarriers(),
                    chosen.size(), PValueFormat.format(selection.log10Threshold(), 3)));
            if (chosen.isEmpty()) log.accept("risk: no gene passes on the training split: the model with scores is the baseline");
        }
        double[][] geneFeatures = geneFeatures(sc, chosen, inScores);

        RiskStratification.Result r;
        try {
            r = RiskStratification.run(cov, geneFeatures, yy, binary, split,
                    new RiskStratification.Settings(s.bootstrap(), s.seed(), Enrichment.DEFAULT_EDGES));
        } catch (IllegalArgumentException e) {
            throw InputException.of(s.covar() == null ? s.pheno() : s.covar(), e.getMessage(), "check the covariates");
        }
        Outcome outcome = new Outcome(binary, chosen, r);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("rareset_risk", RareSetVersion.version());
        settings.put("trait", s.trait());
        settings.put("trait_type", binary ? "binary" : "quantitative");
        settings.put("gene_selection", genes != null ? "given (--genes)"
                : String.format(Locale.ROOT, "training split: score test, Bonferroni alpha %s over %d genes tested, min carriers %d", s.alpha(),
                        selection.nTested(), s.minCarriers()));
        settings.put("genes", String.join(",", chosen));
        settings.put("covariates", cv == null ? "" : String.join(",", cv.columns()));
        settings.put("n_train", Integer.toString(r.trainIndex().length));
        settings.put("n_test", Integer.toString(r.testIndex().length));
        if (binary) {
            int cases = 0;
            for (double v : r.observed()) if (v == 1) cases++;
            settings.put("n_test_cases", Integer.toString(cases));
        }
        settings.put("seed", Long.toString(s.seed()));
        settings.put("bootstrap", Integer.toString(s.bootstrap()));
        RiskFiles.writeIndividuals(s.out(), settings, samples, r);
        RiskFiles.writeMetrics(RiskFiles.metricsPath(s.out()), outcome.metric(), r.metric());
        RiskFiles.writeBins(RiskFiles.binsPath(s.out()), r);
        if (selection != null) RiskFiles.writeGenes(RiskFiles.genesPath(s.out()), selection);
        return outcome;
    }

    private void checkOptions() {
        if (!(s.trainFraction() > 0 && s.trainFraction() < 1)) {
            throw new InputException("--train-fraction", null, "value " + s.trainFraction() + " is not in (0, 1)", "for example 0.8");
        }
        if (!(s.alpha() > 0 && s.alpha() < 1)) throw new InputException("--alpha", null, "value " + s.alpha() + " is not in (0, 1)", "for example 0.05");
        if (s.minCarriers() < 1) throw new InputException("--min-carriers", null, "value " + s.minCarriers() + " is below 1", "for example 5");
        if (s.bootstrap() < 100) throw new InputException("--bootstrap", null, "value " + s.bootstrap() + " is below 100", "use 1000 or more");
    }

    /** Dense scores of the chosen genes for the usable samples: the gene's baseline except where the table says otherwise. */
    private static double[][] geneFeatures(GeneScoreTable sc, List<String> chosen, List<Integer> inScores) {
        Map<String, GeneScoreTable.GeneScore> byName = new HashMap<>();
        for (GeneScoreTable.GeneScore g : sc.genes()) byName.put(g.gene(), g);
        double[][] f = new double[inScores.size()][chosen.size()];
        for (int j = 0; j < chosen.size(); j++) {
            GeneScoreTable.GeneScore g = byName.get(chosen.get(j));
            double[] all = new double[sc.samples().size()];
            Arrays.fill(all, g.baseline());
            for (int k = 0; k < g.samples().length; k++) all[g.samples()[k]] = g.baseline() + g.deviations()[k];
            for (int i = 0; i < f.length; i++) f[i][j] = all[inScores.get(i)];
        }
        return f;
    }

    private boolean binary(double[] y) {
        Set<Double> distinct = new TreeSet<>();
        for (double v : y) { distinct.add(v); if (distinct.size() > 2) break; }
        return switch (s.traitType().toLowerCase(Locale.ROOT)) {
            case "auto" -> distinct.size() == 2;
            case "binary" -> {
                if (distinct.size() != 2) {
                    throw InputException.of(s.pheno(), s.trait() + " has " + distinct.size() + " distinct values, not 2", "use --trait-type quantitative");
                }
                yield true;
            }
            case "quantitative" -> false;
            default -> throw new InputException("--trait-type", null, "unknown value " + s.traitType(), "use auto, quantitative or binary");
        };
    }

    /** 0/1 stays, 1/2 (PLINK) becomes 0/1; otherwise the larger value is the case. */
    private static void recodeBinary(double[] y) {
        double lo = Double.POSITIVE_INFINITY;
        for (double v : y) lo = Math.min(lo, v);
        for (int i = 0; i < y.length; i++) y[i] = y[i] == lo ? 0 : 1;
    }
}
