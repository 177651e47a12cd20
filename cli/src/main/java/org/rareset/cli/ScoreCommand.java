package org.rareset.cli;

import org.rareset.core.formats.AnnotationTableFile;
import org.rareset.cli.files.FileCheck;
import org.rareset.cli.files.WritesFiles;
import org.rareset.core.output.FileRoles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rareset.genotypes.vcf.VariantSource;
import org.rareset.cli.options.GenotypeSourceOptions;
import org.rareset.cli.options.RuntimeOptions;
import org.rareset.deepset.model.ModelFiles;
import org.rareset.deepset.model.TrainedEnsemble;
import org.rareset.deepset.pretrained.PretrainedEnsemble;
import org.rareset.deepset.score.GeneScoringEngine;
import org.rareset.deepset.score.OutOfFoldScorer;
import org.rareset.core.InputException;
import org.rareset.deepset.model.ScoringEnsemble;
import org.rareset.deepset.score.ScoringInput;
import org.rareset.deepset.score.ScoringInputReader;
import org.rareset.deepset.score.output.PerVariantScoresWriter;
import org.rareset.deepset.score.output.ScoresWriter;
import org.rareset.deepset.score.output.GeneScoreBgenWriter;
import org.rareset.deepset.score.output.GeneScoreLoci;
import org.rareset.annotate.GeneModelReader;
import org.rareset.genotypes.bgen.BgenWriter;
import org.rareset.deepset.model.VariantFilter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code rareset score}: gene impairment scores for every sample and gene from a deep-set ensemble. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = {
            "Score every gene for every sample with a deep-set ensemble (the mean of the models' sigmoid outputs).",
            "Each annotation row (variant x gene) goes through phi once; a sample's rows are max-pooled; "
                + "samples carrying nothing in a gene get the empty-gene score.",
            "--pretrained reads DeepRVAT's published PyTorch Lightning checkpoints directly (no Python), "
                + "scoring as DeepRVAT does: its zero padding row always joins the max.",
            "--model reads a folder written by rareset train: inputs are standardised as in training, the max "
                + "is masked and a sample carrying nothing in a gene gets the model's learned empty-gene score.",
            "The annotation table (TSV or CSV, optionally gzipped, or Parquet) has columns " + AnnotationTableFile.KEY_SUMMARY + " plus every "
                + "annotation the model reads. With --model, only rows passing the model's training filter are scored, "
                + "under the training rules (MAF and MAF_MB from the genotypes when the table lacks them; ALT-major "
                + "variants left out); --variant-filter changes that. With --pretrained every row is scored unless "
                + "--variant-filter is given. Missing values "
                + "take the model's fill values (DeepRVAT: sift_score 1, MAF_MB 10000, others 0). Without a "
                + "MAF_MB column, MAF_MB is computed from the cohort's genotypes as DeepRVAT does.",
            "Genotypes come from --vcf, --bfile, --bed or --bgen, or from a genotype store written by 'rareset ingest' "
                + "(--store): the same scores, without decoding the VCF again."},
        footer = {"",
            "Output (docs/scoring.md): by default the sparse table 'kind gene sample score': the sample roster, then per "
                + "gene its empty-gene score and one row per carrier, so its size grows with carriers, not samples x genes. "
                + "assoc --scores, risk and report read it directly. --dense long writes 'sample gene score' (one row per "
                + "sample and gene), --dense wide one row per sample and a column per gene. Format from the extension: "
                + ".parquet, .tsv, .tsv.gz, .csv. The file appears only when complete.",
            "",
            "Examples:",
            "  rareset score --pretrained deeprvat/pretrained_models --vcf cohort.vcf.gz \\",
            "      --annotations annotations.tsv --out scores.parquet",
            "  rareset score --pretrained deeprvat/pretrained_models --vcf cohort.vcf.gz \\",
            "      --annotations annotations.tsv.gz --out scores_wide.tsv --dense wide --threads 4",
            "  rareset score --model model/ --vcf cohort.vcf.gz --annotations annotations.tsv \\",
            "      --out scores.parquet",
            "  rareset score --model model/ --store cohort.rsg --annotations annotations.tsv \\",
            "      --out scores.parquet",
            "  # out-of-fold scores of a model trained with 'rareset train --cv-folds 5':",
            "  rareset score --model model/ --cv-folds 5 --store cohort.rsg \\",
            "      --annotations annotations.tsv --out scores.parquet"})
public final class ScoreCommand implements Callable<Integer>, WritesFiles {
    @Mixin RuntimeOptions runtime;
    @Mixin org.rareset.cli.options.ChunkOptions chunk;
    @Spec CommandSpec spec;

