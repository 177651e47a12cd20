package org.rareset.cli;

import org.rareset.annotate.output.FileRoles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rareset.annotate.InputException;
import org.rareset.association.input.AnnotationTable;
import org.rareset.association.input.GeneScoreTable;
import org.rareset.association.input.LocoPredictions;
import org.rareset.association.input.GeneVariants;
import org.rareset.association.input.TraitData;
import java.util.ArrayList;
import org.rareset.association.mask.IndicatorBurden;
import org.rareset.association.mask.Mask;
import org.rareset.association.mask.MaskBuilder;
import org.rareset.association.mask.MaskFile;
import org.rareset.association.mask.Weighting;
import org.rareset.association.multiple.SignificanceTable;
import org.rareset.association.multiple.TraitSummary;
import org.rareset.association.run.AssociationRun;
import org.rareset.association.run.ResultRow;
import org.rareset.association.run.ResultWriters;
import org.rareset.association.run.VariantRowWriters;
import org.rareset.association.run.SummaryWriter;
import org.rareset.association.tests.GeneTest;
import org.rareset.association.tests.GeneTests;
import org.rareset.association.tests.TestOptions;
import org.rareset.cli.options.ChunkOptions;
import org.rareset.cli.options.CohortOptions;
import org.rareset.cli.options.RuntimeOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rareset assoc}: gene-based rare-variant association tests (burden, SKAT, SKAT-O, ACAT). */
@Command(name = "assoc", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Gene-based rare-variant association tests: weighted burden, SKAT, SKAT-O, ACAT-V and ACAT-O for every phenotype x gene x mask, with linear or logistic null models.",
                "",
                "Samples analysed are those in the genotypes, the phenotypes and the covariates at once; per trait, samples with a missing value are dropped (counts are printed). A trait with two values is binary.",
                "",
                "Writes one row per phenotype x gene x mask x test (phenotype gene mask test n_variants mac n_carriers beta se pval log10p) and beside it <out>.summary.tsv (genomic inflation, Bonferroni and Benjamini-Hochberg counts per phenotype and test), <out>.significant.tsv (rows at FDR <= alpha with adjusted p-values) and <out>.skipped.tsv (genes skipped per mask and why; a trait that could not be analysed has one row with mask '*').",
                "",
                "A trait that cannot be analysed (constant, no cases, a null model that does not converge) is reported by name and left out; the command fails only when no trait is left, or at the first such trait with --fail-on-trait-error.",
                "",
                "With --single-variant, also <out>.single.tsv: one score test per phenotype x gene x mask x variant (phenotype gene mask variant_id chrom pos ref alt mac n_carriers beta se pval log10p), SPA for binary traits, no Firth.",
                ""},
        footer = {"", "Examples:",
                "  rareset assoc --vcf cohort.vcf.gz --annotations annotations.tsv \\",
                "      --pheno pheno.tsv --covar covar.tsv --phenotypes QT,BT \\",
                "      --tests burden,skat,skato,acatv,acato --collapse-mac 0 --out results.tsv",
                "  rareset assoc --vcf cohort.bcf --annotations annot.parquet --pheno pheno.tsv \\",
                "      --masks masks.txt --max-maf 0.01,0.001 --out results.parquet",
                "  rareset assoc --scores scores.parquet --pheno pheno.tsv --covar covar.tsv \\",
                "      --out score_results.tsv",
                "  rareset assoc --vcf cohort.vcf.gz --annotations annotations.tsv \\",
                "      --pheno pheno.tsv --pred step1_pred.list --out results.tsv.gz",
                "  rareset assoc --vcf cohort.vcf.gz --annotations annotations.tsv \\",
                "      --pheno pheno.tsv --single-variant --out results.tsv   # + results.single.tsv",
                "",
                "Mask file (one mask per line; == != < <= > >= && || ! and parentheses):",
                "  plof: is_plof == 1",
                "  missense: Consequence_missense_variant == 1 && CADD_PHRED > 20"})
public final class AssocCommand implements Callable<Integer>, WritesFiles {
    @Mixin RuntimeOptions runtime;
    @Mixin ChunkOptions chunk;
    @Spec CommandSpec spec;

