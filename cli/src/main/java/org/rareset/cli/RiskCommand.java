package org.rareset.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rareset.association.risk.Bootstrap;
import org.rareset.association.risk.Enrichment;
import org.rareset.association.risk.RiskStratification;
import org.rareset.cli.options.MissingOptions;
import org.rareset.cli.options.RuntimeOptions;
import org.rareset.core.output.FileRoles;
import org.rareset.report.risk.RiskFiles;
import org.rareset.report.risk.RiskJob;
import org.rareset.report.risk.RiskSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rareset risk}: how much gene impairment scores add to a covariates-only predictor of a trait, on held-out samples. */
@Command(name = "risk", mixinStandardHelpOptions = true, versionProvider = org.rareset.cli.VersionProvider.class,
        description = {"Measure on held-out samples how much gene impairment scores add to a covariates-only risk model.",
            "The samples are split into training and held-out sets. Genes are chosen by testing every gene's",
            "impairment score against the trait on the training samples only (Bonferroni over the genes tested,",
            "at least --min-carriers training samples with a non-baseline score). A covariates-only baseline and",
            "the baseline plus the chosen genes' scores (linear for a quantitative trait, logistic for a binary",
            "one) are fitted on the training samples and evaluated on the held-out samples: AUC (binary) or R^2",
            "(quantitative) with bootstrap 95%% intervals and their difference, and the trait per bin of",
            "predicted risk (top 1%%, 1-5%%, 5-10%%, 10-20%%, 20-50%%, rest) with counts and 95%% intervals.",
            "Outputs: OUT (held-out individuals with both models' predictions), <base>.metrics.tsv,",
            "<base>.bins.tsv, <base>.genes.tsv (the training-split test of each gene); <base> is OUT without .tsv."},
        footer = {"%nGenes are never chosen from association results that include the held-out samples: their chance",
            "associations would be carried into the evaluation. With --genes the user vouches for that.",
            "%nExamples:",
            "  rareset risk --pheno pheno.tsv --covar covar.tsv --scores scores.parquet \\",
            "      --trait BT --out risk.BT.tsv",
            "  rareset risk --pheno pheno.tsv --covar covar.tsv --scores scores.tsv --genes GENE1,GENE7 \\",
            "      --trait QT --train-fraction 0.7 --seed 3 --out risk.QT.tsv"})
public final class RiskCommand implements Callable<Integer>, org.rareset.cli.files.WritesFiles {
    @Mixin RuntimeOptions runtime;
    @Spec CommandSpec spec;

    @Option(names = "--pheno", required = true, paramLabel = "FILE", description = "Phenotypes (TSV/CSV/Parquet with a sample or FID IID column); empty cells and the --missing texts (NA, -9) are missing, as in rareset assoc.")
    Path pheno;

    @Option(names = "--covar", paramLabel = "FILE", description = "Covariates (same format); all their columns are used.")
    Path covar;

    @Mixin MissingOptions missing;

    @Option(names = "--scores", required = true, paramLabel = "FILE", description = "Gene impairment scores as rareset score writes them: the sparse 'kind gene sample score' or the dense long 'sample gene score' (TSV or Parquet).")
    Path scores;

    @Option(names = "--genes", split = ",", paramLabel = "GENE", description = "Use these genes instead of choosing them on the training split (choose them without the held-out samples).")
    List<String> genes;

    @Option(names = "--alpha", paramLabel = "ALPHA", defaultValue = "0.05", description = "Bonferroni alpha over the genes tested on the training split (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--min-carriers", defaultValue = "5", paramLabel = "N", description = "A gene is tested only with at least N training samples whose score differs from the gene's baseline (default: ${DEFAULT-VALUE}, REGENIE's minimum MAC).")
    int minCarriers;

    @Option(names = "--trait", required = true, paramLabel = "NAME", description = "The phenotype column to predict.")
    String trait;

    @Option(names = "--trait-type", paramLabel = "TYPE", defaultValue = "auto", description = "auto (binary when two values), quantitative or binary (default: ${DEFAULT-VALUE}).")
    String traitType;

    @Option(names = "--train-fraction", paramLabel = "F", defaultValue = "0.8", description = "Fraction of samples used for choosing genes and fitting (default: ${DEFAULT-VALUE}).")
    double trainFraction;

    @Option(names = "--bootstrap", defaultValue = "1000", paramLabel = "B", description = "Bootstrap replicates for the intervals of AUC / R^2 (default: ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the split and the bootstrap (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "TSV of held-out individuals; the other files are written beside it.")
    Path out;


    @Override
    public void declareFiles(FileRoles files) {
        files.output("--out", out)
                .output("metrics beside --out", RiskFiles.metricsPath(out))
                .output("bins beside --out", RiskFiles.binsPath(out))
                .output("gene tests beside --out", RiskFiles.genesPath(out));
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        RiskJob.Outcome outcome = new RiskJob(new RiskSettings(pheno, covar, missing.values(), scores, genes, alpha, minCarriers,
                trait, traitType, trainFraction, bootstrap, seed, out, runtime.effectiveThreads()), err::println).run();
        RiskStratification.Result r = outcome.result();
        List<String> chosen = outcome.chosen();
        boolean binary = outcome.binary();
        String metric = outcome.metric();

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

    static String binLabel(Enrichment.Bin b) {
        return b.fromTop() == 0 ? "top " + RiskFiles.trim(b.toTop() * 100) + "%" : RiskFiles.trim(b.fromTop() * 100) + "-" + RiskFiles.trim(b.toTop() * 100) + "%";
    }

    private static String interval(Bootstrap.Interval i) {
        return String.format(Locale.ROOT, "%.4f (%.4f-%.4f)", i.estimate(), i.low(), i.high());
    }
}
