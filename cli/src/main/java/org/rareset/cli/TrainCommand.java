package org.rareset.cli;

import org.rareset.core.formats.AnnotationTableFile;
import org.rareset.cli.files.FileCheck;
import org.rareset.cli.files.WritesFiles;
import org.rareset.core.output.FileRoles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.rareset.core.InputException;
import org.rareset.genotypes.vcf.VariantSource;
import org.rareset.cli.options.GenotypeSourceOptions;
import org.rareset.cli.options.MissingOptions;
import org.rareset.cli.options.RuntimeOptions;
import org.rareset.deepset.model.ModelFiles;
import org.rareset.deepset.model.DeepRvatInputs;
import org.rareset.deepset.train.EnsembleTrainer;
import org.rareset.deepset.train.TrainingDataLoader;
import org.rareset.deepset.train.TrainingOptions;
import org.rareset.deepset.train.TraitTransforms;
import picocli.CommandLine.ParameterException;
import org.rareset.deepset.model.VariantFilter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rareset train}: trains a deep-set gene impairment model (an ensemble) on seed genes. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Train a deep-set gene impairment model (DeepRVAT's method) on CPU with DJL.",
            "",
            "Each network learns, from the variant annotations, a score per (sample, gene); per trait a "
                    + "linear head over the covariates and the trait's seed-gene scores predicts the trait "
                    + "(mean squared error, averaged over traits). Variants pass --train-filter; quantitative "
                    + "traits get DeepRVAT's quantile transform, two-valued ones (0/1) are kept; covariates and "
                    + "input annotations are standardised (stored in model.json). 80/20 train/validation split, "
                    + "AdamW, early stopping on the validation loss (DeepRVAT's defaults: 50 to 1000 epochs, patience 3, "
                    + "min delta 1e-5, batches of 1024, 6 repeats); --repeats networks from seeds derived from "
                    + "--seed, each oriented so that pLoF flags raise its score (DeepRVAT's sign check).",
            "",
            "--cv-folds K trains K x --repeats networks, fold k's on the samples outside fold k: 'rareset score --cv-folds K' "
                    + "gives every training sample a score from networks that never saw it (DeepRVAT's cross-validation).",
            "",
            "PyTorch runs on one thread whatever --threads says: its sums depend on the thread count, and the "
                    + "same --seed must give the same networks (docs/deepset-training.md, Determinism).",
            "",
            "Genotypes come from --vcf, --bfile, --bed or --bgen, or from a genotype store written once by "
                    + "'rareset ingest' (--store), which gives the same model without decoding the VCF again.",
            "",
            "The model folder holds model.json and one DJL parameter file per network; score with "
                    + "'rareset score --model DIR'."},
        footer = {"", "Examples:",
            "  rareset train --vcf cohort.vcf.gz --annotations annotations.tsv --pheno pheno.tsv \\",
            "      --covar covar.tsv --seed-genes seed_genes.tsv --phenotypes QT,BT --out model/",
            "  # a simulated cohort that has only a few annotation columns:",
            "  rareset train --vcf sim.vcf.gz --annotations sim_annotations.tsv --pheno sim_pheno.tsv \\",
            "      --seed-genes seed.tsv --phenotypes QT \\",
            "      --annotations-list is_plof,Consequence_missense_variant,CADD_raw \\",
            "      --train-filter 'MAF < 0.01' --repeats 3 --seed 7 --out sim_model/",
            "  # read the genotypes from a store (rareset ingest --vcf cohort.vcf.gz --out cohort.rsg):",
            "  rareset train --store cohort.rsg --annotations annotations.tsv --pheno pheno.tsv \\",
            "      --seed-genes seed_genes.tsv --phenotypes QT,BT --out model/",
            "  rareset score --model model/ --vcf cohort.vcf.gz --annotations annotations.tsv \\",
            "      --out scores.parquet"})
public final class TrainCommand implements Callable<Integer>, WritesFiles {
    @Mixin RuntimeOptions runtime;
    @Spec CommandSpec spec;

    @Mixin GenotypeSourceOptions genotypes = new GenotypeSourceOptions();

    @Option(names = "--annotations", required = true, paramLabel = "TSV",
            description = "Annotation table: " + AnnotationTableFile.KEY_SUMMARY + ", then annotation columns; one row per (variant, gene).")
    Path annotations;

    @Option(names = org.rareset.core.table.DuplicateRows.OPTION, defaultValue = "error", paramLabel = "RULE",
            description = org.rareset.core.table.DuplicateRows.HELP)
    org.rareset.core.table.DuplicateRows duplicateRows = org.rareset.core.table.DuplicateRows.ERROR;