    @Mixin CohortOptions cohort;

    @Option(names = "--masks", paramLabel = "FILE", description = "Mask file, 'name: expression' per line (default: one mask 'all' with every variant of the gene).")
    Path maskFile;

    @Option(names = "--max-maf", split = ",", paramLabel = "MAF", description = "MAF limit(s); each threshold makes its own mask named <mask>.<maf>.")
    List<Double> maxMaf;

    @Option(names = "--collapse-mac", defaultValue = "10", paramLabel = "MAC", description = "Collapse variants with MAC below this into one pseudo-variant per gene and mask (default: ${DEFAULT-VALUE}; 0 = off).")
    int collapseMac;

    @Option(names = "--weights", defaultValue = "beta:1,25", paramLabel = "SPEC", description = "Variant weights: beta:a,b (Beta density at the MAF of the analysed samples; default ${DEFAULT-VALUE}), none, an annotation column, or deepset:FILE (max(0, contribution) from score --per-variant FILE).")
    String weights;

    @Option(names = "--tests", defaultValue = "burden,skat,skato,acatv,acato", paramLabel = "LIST", description = "Tests to run (default: ${DEFAULT-VALUE}); also burden-max and burden-sum, REGENIE's unweighted max/sum burden masks.")
    String tests;

    @Option(names = "--single-variant", description = "Also run the single-variant score test of every variant (or collapsed pseudo-variant) of every gene and mask, written to <out>.single.tsv, or <out>.single.parquet with Parquet results. Off by default.")
    boolean singleVariant;

    @Option(names = "--firth-threshold", defaultValue = "0.05", paramLabel = "P", description = "Binary traits: burden p below this is recomputed with Firth regression (default ${DEFAULT-VALUE}; 0 = never).")
    double firthThreshold;

    @Option(names = "--no-spa", description = "Binary traits: no saddlepoint approximation for score tests.")
    boolean noSpa;

    @Option(names = "--alpha", defaultValue = "0.05", paramLabel = "ALPHA", description = "Significance level for Bonferroni and Benjamini-Hochberg (default ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--scores", paramLabel = "FILE", description = "Test gene impairment scores (long format 'sample gene score', TSV or Parquet, from rareset score) instead of variants: one score test per gene, Bonferroni per trait.")
    Path scores;

    @Option(names = "--pred", paramLabel = "FILE", description = "REGENIE step-1 _pred.list: LOCO predictions used as null-model offsets (per chromosome).")
    Path pred;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Results: .tsv, .tsv.gz or .parquet.")
    Path out;

    private List<IndicatorBurden> indicators = List.of();

    @Override
    public java.util.Set<String> outputOptions() {
        return java.util.Set.of("--out");
    }