    /** Which ensemble scores: exactly one source. */
    static final class ModelSource {
        @Option(names = "--pretrained", paramLabel = "DIR",
                description = "DeepRVAT's pretrained_models folder: model_config.yaml and repeat_*/best/bag_*.ckpt "
                        + "(a .ckpt.reverse marker negates that model).")
        Path pretrained;

        @Option(names = "--model", paramLabel = "DIR",
                description = "A model folder written by rareset train (model.json and its .params files: repeat_R.params, or fold_K_repeat_R.params with --cv-folds).")
        Path trained;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    ModelSource model;

    @Mixin GenotypeSourceOptions genotypes = new GenotypeSourceOptions();

    @Option(names = "--annotations", required = true, paramLabel = "FILE",
            description = "Annotation table (TSV, CSV, .gz or Parquet): " + AnnotationTableFile.KEY_SUMMARY + " and the model's annotation columns.")
    Path annotations;

    @Option(names = org.rareset.core.table.DuplicateRows.OPTION, defaultValue = "error", paramLabel = "RULE",
            description = org.rareset.core.table.DuplicateRows.HELP)
    org.rareset.core.table.DuplicateRows duplicateRows = org.rareset.core.table.DuplicateRows.ERROR;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "Scores: .parquet, .tsv, .tsv.gz or .csv.")
    Path out;

    @Option(names = "--variant-filter", paramLabel = "EXPR",
            description = "Score only annotation rows passing EXPR, e.g. 'MAF < 0.001 && CADD_PHRED > 5'; 'none' scores "
                    + "every row. Default: the training filter of a --model (model.json train_filter); none for --pretrained.")
    String variantFilter;

    @Option(names = "--dense", paramLabel = "long|wide",
            description = "Write every sample x gene score instead of the sparse layout: long ('sample gene score') "
                    + "or wide (a row per sample, a column per gene). For small studies; the dense form of a biobank is "
                    + "samples x genes rows.")
    String dense;

    @Option(names = "--per-variant", paramLabel = "FILE",
            description = "Also write each scored variant's impairment contribution: 'chrom pos ref alt gene score contribution', "
                    + "score = the gene score of a sample carrying only that variant, contribution = score - the empty-gene score "
                    + "(docs/scoring.md). assoc --weights deepset:FILE reads it.")
    Path perVariant;

    @Option(names = "--write-bgen", paramLabel = "FILE",
            description = "Also write the scores as BGEN v1.2 (layout 2, zlib) FILE.bgen with FILE.sample beside it: one pseudo-variant per gene "
                    + "(id <gene>, alleles 'score' (first, counted) and 'ref', dosage = 2 x score, position = the gene's midpoint in --genes, "
                    + "else the midpoint of its scored variants), for REGENIE step 2 or plink2 read ref-last (docs/bgen.md).")
    Path writeBgen;

    @Option(names = "--bgen-bits", defaultValue = "16", paramLabel = "8|16",
            description = "Bits per probability in --write-bgen (default ${DEFAULT-VALUE}): a dosage is read back within 0.5/(2^bits-1), "
                    + "7.6e-6 with 16 bits, 0.002 with 8 (REGENIE reads 8-bit files fastest).")
    int bgenBits;

    @Option(names = "--genes", paramLabel = "FILE",
            description = "Gene model (BED, GTF or GFF3, as for rareset annotate) placing each gene's --write-bgen pseudo-variant at its midpoint.")
    Path geneModel;

    @Option(names = "--cv-folds", paramLabel = "K",
            description = "Out-of-fold scores from a --model trained with 'rareset train --cv-folds K' (K must match): each "
                    + "training sample is scored by the networks of its fold, which never saw it, on the whole ensemble's "
                    + "empty-gene baseline (docs/scoring.md); samples that were not in training are scored by all networks. "
                    + "Without it, every sample is scored by all K x repeats networks (for new cohorts).")
    Integer cvFolds;

    private ScoresWriter.Layout layout() {
        if (dense == null) return ScoresWriter.Layout.SPARSE;
        return switch (dense) {
            case "long" -> ScoresWriter.Layout.LONG;
            case "wide" -> ScoresWriter.Layout.WIDE;
            default -> throw new ParameterException(spec.commandLine(), "--dense takes long or wide, not '" + dense + "'");
        };
    }

    @Override
    public java.util.Set<String> outputOptions() {
        return java.util.Set.of("--out", "--per-variant", "--write-bgen");
    }