    @Option(names = "--pheno", required = true, paramLabel = "FILE",
            description = "Phenotypes (TSV/CSV/Parquet): a 'sample' column or PLINK 'FID IID' columns, then one column per trait; empty cells and the --missing texts (NA, -9) are missing, as in rareset assoc.")
    Path pheno;

    @Option(names = "--covar", paramLabel = "FILE",
            description = "Covariates (TSV/CSV/Parquet): a 'sample' column or PLINK 'FID IID' columns, then one column per covariate.")
    Path covar;

    @Option(names = "--covariates", split = ",", paramLabel = "NAME",
            description = "Covariate columns to use (default: all columns of --covar).")
    List<String> covariates;

    @Mixin MissingOptions missing;

    @Option(names = "--seed-genes", required = true, paramLabel = "FILE",
            description = "Seed genes (TSV/CSV/Parquet): a table with columns phenotype, gene (rareset seed-genes writes it).")
    Path seedGenes;

    @Option(names = "--phenotypes", required = true, split = ",", paramLabel = "NAME",
            description = "Traits to train on together, e.g. QT,BT.")
    List<String> phenotypes;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Model folder to write.")
    Path out;

    @Option(names = "--annotations-list", split = ",", paramLabel = "NAME",
            description = "Model input annotations in order (default: DeepRVAT's 34). Each must be a column of --annotations.")
    List<String> annotationList;

    @Option(names = "--train-filter", defaultValue = VariantFilter.DEFAULT, paramLabel = "EXPR",
            description = "Variants used for training (default: ${DEFAULT-VALUE}). MAF and MAF_MB are computed from the genotypes if the table lacks them.")
    String trainFilter;

    @Option(names = "--plof-annotations", split = ",", paramLabel = "NAME", defaultValue = PLOF_DEFAULT,
            description = "pLoF flag columns for the sign check; those among the inputs are used (default: ${DEFAULT-VALUE}).")
    List<String> plofAnnotations;

    static final String PLOF_DEFAULT = "Consequence_splice_acceptor_variant,Consequence_splice_donor_variant,"
            + "Consequence_stop_gained,Consequence_frameshift_variant,Consequence_stop_lost,Consequence_start_lost,is_plof";

    @Option(names = "--repeats", defaultValue = "6", description = "Networks in the ensemble (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--seed", defaultValue = "1", description = "Seed for the split, initialisation and batch order (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--phi-hidden", defaultValue = "20", description = "Width of phi's layers (default: ${DEFAULT-VALUE}).")
    int phiHidden;

    @Option(names = "--rho-hidden", defaultValue = "10", description = "Width of rho's hidden layers (default: ${DEFAULT-VALUE}).")
    int rhoHidden;

