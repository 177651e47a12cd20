package org.rareset.cli;

import org.rareset.report.risk.RiskFiles;
import org.rareset.core.output.FileRoles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.rareset.core.InputException;
import org.rareset.core.table.SampleTable;
import org.rareset.core.table.TableFiles;
import org.rareset.association.input.GeneScoreTable;
import org.rareset.association.risk.Bootstrap;
import org.rareset.association.risk.Enrichment;
import org.rareset.association.run.GeneOmnibus;
import org.rareset.association.risk.RiskStratification;
import org.rareset.association.risk.TrainTestSplit;
import org.rareset.association.risk.TrainingGeneSelection;
import org.rareset.cli.options.MissingOptions;
import org.rareset.cli.options.RuntimeOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rareset risk}: how much gene impairment scores add to a covariates-only predictor of a trait, on held-out samples. */
@Command(name = "risk", mixinStandardHelpOptions = true, versionProvider = org.rareset.cli.VersionProvider.class,
        description = {"Split the samples into training and held-out sets; choose genes by testing every gene's impairment",
            "score against the trait on the training samples only (Bonferroni over the genes tested, at least",
            "--min-carriers training samples with a non-baseline score); fit a covariates-only baseline and the baseline",
            "plus the chosen genes' scores (linear for a quantitative trait, logistic for a binary one) on the training",
            "samples; evaluate both on the held-out samples: AUC (binary) or R^2 (quantitative) with bootstrap 95%% intervals",
            "and their difference, and the trait per bin of predicted risk (top 1%%, 1-5%%, 5-10%%, 10-20%%, 20-50%%, rest)",
            "with counts and 95%% intervals.",
            "Outputs: OUT (held-out individuals with both models' predictions), <base>.metrics.tsv, <base>.bins.tsv,",
            "<base>.genes.tsv (the training-split test of each gene); <base> is OUT without .tsv."},
        footer = {"%nGenes are never chosen from association results that include the held-out samples: their chance",
            "associations would be carried into the evaluation. With --genes the user vouches for that.",
            "%nExamples:",
            "  rareset risk --pheno pheno.tsv --covar covar.tsv --scores scores.parquet --trait BT --out risk.BT.tsv",
            "  rareset risk --pheno pheno.tsv --covar covar.tsv --scores scores.tsv --genes GENE1,GENE7 \\",
            "      --trait QT --train-fraction 0.7 --seed 3 --out risk.QT.tsv"})
public final class RiskCommand implements Callable<Integer>, org.rareset.cli.WritesFiles {
    @Mixin RuntimeOptions runtime;
    @Spec CommandSpec spec;

    @Option(names = "--pheno", required = true, paramLabel = "FILE", description = "Phenotypes (TSV/CSV/Parquet with a sample or FID IID column); empty cells and the --missing texts (NA, -9) are missing, as in rareset assoc.")
    Path pheno;

    @Option(names = "--covar", paramLabel = "FILE", description = "Covariates (same format); all their columns are used.")
    Path covar;

    @Mixin MissingOptions missing;

    @Option(names = "--scores", required = true, paramLabel = "FILE", description = "Gene impairment scores, long format: sample gene score (as rareset score writes them).")
    Path scores;

    @Option(names = "--genes", split = ",", paramLabel = "GENE", description = "Use these genes instead of choosing them on the training split (choose them without the held-out samples).")
    List<String> genes;

    @Option(names = "--alpha", defaultValue = "0.05", description = "Bonferroni alpha over the genes tested on the training split (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--min-carriers", defaultValue = "5", paramLabel = "N", description = "A gene is tested only with at least N training samples whose score differs from the gene's baseline (default: ${DEFAULT-VALUE}, REGENIE's minimum MAC).")
    int minCarriers;

    @Option(names = "--trait", required = true, description = "The phenotype column to predict.")
    String trait;

    @Option(names = "--trait-type", defaultValue = "auto", description = "auto (binary when two values), quantitative or binary.")
    String traitType;

    @Option(names = "--train-fraction", defaultValue = "0.8", description = "Fraction of samples used for choosing genes and fitting (default: ${DEFAULT-VALUE}).")
    double trainFraction;