    @Override
    public void declareFiles(FileRoles files) {
        FileCheck.indexes(files, "index of --vcf", cohort.vcf);
        files.output("--out", out)
                .output("summary beside --out", SummaryWriter.summaryPath(out))
                .output("significant genes beside --out", SummaryWriter.significantPath(out))
                .output("skipped genes beside --out", SummaryWriter.skippedPath(out));
        if (singleVariant) files.output("single-variant results beside --out", VariantRowWriters.path(out));
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        java.util.function.Consumer<String> log = msg -> { if (!runtime.quiet) { err.println("assoc: " + msg); err.flush(); } };
        checkOptions();
        List<GeneTest> testList = parseTests();
        cohort.readSampleTables();
        List<String> traits = cohort.traits();
        Map<String, LocoPredictions> predictions = pred == null ? null : LocoPredictions.readList(pred);
        if (predictions != null) {
            for (String t : traits) {
                if (!predictions.containsKey(t)) {
                    throw new InputException(pred.toString(), null, "no LOCO predictions for trait '" + t + "'",
                            "the list names: " + String.join(", ", predictions.keySet()));
                }
            }
        }
        AssociationRun.OffsetProvider offsets = predictions == null ? null : (trait, chrom) -> {
            if (chrom == null) {
                throw new InputException(pred.toString(), null, "--pred needs each gene's chromosome", "give --annotations with --scores");
            }
            return predictions.get(trait.name()).offsets(trait, chrom);
        };
        TestOptions options = new TestOptions(TestOptions.DEFAULT_RHO, firthThreshold, !noSpa, 2.0);
        Progress progress;
        AssociationRun.Result result;
        List<TraitData> traitData;
        long t0;
        long cpu0;
        int nGenes;
        if (scores != null) {
            GeneScoreTable scoreTable = GeneScoreTable.read(scores);
            log.accept(String.format("scores: %d genes x %d samples", scoreTable.genes().size(), scoreTable.samples().size()));
            traitData = cohort.buildTraits(scoreTable.samples(), log);
            AnnotationTable ann = cohort.annotations == null ? null : cohort.readAnnotations();
            AssociationRun run = new AssociationRun(new AssociationRun.Settings(List.of(), options, List.of(), null,
                    runtime.effectiveThreads(), offsets)).stopOnFailedTrait(cohort.failOnTraitError);
            List<GeneScoreTable.GeneScore> scoreGenes = chunk.select(scoreTable.genes());
            nGenes = scoreGenes.size();
            log.accept(String.format("testing the scores of %d genes x %d trait(s) on %d thread(s)", nGenes, traitData.size(), runtime.effectiveThreads()));
            progress = new Progress(err, nGenes * traitData.size(), runtime.showProgress());
            t0 = System.nanoTime();
            cpu0 = processCpuNanos();
            result = run.runScores(traitData, scoreGenes, ann == null ? null : ann::chromOf, progress::update);
        } else {
            AnnotationTable ann = cohort.readAnnotations();
            List<Mask> masks = MaskFile.expand(maskFile == null ? List.of(Mask.all()) : MaskFile.read(maskFile, ann.annotationColumns()), maxMaf);
            Weighting weighting = Weighting.parse(weights, ann);
            CohortOptions.Genotypes genotypes = cohort.readGenotypes(ann, log);
            List<GeneVariants> genes = chunk.select(genotypes.genes());
            traitData = cohort.buildTraits(genotypes.samples(), log);
            AssociationRun run = new AssociationRun(new AssociationRun.Settings(testList, options, masks,
                    new MaskBuilder(ann, weighting, collapseMac), runtime.effectiveThreads(), offsets, indicators, singleVariant))
                    .stopOnFailedTrait(cohort.failOnTraitError);
            nGenes = genes.size();
            log.accept(String.format("testing %d genes x %d mask(s) x %d trait(s) x %d test(s) on %d thread(s)",
                    genes.size(), masks.size(), traitData.size(), testList.size() + indicators.size(), runtime.effectiveThreads()));
            progress = new Progress(err, nGenes * traitData.size(), runtime.showProgress());
            t0 = System.nanoTime();
            cpu0 = processCpuNanos();
            result = run.run(traitData, genes, progress::update);
        }
        progress.finish();
        List<AssociationRun.FailedTrait> failedTraits = cohort.checkFailedTraits(result, log);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;

        log.accept(String.format(Locale.ROOT, "tested %d genes x %d trait(s) in %.2f s (%.2f s CPU): %.1f genes/s per trait",
                nGenes, traitData.size(), seconds, cpuSeconds, seconds > 0 ? nGenes * traitData.size() / seconds : 0));
        ResultWriters.write(out, result.rows());
        if (singleVariant) {
            Path single = VariantRowWriters.path(out);
            VariantRowWriters.write(single, result.variantRows());
            log.accept(String.format(Locale.ROOT, "wrote %d single-variant rows to %s", result.variantRows().size(), single));
        }
        SignificanceTable<ResultRow> sig = new SignificanceTable<>(result.rows(), ResultRow::phenotype, ResultRow::test, ResultRow::log10P, alpha);
        SummaryWriter.writeSummary(SummaryWriter.summaryPath(out), sig.summaries(), alpha);
        SummaryWriter.writeSignificant(SummaryWriter.significantPath(out), sig.adjusted());
        List<AssociationRun.Skipped> skipped = new ArrayList<>(result.skipped());
        for (AssociationRun.FailedTrait f : failedTraits) {
            skipped.add(new AssociationRun.Skipped(f.phenotype(), "*", "trait not analysed: " + f.reason(), nGenes));
        }
        SummaryWriter.writeSkipped(SummaryWriter.skippedPath(out), skipped);

        for (AssociationRun.Skipped s : result.skipped()) {
            log.accept(String.format("skipped: %s, mask %s: %d gene(s): %s", s.phenotype(), s.mask(), s.genes(), s.reason()));
        }
        for (TraitSummary s : sig.summaries()) {
            log.accept(String.format(Locale.ROOT, "%s %s: %d tests, lambda %.3f, %d Bonferroni-significant, %d at FDR %s",
                    s.phenotype(), s.test(), s.nTests(), s.lambda(), s.nBonferroni(), s.nBenjaminiHochberg(), alpha));
        }
        log.accept(String.format(Locale.ROOT, "wrote %d rows to %s", result.rows().size(), out));
        return 0;
    }