    @Option(names = "--learning-rate", defaultValue = "1e-3", description = "AdamW learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--weight-decay", defaultValue = "0.01", description = "AdamW weight decay (default: ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(names = "--batch-size", defaultValue = "1024", description = "Samples per step (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--min-epochs", defaultValue = "50", description = "Epochs before early stopping may stop (default: ${DEFAULT-VALUE}, DeepRVAT's).")
    int minEpochs;

    @Option(names = "--max-epochs", defaultValue = "1000", description = "Epochs at most (default: ${DEFAULT-VALUE}, DeepRVAT's).")
    int maxEpochs;

    @Option(names = "--patience", defaultValue = "3", description = "Epochs without an improvement of the validation loss by more than --min-delta before stopping (default: ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--min-delta", defaultValue = "1e-5", description = "Smallest fall of the validation loss that counts as an improvement for early stopping (default: ${DEFAULT-VALUE}).")
    double minDelta;

    @Option(names = "--validation-fraction", defaultValue = "0.2", description = "Share of samples held out (default: ${DEFAULT-VALUE}).")
    double validationFraction;

    @Option(names = "--cv-folds", defaultValue = "1", paramLabel = "K",
            description = "Cross-validated training: deal the samples into K folds (from --seed) and train --repeats networks per fold "
                    + "on the other K-1 folds; 'rareset score --cv-folds K' then scores every sample with networks that never saw it, "
                    + "and all K x repeats networks score new cohorts. 1: one ensemble on all samples (default: ${DEFAULT-VALUE}).")
    int cvFolds;

    @Option(names = "--trait-transform", defaultValue = "quantile", paramLabel = "quantile|inverse-normal",
            description = "Normalisation of quantitative traits: DeepRVAT's quantile transform or the rank-based inverse normal "
                    + "transform; a trait with two distinct values is used as it is (default: ${DEFAULT-VALUE}).")
    String traitTransform;

    @Option(names = "--trait-batches", defaultValue = "shared", paramLabel = "shared|interleaved",
            description = "How several traits share batches: 'shared' batches of samples counting for every trait they have; "
                    + "'interleaved' as DeepRVAT's multi-trait training, each trait with its own split and batches mixing "
                    + "(trait, sample) items (default: ${DEFAULT-VALUE}).")
    String traitBatches;


    private TraitTransforms.Method transform() {
        return switch (traitTransform) {
            case "quantile" -> TraitTransforms.Method.QUANTILE;
            case "inverse-normal" -> TraitTransforms.Method.INVERSE_NORMAL;
            default -> throw new ParameterException(spec.commandLine(),
                    "--trait-transform takes quantile or inverse-normal, not '" + traitTransform + "'");
        };
    }

    private TrainingOptions.TraitBatches batches() {
        return switch (traitBatches) {
            case "shared" -> TrainingOptions.TraitBatches.SHARED;
            case "interleaved" -> TrainingOptions.TraitBatches.INTERLEAVED;
            default -> throw new ParameterException(spec.commandLine(),
                    "--trait-batches takes shared or interleaved, not '" + traitBatches + "'");
        };
    }

    /** The model folder is replaced as a whole: no input may be inside it. */
    @Override
    public void declareFiles(FileRoles files) {
        FileCheck.indexes(files, "index of --vcf", genotypes.vcf);
        files.outputFolder("--out", out);
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outWriter = spec.commandLine().getOut();
        TrainingOptions options;
        try {
            options = new TrainingOptions(phiHidden, rhoHidden, learningRate, weightDecay, batchSize, minEpochs,
                    maxEpochs, patience, minDelta, validationFraction, repeats, cvFolds, transform(), batches(), seed);
        } catch (IllegalArgumentException e) {
            throw new InputException("rareset train", null, e.getMessage(), "see rareset train --help");
        }
        // One PyTorch thread whatever --threads says: PyTorch's CPU kernels split their sums by thread
        // count, so a network trained with 3 threads differs in the last bits from one trained with 1
        // (TrainCommandTest), and --threads must not change results. Small matrices gain little from more.
        // A -Dai.djl.pytorch.num_threads given to the JVM still wins (then the count is part of the seed).
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", "1");
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
        VariantFilter filter = VariantFilter.parse(trainFilter);
        List<String> inputs = annotationList == null ? DeepRvatInputs.ANNOTATIONS : annotationList;
        var loaderSpec = new TrainingDataLoader.Spec(annotations, pheno, covar, seedGenes, phenotypes, inputs, filter,
                plofAnnotations, covariates, missing.values(), duplicateRows, options.traitTransform());
        java.util.function.Consumer<String> log = line -> {
            if (!runtime.quiet) {
                err.println("rareset train: " + line);
                err.flush();
            }
        };
        boolean progress = runtime.showProgress();
        java.util.function.Consumer<String> epochLog = line -> {
            if (progress || !line.contains(" epoch ")) log.accept(line);
        };
        long t0 = System.nanoTime();
        TrainingDataLoader.Loaded loaded;
        try (VariantSource source = genotypes.source().open()) {
            loaded = TrainingDataLoader.load(loaderSpec, source, genotypes.source().path(), log);
        }
        log.accept(String.format(java.util.Locale.ROOT, "inputs read in %.1f s", (System.nanoTime() - t0) / 1e9));
        String version = RareSetCommand.class.getPackage().getImplementationVersion();
        var provenance = new EnsembleTrainer.Provenance(filter.toString(), loaded.plofAnnotations(),
                version == null ? "development build" : version);
        EnsembleTrainer.Outcome outcome;
        try {
            outcome = new EnsembleTrainer(options).train(loaded.data(), provenance, epochLog);
        } catch (IllegalArgumentException e) {
            throw new InputException("rareset train", null, e.getMessage(), "use fewer --cv-folds, or check the phenotypes");
        }
        ModelFiles.save(outcome.description(), outcome.weights(), outcome.ensemble().folds(), out);
        outWriter.printf(java.util.Locale.ROOT, "trained %d network(s)%s on %d samples, %d seed genes, traits %s in %.1f s: %s%n",
                outcome.weights().size(), cvFolds > 1 ? " in " + cvFolds + " cross-validation folds" : "",
                loaded.data().nSamples(), loaded.data().genes().size(),
                String.join(",", phenotypes), (System.nanoTime() - t0) / 1e9, out);
        outWriter.flush();
        return 0;
    }
}