    @Override
    public void declareFiles(FileRoles files) {
        FileCheck.indexes(files, "index of --vcf", genotypes.vcf);
        files.output("--out", out);
        if (perVariant != null) files.output("--per-variant", perVariant);
        if (writeBgen != null) {
            files.output("--write-bgen", writeBgen).output(".sample beside --write-bgen", GeneScoreBgenWriter.samplePath(writeBgen));
        }
        if (geneModel != null) files.input("--genes", geneModel);
    }

    @Override
    public Integer call() {
        PrintWriter log = spec.commandLine().getErr();
        long t0 = System.nanoTime();
        Prepared p = prepare(log);
        long t1 = System.nanoTime();
        var genes = chunk.select(p.input().genes());
        int nGenes = genes.size();
        boolean progress = runtime.showProgress();
        int[] done = {0};
        writeScores(p, genes, out, writeBgen != null, g -> {
            done[0]++;
            if (progress && (done[0] % 100 == 0 || done[0] == nGenes)) {
                log.print("\rscoring genes: " + done[0] + "/" + nGenes);
                log.flush();
            }
        });
        if (progress) log.println();
        if (perVariant != null) {
            long n = PerVariantScoresWriter.write(perVariant, p.engine(), genes);
            if (!runtime.quiet) log.printf("wrote %d per-variant contributions to %s%n", n, perVariant);
        }
        long t2 = System.nanoTime();
        spec.commandLine().getOut().println(String.format(Locale.ROOT,
                "scored %d genes x %d samples with %d models and wrote %s in %.1f s (reading took %.1f s)",
                nGenes, p.input().samples().size(), p.ensemble().members().size(), out, (t2 - t1) / 1e9, (t1 - t0) / 1e9));
        return RareSetCommand.EXIT_OK;
    }

    /**
     * What scoring reads before its first gene: the ensemble, the cohort's scored rows per gene, the
     * whole ensemble's engine, the out-of-fold scorer ({@code --cv-folds}, else null) and the layout.
     */
    public record Prepared(ScoringEnsemble ensemble, ScoringInput input, GeneScoringEngine engine,
                           OutOfFoldScorer outOfFold, ScoresWriter.Layout layout) {}

    /**
     * Checks the output and the genotype source, loads the ensemble and reads the annotation rows
     * of every gene with their carriers; other runners (the Spark runner) call it once per process.
     */
    public Prepared prepare(PrintWriter log) {
        ScoresWriter.checkTarget(out);
        ScoresWriter.Layout layout = layout();
        if (writeBgen != null) {
            GeneScoreBgenWriter.checkTarget(writeBgen);
            if (!BgenWriter.BITS.contains(bgenBits)) throw new ParameterException(spec.commandLine(), "--bgen-bits takes 8 or 16, not " + bgenBits);
        } else if (geneModel != null) {
            throw new ParameterException(spec.commandLine(), "--genes places the --write-bgen pseudo-variants: give --write-bgen too");
        }
        genotypes.source().file(); // one genotype source, checked before the models are loaded
        ScoringEnsemble ensemble = loadEnsemble();
        checkFolds(ensemble);
        if (!runtime.quiet) log.println(ensemble.describe());
        ScoringInput input;
        try (VariantSource source = genotypes.source().open()) {
            input = ScoringInputReader.read(annotations, ensemble, source, scoringFilter(ensemble), duplicateRows);
        }
        if (!runtime.quiet) input.summary().lines().forEach(l -> log.println("  " + l));
        OutOfFoldScorer outOfFold = outOfFold(ensemble, input.samples(), log);
        GeneScoringEngine engine = outOfFold != null ? outOfFold.ensembleEngine() : new GeneScoringEngine(ensemble);
        return new Prepared(ensemble, input, engine, outOfFold, layout);
    }

