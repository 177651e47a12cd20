package org.rareset.cli.risk;

import org.rareset.annotate.output.FileRoles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.rareset.annotate.InputException;
import org.rareset.association.risk.Enrichment;
import org.rareset.association.risk.RiskStratification;
import org.rareset.cli.options.MissingOptions;
import org.rareset.cli.options.RuntimeOptions;
import org.rareset.cli.report.ResultRow;
import org.rareset.cli.report.ResultTableReader;
import org.rareset.cli.report.TraitSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rareset risk}: risk stratification from covariates and the scores of a trait's significant genes. */
@Command(name = "risk", mixinStandardHelpOptions = true, versionProvider = org.rareset.cli.VersionProvider.class,
        description = {"Fit a predictor of a trait from covariates plus the gene impairment scores of its significant genes",
            "(linear for a quantitative trait, logistic for a binary one) on a training split, apply it to the held-out",
            "samples and report each one's predicted risk and percentile, with the enrichment of cases (or the mean trait)",
            "in the top 1%%, 5%% and 10%% against the rest.",
            "Outputs: OUT (held-out individuals: sample observed predicted percentile) with the settings and the",
            "enrichment table as '#' comment lines; the enrichment table is also printed."},
        footer = {"%nExamples:",
            "  rareset risk --pheno pheno.tsv --covar covar.tsv --scores scores.parquet --results results.tsv \\",
            "      --trait BT --out risk.BT.tsv",
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

    @Option(names = "--scores", required = true, paramLabel = "FILE", description = "Gene impairment scores, long format: sample gene score.")
    Path scores;

    @Option(names = "--results", paramLabel = "FILE", split = ",", description = "Association results to take the trait's significant genes from.")
    List<Path> results = new ArrayList<>();

    @Option(names = "--genes", split = ",", paramLabel = "GENE", description = "Use these genes instead of the significant ones.")
    List<String> genes;

    @Option(names = "--test", paramLabel = "TEST", description = "Only genes significant for this test (default: any test).")
    String test;

    @Option(names = "--alpha", defaultValue = "0.05", description = "Bonferroni alpha for significant genes (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--trait", required = true, description = "The phenotype column to predict.")
    String trait;

    @Option(names = "--trait-type", defaultValue = "auto", description = "auto (binary when two values), quantitative or binary.")
    String traitType;

    @Option(names = "--train-fraction", defaultValue = "0.8", description = "Fraction of samples used for fitting (default: ${DEFAULT-VALUE}).")
    double trainFraction;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the train/held-out split (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "TSV of held-out individuals.")
    Path out;

    @Override
    public java.util.Set<String> outputOptions() {
        return java.util.Set.of("--out");
    }

    @Override
    public void declareFiles(FileRoles files) {
        files.output("--out", out);
    }

    @Override
    public Integer call() throws IOException {
        if (!(trainFraction > 0 && trainFraction < 1)) {
            throw new InputException("--train-fraction", null, "value " + trainFraction + " is not in (0, 1)", "for example 0.8");
        }
        List<String> geneList = chooseGenes();
        SampleTable ph = SampleTable.read(pheno, List.of(trait), missing.values());
        SampleTable cv = covar == null ? null : SampleTable.read(covar, null, missing.values());
        GeneScores sc = GeneScores.read(scores, new LinkedHashSet<>(geneList));
        List<String> missingGenes = new ArrayList<>();
        for (String g : geneList) if (!sc.hasGene(g)) missingGenes.add(g);
        if (!missingGenes.isEmpty()) {
            throw InputException.of(scores, "no scores for gene(s) " + String.join(", ", missingGenes), "score these genes with 'rareset score'");
        }

        // Samples with the trait, every covariate and every gene score; count the others.
        List<String> samples = new ArrayList<>();
        List<double[]> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        int noTrait = 0, noCovar = 0, noScore = 0;
        for (Map.Entry<String, double[]> e : ph.values().entrySet()) {
            double v = e.getValue()[0];
            if (Double.isNaN(v)) { noTrait++; continue; }
            double[] c = cv == null ? new double[0] : cv.values().get(e.getKey());
            if (c == null || hasNaN(c)) { noCovar++; continue; }
            double[] row = new double[c.length + geneList.size()];
            System.arraycopy(c, 0, row, 0, c.length);
            boolean ok = true;
            for (int g = 0; g < geneList.size(); g++) {
                row[c.length + g] = sc.get(e.getKey(), geneList.get(g));
                if (Double.isNaN(row[c.length + g])) ok = false;
            }
            if (!ok) { noScore++; continue; }
            samples.add(e.getKey());
            x.add(row);
            y.add(v);
        }
        var err = spec.commandLine().getErr();
        err.printf("risk: %d samples used; left out: %d without %s, %d without covariates, %d without all gene scores%n",
                samples.size(), noTrait, trait, noCovar, noScore);
        double[] yy = y.stream().mapToDouble(Double::doubleValue).toArray();
        boolean binary = binary(yy);
        if (binary) recodeBinary(yy);
        double[][] xx = x.toArray(new double[0][]);
        int nFeatures = geneList.size() + (cv == null ? 0 : cv.columns().size());
        if (samples.size() * trainFraction < nFeatures + 10 || samples.size() * (1 - trainFraction) < 10) {
            throw InputException.of(pheno, "only " + samples.size() + " usable samples for " + nFeatures + " features",
                    "need at least 10 held-out samples and more training samples than features");
        }
        RiskStratification.Result r;
        try {
            r = RiskStratification.run(xx, yy, binary, trainFraction, seed, Enrichment.DEFAULT_FRACTIONS);
        } catch (IllegalArgumentException e) {
            throw InputException.of(covar == null ? pheno : covar, e.getMessage(), "check the covariates");
        }
        List<String> header = new ArrayList<>();
        header.add("# rareset risk");
        header.add("# trait\t" + trait);
        header.add("# trait_type\t" + (binary ? "binary" : "quantitative"));
        header.add("# genes\t" + String.join(",", geneList));
        header.add("# covariates\t" + (cv == null ? "" : String.join(",", cv.columns())));
        header.add("# n_train\t" + r.trainIndex().length);
        header.add("# n_test\t" + r.testIndex().length);
        header.add("# seed\t" + seed);
        header.add("# enrichment: fraction n_top n_rest " + (binary ? "case_rate_top case_rate_rest ratio" : "mean_top mean_rest difference"));
        for (Enrichment.Row row : r.enrichment()) header.add("# enrichment\t" + RiskTable.format(row));
        RiskTable.write(out, header, samples, r);
        var o = spec.commandLine().getOut();
        o.printf("%s risk on %d held-out samples (%d genes: %s)%n", trait, r.testIndex().length, geneList.size(),
                geneList.isEmpty() ? "none" : String.join(",", geneList));
        o.println(binary ? "top\tn_top\tcase_rate_top\tcase_rate_rest\tratio" : "top\tn_top\tmean_top\tmean_rest\tdifference");
        for (Enrichment.Row row : r.enrichment()) {
            o.printf(Locale.ROOT, "%s%%\t%d\t%.4f\t%.4f\t%.4f%n", trim(row.fraction() * 100), row.nTop(), row.top(), row.rest(), row.enrichment());
        }
        o.println("individuals: " + out.toAbsolutePath());
        return 0;
    }

    private List<String> chooseGenes() {
        if (genes != null) return genes;
        if (results.isEmpty()) {
            throw new InputException("--results", null, "neither --results nor --genes given", "name the genes or give association results");
        }
        List<ResultRow> rows = new ArrayList<>();
        for (ResultRow row : ResultTableReader.read(results).rows()) if (row.phenotype().equals(trait)) rows.add(row);
        if (rows.isEmpty()) throw InputException.of(results.get(0), "no results for trait " + trait, "check --trait");
        TraitSummary ts = new TraitSummary(trait, rows, alpha);
        if (test != null && !ts.tests().contains(test)) {
            throw InputException.of(results.get(0), "no results for test " + test + " (tests: " + String.join(", ", ts.tests()) + ")", "check --test");
        }
        List<String> g = test != null ? ts.significantGenes(test) : ts.significantGenesAnyTest();
        if (g.isEmpty()) spec.commandLine().getErr().println("risk: warning: no significant gene for " + trait + ": covariates only");
        return g;
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

    private static boolean hasNaN(double[] v) {
        for (double d : v) if (Double.isNaN(d)) return true;
        return false;
    }

    static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