    @Option(names = "--bootstrap", defaultValue = "1000", paramLabel = "B", description = "Bootstrap replicates for the intervals of AUC / R^2 (default: ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the split and the bootstrap (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "TSV of held-out individuals; the other files are written beside it.")
    Path out;

    @Override
    public java.util.Set<String> outputOptions() {
        return java.util.Set.of("--out");
    }

    @Override
    public void declareFiles(FileRoles files) {
        files.output("--out", out)
                .output("metrics beside --out", RiskFiles.metricsPath(out))
                .output("bins beside --out", RiskFiles.binsPath(out))
                .output("gene tests beside --out", RiskFiles.genesPath(out));
    }

    @Override
    public Integer call() throws IOException {
        checkOptions();
        SampleTable ph = SampleTable.from(TableFiles.read(pheno), missing.values(), List.of(trait));
        SampleTable cv = covar == null ? null : SampleTable.from(TableFiles.read(covar), missing.values(), null);
        GeneScoreTable sc = GeneScoreTable.read(scores);
        if (genes != null) {
            Set<String> known = new TreeSet<>();
            for (GeneScoreTable.GeneScore g : sc.genes()) known.add(g.gene());
            List<String> absent = genes.stream().filter(g -> !known.contains(g)).toList();
            if (!absent.isEmpty()) {
                throw InputException.of(scores, "no scores for gene(s) " + String.join(", ", absent), "score these genes with 'rareset score'");
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
            String s = ph.samples().get(r);
            double v = ph.value(0, r);
            if (Double.isNaN(v)) { noTrait++; continue; }
            double[] c = new double[nCov];
            int cr = cv == null ? -1 : cv.rowOf(s);
            if (cv != null && cr < 0) { noCovar++; continue; }
            boolean complete = true;
            for (int k = 0; k < nCov; k++) {
                c[k] = cv.value(k, cr);
                if (Double.isNaN(c[k])) complete = false;
            }
            if (!complete) { noCovar++; continue; }
            Integer si = scoreIndex.get(s);
            if (si == null) { noScore++; continue; }
            samples.add(s);
            x.add(c);
            y.add(v);
            inScores.add(si);
        }
        PrintWriter err = spec.commandLine().getErr();
        err.printf("risk: %d samples used; left out: %d without %s, %d without covariates, %d without gene scores%n",
                samples.size(), noTrait, trait, noCovar, noScore);
        double[] yy = y.stream().mapToDouble(Double::doubleValue).toArray();
        boolean binary = binary(yy);
        if (binary) recodeBinary(yy);
        double[][] cov = x.toArray(new double[0][]);
        int n = samples.size();
        if (n * trainFraction < nCov + 10 || n * (1 - trainFraction) < 10) {
            throw InputException.of(pheno, "only " + n + " usable samples for " + nCov + " covariates",
                    "need at least 10 held-out samples and more training samples than features");
        }
        TrainTestSplit split = TrainTestSplit.of(n, trainFraction, seed);

        TrainingGeneSelection.Result selection = null;
        List<String> chosen;
        if (genes != null) {
            chosen = genes;
        } else {
            int[] trainRowOf = new int[sc.samples().size()];
            java.util.Arrays.fill(trainRowOf, -1);
            double[][] covTrain = new double[split.train().length][];
            double[] yTrain = new double[covTrain.length];
            for (int t = 0; t < covTrain.length; t++) {
                int u = split.train()[t];
                trainRowOf[inScores.get(u)] = t;
                covTrain[t] = cov[u];
                yTrain[t] = yy[u];
            }
            selection = TrainingGeneSelection.select(covTrain, yTrain, binary, sc.genes(), trainRowOf, alpha, minCarriers);
            chosen = selection.selected();
            err.printf(Locale.ROOT, "risk: %d of %d genes tested on the %d training samples (%d with fewer than %d carriers), %d chosen at p <= %s%n",
                    selection.nTested(), sc.genes().size(), covTrain.length, sc.genes().size() - selection.nTested(), minCarriers,
                    chosen.size(), org.rareset.core.formats.PValueFormat.format(selection.log10Threshold(), 3));
            if (chosen.isEmpty()) err.println("risk: no gene passes on the training split: the model with scores is the baseline");
        }
        double[][] geneFeatures = geneFeatures(sc, chosen, inScores);

        RiskStratification.Result r;
        try {
            r = RiskStratification.run(cov, geneFeatures, yy, binary, split,
                    new RiskStratification.Settings(bootstrap, seed, Enrichment.DEFAULT_EDGES));
        } catch (IllegalArgumentException e) {
            throw InputException.of(covar == null ? pheno : covar, e.getMessage(), "check the covariates");
        }
        String metric = binary ? "AUC" : "R2";
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("rareset_risk", org.rareset.cli.VersionProvider.version());
        settings.put("trait", trait);
        settings.put("trait_type", binary ? "binary" : "quantitative");
        settings.put("gene_selection", genes != null ? "given (--genes)"
                : String.format(Locale.ROOT, "training split: score test, Bonferroni alpha %s over %d genes tested, min carriers %d", alpha,
                        selection.nTested(), minCarriers));
        settings.put("genes", String.join(",", chosen));
        settings.put("covariates", cv == null ? "" : String.join(",", cv.columns()));
        settings.put("n_train", Integer.toString(r.trainIndex().length));
        settings.put("n_test", Integer.toString(r.testIndex().length));
        if (binary) {
            int cases = 0;
            for (double v : r.observed()) if (v == 1) cases++;
            settings.put("n_test_cases", Integer.toString(cases));
        }
        settings.put("seed", Long.toString(seed));
        settings.put("bootstrap", Integer.toString(bootstrap));
        RiskFiles.writeIndividuals(out, settings, samples, r);
        RiskFiles.writeMetrics(RiskFiles.metricsPath(out), metric, r.metric());
        RiskFiles.writeBins(RiskFiles.binsPath(out), r);
        if (selection != null) RiskFiles.writeGenes(RiskFiles.genesPath(out), selection);

        PrintWriter o = spec.commandLine().getOut();
        o.printf("%s risk on %d held-out samples (%d genes: %s)%n", trait, r.testIndex().length, chosen.size(),
                chosen.isEmpty() ? "none" : String.join(",", chosen));
        o.printf(Locale.ROOT, "%s covariates only: %s; with scores: %s; difference: %s%n", metric,
                interval(r.metric().baseline()), interval(r.metric().withScores()), interval(r.metric().difference()));
        o.println(binary ? "bin\tmodel\tn\tcases\tcase_rate (95% CI)\tratio to all" : "bin\tmodel\tn\tmean (95% CI)\tdifference to all");
        for (int b = 0; b < r.baseline().bins().size(); b++) {
            for (RiskStratification.Evaluation e : List.of(r.baseline(), r.withScores())) {
                Enrichment.Bin bin = e.bins().get(b);
                o.printf(Locale.ROOT, "%s\t%s\t%d\t%s%.4f (%.4f-%.4f)\t%.3f%n", binLabel(bin), e == r.baseline() ? "baseline" : "with scores",
                        bin.n(), binary ? (int) bin.cases() + "\t" : "", bin.value(), bin.low(), bin.high(), bin.relative());
            }
        }
        o.println("individuals: " + out.toAbsolutePath());
        return 0;
    }

    private void checkOptions() {
        if (!(trainFraction > 0 && trainFraction < 1)) {
            throw new InputException("--train-fraction", null, "value " + trainFraction + " is not in (0, 1)", "for example 0.8");
        }
        if (!(alpha > 0 && alpha < 1)) throw new InputException("--alpha", null, "value " + alpha + " is not in (0, 1)", "for example 0.05");
        if (minCarriers < 1) throw new InputException("--min-carriers", null, "value " + minCarriers + " is below 1", "for example 5");
        if (bootstrap < 100) throw new InputException("--bootstrap", null, "value " + bootstrap + " is below 100", "use 1000 or more");
    }

    /** Dense scores of the chosen genes for the usable samples: the gene's baseline except where the table says otherwise. */
    private static double[][] geneFeatures(GeneScoreTable sc, List<String> chosen, List<Integer> inScores) {
        Map<String, GeneScoreTable.GeneScore> byName = new HashMap<>();
        for (GeneScoreTable.GeneScore g : sc.genes()) byName.put(g.gene(), g);
        double[][] f = new double[inScores.size()][chosen.size()];
        for (int j = 0; j < chosen.size(); j++) {
            GeneScoreTable.GeneScore g = byName.get(chosen.get(j));
            double[] all = new double[sc.samples().size()];
            java.util.Arrays.fill(all, g.baseline());
            for (int k = 0; k < g.samples().length; k++) all[g.samples()[k]] = g.baseline() + g.deviations()[k];
            for (int i = 0; i < f.length; i++) f[i][j] = all[inScores.get(i)];
        }
        return f;
    }

    static String binLabel(Enrichment.Bin b) {
        return b.fromTop() == 0 ? "top " + RiskFiles.trim(b.toTop() * 100) + "%" : RiskFiles.trim(b.fromTop() * 100) + "-" + RiskFiles.trim(b.toTop() * 100) + "%";
    }

    private static String interval(Bootstrap.Interval i) {
        return String.format(Locale.ROOT, "%.4f (%.4f-%.4f)", i.estimate(), i.low(), i.high());
    }

    private boolean binary(double[] y) {
        Set<Double> distinct = new TreeSet<>();
        for (double v : y) { distinct.add(v); if (distinct.size() > 2) break; }
        return switch (traitType.toLowerCase(Locale.ROOT)) {
            case "auto" -> distinct.size() == 2;
            case "binary" -> {
                if (distinct.size() != 2) throw InputException.of(pheno, trait + " has " + distinct.size() + " distinct values, not 2", "use --trait-type quantitative");
                yield true;
            }
            case "quantitative" -> false;
            default -> throw new InputException("--trait-type", null, "unknown value " + traitType, "use auto, quantitative or binary");
        };
    }

    /** 0/1 stays, 1/2 (PLINK) becomes 0/1; otherwise the larger value is the case. */
    private static void recodeBinary(double[] y) {
        double lo = Double.POSITIVE_INFINITY;
        for (double v : y) lo = Math.min(lo, v);
        for (int i = 0; i < y.length; i++) y[i] = y[i] == lo ? 0 : 1;
    }
}