    /**
     * Scores {@code genes} (a part of {@code p}'s, in order) into {@code target} in this command's
     * layout, and into {@code --write-bgen} too when {@code withBgen} (the whole run's genes only);
     * {@code done} hears of each gene.
     */
    public void writeScores(Prepared p, java.util.List<org.rareset.deepset.score.GeneRows> genes, Path target, boolean withBgen,
                            java.util.function.Consumer<String> done) {
        PrintWriter log = spec.commandLine().getErr();
        GeneScoreBgenWriter bgen = null;
        if (withBgen) {
            GeneScoreLoci loci = GeneScoreLoci.of(geneModel == null ? null : GeneModelReader.read(geneModel), genes);
            if (!runtime.quiet && loci.fromVariants() > 0) {
                log.printf("--write-bgen: %d of %d genes placed at the midpoint of their scored variants (%s)%n", loci.fromVariants(), genes.size(),
                        geneModel == null ? "no --genes" : "not in " + geneModel);
            }
            bgen = GeneScoreBgenWriter.open(writeBgen, p.input().samples(), loci.loci(), bgenBits);
        }
        try (ScoresWriter writer = ScoresWriter.open(target, p.input().samples(), p.layout()); GeneScoreBgenWriter bgenWriter = bgen) {
            java.util.function.Consumer<org.rareset.deepset.score.GeneScores> sink = g -> {
                writer.write(g);
                if (bgenWriter != null) bgenWriter.write(g);
                done.accept(g.gene());
            };
            if (p.outOfFold() != null) p.outOfFold().scoreAll(genes.iterator(), runtime.effectiveThreads(), sink);
            else p.engine().scoreAll(genes.iterator(), runtime.effectiveThreads(), sink);
            writer.commit();
            if (bgenWriter != null) {
                bgenWriter.commit();
                if (!runtime.quiet) {
                    log.printf(Locale.ROOT, "wrote %d gene pseudo-variants to %s (%d-bit, dosage = 2 x score within %.2g) and %s%n", bgenWriter.genes(), writeBgen,
                            bgenBits, BgenWriter.maxDosageError(bgenBits), GeneScoreBgenWriter.samplePath(writeBgen));
                }
            }
        }
    }

    /** The output these options name ({@code --out}). */
    public Path out() {
        return out;
    }

    /** {@code --dense}, or null for the sparse layout; {@code --per-variant}, or null. */
    public String dense() {
        return dense;
    }

    public Path perVariant() {
        return perVariant;
    }

    /** {@code --write-bgen}, or null. */
    public Path writeBgen() {
        return writeBgen;
    }

    /**
     * The out-of-fold scorer when {@code --cv-folds} asks for it (checked against the model), else null.
     * Scoring a cross-validated model's own training samples with all its networks is allowed (the
     * union ensemble is for new cohorts) but said on stderr.
     */
    private OutOfFoldScorer outOfFold(ScoringEnsemble ensemble, java.util.List<String> samples, PrintWriter log) {
        TrainedEnsemble trained = ensemble instanceof TrainedEnsemble t ? t : null;
        if (cvFolds != null) {
            OutOfFoldScorer scorer = new OutOfFoldScorer(trained, samples);
            if (!runtime.quiet) {
                log.printf(Locale.ROOT, "out-of-fold scores: %d of %d samples scored by the networks of their fold (%d folds), "
                        + "%d not in training scored by all %d networks%n", scorer.inFolds(), samples.size(), cvFolds,
                        samples.size() - scorer.inFolds(), trained.members().size());
            }
            return scorer;
        }
        if (trained != null && trained.folds() != null && !runtime.quiet) {
            long seen = samples.stream().filter(trained.folds()::containsKey).count();
            if (seen > 0) {
                log.printf(Locale.ROOT, "note: %d of the %d samples trained this model; all %d networks score them, so their "
                        + "scores come from networks that saw them (--cv-folds %d gives out-of-fold scores)%n", seen,
                        samples.size(), trained.members().size(), trained.nFolds());
            }
        }
        return null;
    }

    /** With --cv-folds K: the model must be a trained ensemble with K folds (checked before any input is read). */
    private void checkFolds(ScoringEnsemble ensemble) {
        TrainedEnsemble trained = ensemble instanceof TrainedEnsemble t ? t : null;
        if (cvFolds != null) {
            if (trained == null) {
                throw new ParameterException(spec.commandLine(), "--cv-folds needs --model (a folder of rareset train --cv-folds K)");
            }
            if (trained.nFolds() != cvFolds) {
                throw InputException.of(model.trained, "was trained with " + (trained.nFolds() == 1 ? "no cross-validation"
                        : trained.nFolds() + " cross-validation folds") + ", not " + cvFolds,
                        trained.nFolds() == 1 ? "drop --cv-folds, or train with rareset train --cv-folds " + cvFolds
                                : "use --cv-folds " + trained.nFolds());
            }
            if (cvFolds < 2) {
                throw new ParameterException(spec.commandLine(), "--cv-folds takes K >= 2, the folds of a cross-validated model");
            }
        }
    }

    /** The filter rows must pass: --variant-filter, else a trained model's own training filter; null scores every row. */
    private VariantFilter scoringFilter(ScoringEnsemble ensemble) {
        String text = variantFilter;
        if (text == null && ensemble instanceof TrainedEnsemble trained) text = trained.description().train_filter();
        if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("none")) return null;
        return VariantFilter.parse(text, variantFilter != null ? "--variant-filter" : model.trained + " (train_filter)");
    }

    private ScoringEnsemble loadEnsemble() {
        if (model.trained != null) return ModelFiles.load(model.trained);
        return PretrainedEnsemble.load(model.pretrained);
    }
}