    private void checkOptions() {
        checkCommonOptions();
        checkGenotypeOptions();
    }

    private void checkCommonOptions() {
        if (!(alpha > 0 && alpha < 1)) throw new InputException(null, null, "--alpha " + alpha + " is outside (0, 1)", null);
        if (!(firthThreshold >= 0 && firthThreshold <= 1)) throw new InputException(null, null, "--firth-threshold " + firthThreshold + " is outside [0, 1]", null);
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!(name.endsWith(".tsv") || name.endsWith(".tsv.gz") || name.endsWith(".txt") || name.endsWith(".txt.gz") || name.endsWith(".parquet"))) {
            throw new InputException(out.toString(), null, "unknown output format", "name the output .tsv, .tsv.gz or .parquet");
        }
    }

    private void checkGenotypeOptions() {
        if (scores != null) {
            if (cohort.vcf != null || cohort.genotypeFiles.any() || cohort.store != null || maskFile != null) {
                throw new InputException(null, null, "--scores tests precomputed gene scores: leave out --vcf/--bfile/--bed/--bgen, --store and --masks", null);
            }
            if (singleVariant) {
                throw new InputException(null, null, "--single-variant tests variants, --scores gene scores", "leave out one of them");
            }
            return;
        }
        cohort.requireGenotypes();
        if (collapseMac < 0) throw new InputException(null, null, "--collapse-mac " + collapseMac + " is negative", "use 0 to turn collapsing off");
    }

    private List<GeneTest> parseTests() {
        List<String> engineTests = new ArrayList<>();
        indicators = new ArrayList<>();
        for (String t : tests.split(",")) {
            if (t.isBlank()) continue;
            IndicatorBurden ib = IndicatorBurden.byName(t);
            if (ib != null) {
                if (!indicators.contains(ib)) indicators.add(ib);
            } else {
                engineTests.add(t);
            }
        }
        try {
            List<GeneTest> list = GeneTests.parse(String.join(",", engineTests));
            if (list.isEmpty() && indicators.isEmpty()) throw new IllegalArgumentException("no test given");
            return list;
        } catch (IllegalArgumentException e) {
            throw new InputException(null, null, "--tests: " + e.getMessage(), "valid tests: " + String.join(",", GeneTests.names())
                    + ",burden-max,burden-sum");
        }
    }

    /** CPU time of the whole process (all threads), or 0 where the JVM does not report it. */
    static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0L;
    }

    /** Progress on a terminal only: genes done out of total. */
    static final class Progress {
        private final PrintWriter err;
        private final int total;
        private final boolean on;
        private volatile long last;

        Progress(PrintWriter err, int total, boolean on) {
            this.err = err;
            this.total = total;
            this.on = on;
        }

        void update(int done) {
            if (!on) return;
            long now = System.nanoTime();
            if (now - last < 500_000_000L && done < total) return;
            last = now;
            synchronized (err) {
                err.print("\rassoc: " + done + "/" + total + " genes");
                err.flush();
            }
        }

        void finish() {
            if (on) { err.println(); err.flush(); }
        }
    }
}
