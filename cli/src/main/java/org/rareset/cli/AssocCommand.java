package org.rareset.cli;

import org.rareset.core.output.FileRoles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rareset.core.InputException;
import org.rareset.annotate.GeneModelReader;
import org.rareset.association.input.AnnotationTable;
import org.rareset.association.input.GeneInfoTable;
import org.rareset.association.input.QtTransform;
import org.rareset.genotypes.vcf.Contigs;
import org.rareset.association.burden.BurdenFiles;
import org.rareset.association.burden.MaskBurdens;
import org.rareset.association.input.GeneScoreTable;
import org.rareset.association.input.LocoPredictions;
import org.rareset.association.input.GeneVariants;
import org.rareset.association.input.TraitChecks;
import org.rareset.association.input.TraitData;
import java.util.ArrayList;
import org.rareset.association.mask.IndicatorBurden;
import org.rareset.association.mask.Mask;
import org.rareset.association.mask.MaskBuilder;
import org.rareset.association.mask.MaskFile;
import org.rareset.association.mask.RegenieMaskFiles;
import org.rareset.association.mask.SaigeGroupFile;
import org.rareset.association.mask.Weighting;
import org.rareset.association.multiple.SignificanceTable;
import org.rareset.association.multiple.TraitSummary;
import org.rareset.association.run.AssociationRun;
import org.rareset.core.formats.GeneInfo;
import org.rareset.association.run.GeneOmnibus;
import org.rareset.association.run.GeneTimingSummary;
import org.rareset.core.formats.ResultRow;
import org.rareset.association.run.RegenieResultWriter;
import org.rareset.core.formats.ResultFile;
import org.rareset.association.run.VariantRowWriters;
import org.rareset.association.run.SettingsWriter;
import org.rareset.association.run.SummaryWriter;
import org.rareset.association.gene.GeneTest;
import org.rareset.association.gene.GeneTests;
import org.rareset.association.gene.TestOptions;
import org.rareset.cli.options.ChunkOptions;
import org.rareset.cli.options.CohortOptions;
import org.rareset.cli.options.RegenieMaskOptions;
import org.rareset.cli.options.SaigeGroupOptions;
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
                "Masks are rare by default: every mask keeps variants with MAF <= 0.01 unless --max-maf says otherwise, and a gene x mask with fewer than --min-mac (5) minor alleles is not tested.",
                "",
                "A trait that cannot be analysed (constant, no cases, a null model that does not converge) is reported by name and left out; the command fails only when no trait is left, or at the first such trait with --fail-on-trait-error.",
                "",
                "Writes one row per phenotype x gene x mask x test (phenotype gene gene_name chrom start end mask test n_variants mac n_carriers mac_case mac_control n_carriers_case n_carriers_control beta se beta_per_allele pval neg_log10p; neg_log10p = -log10 p), plus one gene-level row per phenotype x gene with mask GENE_P and test omnibus (ACAT over the gene's masks x tests, REGENIE's GENE_P). Beside it: <out>.significant.tsv (the per-gene list from the omnibus, Bonferroni and Benjamini-Hochberg over genes), <out>.significant_per_test.tsv (gene x mask rows at FDR <= alpha within their own test), <out>.summary.tsv (per phenotype and test: what is counted, genomic inflation, Bonferroni and Benjamini-Hochberg counts) and <out>.skipped.tsv (genes skipped per mask and why; a trait that could not be analysed has one row with mask '*') and <out>.settings.tsv (the run's settings and per-trait sample counts, for the report).",
                "",
                "With --single-variant, also <out>.single.tsv: one score test per phenotype x gene x mask x variant (phenotype gene mask variant_id chrom pos ref alt mac n_carriers beta se pval neg_log10p), SPA for binary traits, no Firth.",
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

    @Mixin RegenieMaskOptions regenieMasks;

    @Mixin SaigeGroupOptions saigeGroups;

    @Option(names = "--masks", paramLabel = "FILE", description = "Mask file, 'name: expression' per line (default: one mask 'all' with every variant of the gene).")
    Path maskFile;

    /** SAIGE-GENE+'s default maximum MAF; REGENIE makes the user choose (--aaf-bins), DeepRVAT tests MAF < 0.001. */
    static final double DEFAULT_MAX_MAF = 0.01;

    @Option(names = "--max-maf", split = ",", paramLabel = "MAF", description = "MAF limit(s); each threshold makes its own mask named <mask>.<maf> (default: 0.01, SAIGE-GENE+'s default: a gene-based test is a rare-variant test, and one common variant would otherwise carry the gene's p-value; REGENIE makes you choose with --aaf-bins, DeepRVAT uses 0.001). --max-maf 0.5 lifts the limit.")
    List<Double> maxMaf;

    @Option(names = "--min-mac", defaultValue = "5", paramLabel = "MAC", description = "Skip a gene x mask whose minor allele count (summed over its variants) is below this, counted in <out>.skipped.tsv (default: ${DEFAULT-VALUE}, REGENIE's --minMAC; 0 = test every mask).")
    double minMac;

    @Option(names = "--qt-transform", defaultValue = "none", paramLabel = "NAME", description = "Quantitative traits: none, or rint (rank-based inverse normal, REGENIE's --apply-rint: Phi^-1((rank - 3/8) / (n + 1/4)), ties share their mean rank). Default ${DEFAULT-VALUE}, as REGENIE: betas stay in trait units; use rint for skewed traits or outliers.")
    String qtTransform;

    @Option(names = "--genes", paramLabel = "FILE", description = "Gene model (BED, GTF or GFF3, as for rareset annotate) for the gene_name chrom start end columns; without it the name comes from the annotations' gene_name column and chrom from the gene's variants.")
    Path geneModel;

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

    @Option(names = "--write-burdens", paramLabel = "FILE", description = "Also write each sample's burden per gene x mask (--build-mask rule over all genotyped samples, unweighted, uncollapsed): a sparse table 'sample gene mask burden' (.tsv, .tsv.gz, .parquet) or, for a .bed name, PLINK PREFIX.bed/.bim/.fam with one pseudo-variant per gene x mask (REGENIE's --write-mask; max rule only).")
    Path writeBurdens;

    @Option(names = "--out-format", defaultValue = "rareset", paramLabel = "FORMAT", description = "'rareset' (default) or 'regenie': also write <base>_<phenotype>.regenie (.regenie.gz with .gz results) in REGENIE's step-2 gene-test layout (CHROM GENPOS ID ALLELE0 ALLELE1 A1FREQ N TEST BETA SE CHISQ LOG10P EXTRA).")
    String outFormat;

    private List<IndicatorBurden> indicators = List.of();

    @Override
    public java.util.Set<String> outputOptions() {
        return java.util.Set.of("--out", "--write-burdens");
    }

    @Override
    public void declareFiles(FileRoles files) {
        FileCheck.indexes(files, "index of --vcf", cohort.vcf);
        files.output("--out", out)
                .output("summary beside --out", SummaryWriter.summaryPath(out))
                .output("significant genes beside --out", SummaryWriter.significantPath(out))
                .output("per-test significant rows beside --out", SummaryWriter.significantPerTestPath(out))
                .output("skipped genes beside --out", SummaryWriter.skippedPath(out))
                .output("settings beside --out", SettingsWriter.path(out));
        if (singleVariant) files.output("single-variant results beside --out", VariantRowWriters.path(out));
        if (writeBurdens != null) {
            files.output("--write-burdens", writeBurdens);
            if (BurdenFiles.isBed(writeBurdens)) {
                String prefix = writeBurdens.getFileName().toString().replaceFirst("(?i)\\.bed$", "");
                files.output(".bim beside --write-burdens", writeBurdens.resolveSibling(prefix + ".bim"))
                        .output(".fam beside --write-burdens", writeBurdens.resolveSibling(prefix + ".fam"));
            }
        }
        if ("regenie".equalsIgnoreCase(outFormat) && cohort.phenotypes != null) {
            for (String t : cohort.phenotypes) files.output("REGENIE results beside --out", RegenieResultWriter.path(out, t));
        }
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
        GeneTimingSummary timingSummary = new GeneTimingSummary();
        TestOptions options = new TestOptions(TestOptions.DEFAULT_RHO, firthThreshold, !noSpa, 2.0);
        QtTransform transform = QtTransform.parse(qtTransform);
        GeneInfo.Lookup geneInfo = GeneInfo.Lookup.NONE;
        Progress progress;
        AssociationRun.Result result;
        List<TraitData> traitData;
        long t0;
        long cpu0;
        int nGenes;
        SettingsWriter settings = new SettingsWriter().put("version", org.rareset.cli.VersionProvider.version());
        Map<String, RegenieResultWriter.Locus> loci = new java.util.HashMap<>();
        List<String> regenieHeader = new ArrayList<>();
        if (scores != null) {
            GeneScoreTable scoreTable = GeneScoreTable.read(scores);
            log.accept(String.format("scores: %d genes x %d samples", scoreTable.genes().size(), scoreTable.samples().size()));
            traitData = transform(cohort.buildTraits(scoreTable.samples(), log), transform, log);
            for (TraitData t : traitData) TraitChecks.quantitativeWarning(t).ifPresent(log);
            AnnotationTable ann = cohort.annotations == null ? null : cohort.readAnnotations();
            geneInfo = geneInfo(ann);
            AssociationRun run = new AssociationRun(new AssociationRun.Settings(List.of(), options, List.of(), null,
                    runtime.effectiveThreads(), offsets)).stopOnFailedTrait(cohort.failOnTraitError);
            List<GeneScoreTable.GeneScore> scoreGenes = chunk.select(scoreTable.genes());
            if (ann != null) for (GeneScoreTable.GeneScore g : scoreGenes) loci.put(g.gene(), new RegenieResultWriter.Locus(ann.chromOf(g.gene()), -1));
            nGenes = scoreGenes.size();
            log.accept(String.format("testing the scores of %d genes x %d trait(s) on %d thread(s)", nGenes, traitData.size(), runtime.effectiveThreads()));
            progress = new Progress(err, nGenes * traitData.size(), runtime.showProgress());
            t0 = System.nanoTime();
            cpu0 = processCpuNanos();
            result = run.runScores(traitData, scoreGenes, ann == null ? null : ann::chromOf, progress::update);
            settings.put("input", "gene impairment scores " + scores.getFileName()).put("tests", AssociationRun.SCORE_TEST);
        } else {
            AnnotationTable ann;
            List<Mask> masks;
            List<Double> limits = maxMaf == null || maxMaf.isEmpty() ? List.of(DEFAULT_MAX_MAF) : maxMaf;
            if (regenieMasks.given()) {
                // REGENIE's masks carry their own frequency bins (--aaf-bins)
                RegenieMaskFiles files = regenieMasks.read();
                files.report().forEach(log);
                ann = files.table();
                masks = files.masks();
                files.positions().forEach((g, p) -> loci.put(g, new RegenieResultWriter.Locus(p.chrom(), p.pos())));
                StringBuilder h = new StringBuilder("##MASKS=<");
                files.definitions().forEach((m, d) -> h.append(h.length() > 9 ? ";" : "").append(m).append("=\"").append(d).append('"'));
                regenieHeader.add(h.append('>').toString());
            } else if (saigeGroups.given()) {
                SaigeGroupFile group = saigeGroups.read(limits);
                log.accept(group.report());
                ann = group.table();
                masks = group.masks();
            } else {
                ann = cohort.readAnnotations();
                masks = MaskFile.expand(maskFile == null ? List.of(Mask.all()) : MaskFile.read(maskFile, ann.annotationColumns()), limits);
            }
            geneInfo = geneInfo(ann);
            for (Mask m : masks) if (m.expression() != null) m.expression().requireNumbers(ann);
            Weighting weighting = Weighting.parse(weights, ann);
            CohortOptions.Genotypes genotypes = cohort.readGenotypes(ann, log);
            if (ann.swappedMatches() > 0) {
                log.accept(String.format("%d genotyped variant(s) matched a mask-file id with REF and ALT swapped (the genotypes' ALT allele is counted)", ann.swappedMatches()));
            }
            List<GeneVariants> genes = chunk.select(genotypes.genes());
            for (GeneVariants g : genes) {
                // without a set list, a gene is placed at its first variant, as REGENIE places sets at the set list's position
                loci.putIfAbsent(g.gene(), new RegenieResultWriter.Locus(Contigs.canonical(g.variants().get(0).chrom()), g.variants().get(0).pos()));
            }
            traitData = transform(cohort.buildTraits(genotypes.samples(), log), transform, log);
            for (TraitData t : traitData) {
                TraitChecks.quantitativeWarning(t).ifPresent(log);
                TraitChecks.uncollapsedWarning(t, collapseMac).ifPresent(log);
            }
            if (writeBurdens != null) writeBurdens(ann, weighting, masks, genotypes.samples(), genes, loci, log);
            AssociationRun run = new AssociationRun(new AssociationRun.Settings(testList, options, masks,
                    new MaskBuilder(ann, weighting, collapseMac, minMac), runtime.effectiveThreads(), offsets, indicators, singleVariant))
                    .stopOnFailedTrait(cohort.failOnTraitError);
            if (runtime.debug) {
                // --debug: the CPU cost of every gene x mask and test, to find slow genes
                run = run.timed(t -> { timingSummary.accept(t); log.accept(t.format()); });
            }
            nGenes = genes.size();
            log.accept(String.format("testing %d genes x %d mask(s) x %d trait(s) x %d test(s) on %d thread(s)",
                    genes.size(), masks.size(), traitData.size(), testList.size() + indicators.size(), runtime.effectiveThreads()));
            progress = new Progress(err, nGenes * traitData.size(), runtime.showProgress());
            t0 = System.nanoTime();
            cpu0 = processCpuNanos();
            result = run.run(traitData, genes, progress::update);
            settings.put("input", "variants").put("tests", tests)
                    .put("masks", String.join("; ", masks.stream().map(m -> m.name() + (m.expression() == null ? "" : ": " + m.expression())
                            + (m.hasMafLimit() ? " (MAF <= " + m.maxMaf() + ")" : "")).toList()))
                    .put("max_maf", regenieMasks.given() ? "REGENIE --aaf-bins (see masks)"
                            : limits.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")))
                    .put("min_mac", minMac == Math.rint(minMac) ? String.valueOf((long) minMac) : String.valueOf(minMac)).put("collapse_mac", collapseMac).put("weights", weights);
        }
        progress.finish();
        timingSummary.lines().forEach(log);
        List<AssociationRun.FailedTrait> failedTraits = cohort.checkFailedTraits(result, log);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;

        log.accept(String.format(Locale.ROOT, "tested %d genes x %d trait(s) in %.2f s (%.2f s CPU): %.1f genes/s per trait",
                nGenes, traitData.size(), seconds, cpuSeconds, seconds > 0 ? nGenes * traitData.size() / seconds : 0));
        List<ResultRow> rows = scores != null ? result.rows() : GeneOmnibus.append(result.rows());
        ResultFile.write(out, rows, geneInfo);
        if (outFormat.equalsIgnoreCase("regenie")) {
            Map<String, Integer> sizes = new java.util.HashMap<>();
            for (TraitData t : traitData) sizes.put(t.name(), t.sampleCount());
            for (Path p : RegenieResultWriter.write(out, rows, loci::get, sizes::get, regenieHeader)) log.accept("wrote " + p);
        }
        if (singleVariant) {
            Path single = VariantRowWriters.path(out);
            VariantRowWriters.write(single, result.variantRows());
            log.accept(String.format(Locale.ROOT, "wrote %d single-variant rows to %s", result.variantRows().size(), single));
        }
        SignificanceTable<ResultRow> sig = new SignificanceTable<>(rows, ResultRow::phenotype, ResultRow::test, ResultRow::log10P, alpha);
        SummaryWriter.writeSummary(SummaryWriter.summaryPath(out), sig.summaries(), alpha);
        SummaryWriter.writeSignificantGenes(SummaryWriter.significantPath(out), sig.adjusted(), sig.summaries(), rows, geneInfo);
        SummaryWriter.writeSignificantPerTest(SummaryWriter.significantPerTestPath(out), sig.adjusted(), sig.summaries());
        List<AssociationRun.Skipped> skipped = new ArrayList<>(result.skipped());
        for (AssociationRun.FailedTrait f : failedTraits) {
            skipped.add(new AssociationRun.Skipped(f.phenotype(), "*", "trait not analysed: " + f.reason(), nGenes));
        }
        SummaryWriter.writeSkipped(SummaryWriter.skippedPath(out), skipped);
        settings.put("qt_transform", qtTransform).put("spa", !noSpa).put("firth_threshold", firthThreshold).put("alpha", alpha).put("n_genes", nGenes);
        settings.write(SettingsWriter.path(out), traitData);

        for (AssociationRun.Skipped s : result.skipped()) {
            log.accept(String.format("skipped: %s, mask %s: %d gene(s): %s", s.phenotype(), s.mask(), s.genes(), s.reason()));
        }
        for (TraitSummary s : sig.summaries()) {
            String unit = SummaryWriter.unit(s.test());
            log.accept(String.format(Locale.ROOT, "%s %s: %d %s, lambda %.3f, %d Bonferroni-significant, %d at FDR %s (over its %s)",
                    s.phenotype(), s.test(), s.nTests(), unit, s.lambda(), s.nBonferroni(), s.nBenjaminiHochberg(), alpha, unit));
        }
        for (TraitData t : traitData) {
            Map<String, Integer> units = new java.util.LinkedHashMap<>();
            for (ResultRow r : result.rows()) {
                if (r.phenotype().equals(t.name())) units.putIfAbsent(r.gene() + "\t" + r.mask(), r.nCarriers());
            }
            TraitChecks.fewCasesNote(t, List.copyOf(units.values()), Integer::intValue).ifPresent(log);
        }
        log.accept(String.format(Locale.ROOT, "wrote %d rows to %s", rows.size(), out));
        return 0;
    }

    /** Traits after --qt-transform; says so for each transformed trait. */
    private static List<TraitData> transform(List<TraitData> traits, QtTransform transform, java.util.function.Consumer<String> log) {
        List<TraitData> out = new ArrayList<>(traits.size());
        for (TraitData t : traits) {
            TraitData u = transform.apply(t);
            if (u != t) log.accept("trait " + t.name() + ": rank-based inverse normal transform (--qt-transform rint)");
            out.add(u);
        }
        return out;
    }

    private GeneInfo.Lookup geneInfo(AnnotationTable ann) {
        if (geneModel != null) return GeneInfoTable.fromGeneModel(GeneModelReader.read(geneModel), ann);
        return ann == null ? GeneInfo.Lookup.NONE : GeneInfoTable.fromAnnotations(ann);
    }

    private void writeBurdens(AnnotationTable ann, Weighting weighting, List<Mask> masks, List<String> samples, List<GeneVariants> genes,
                              Map<String, RegenieResultWriter.Locus> loci, java.util.function.Consumer<String> log) throws IOException {
        MaskBurdens burdens = new MaskBurdens(new MaskBuilder(ann, weighting, 0), regenieMasks.burden(), masks, samples);
        List<MaskBurdens.GeneMask> all = new ArrayList<>();
        for (GeneVariants g : genes) all.addAll(burdens.of(g));
        if (BurdenFiles.isBed(writeBurdens)) {
            BurdenFiles.writeBed(writeBurdens, samples, all, gene -> {
                RegenieResultWriter.Locus l = loci.get(gene);
                return l == null ? null : new BurdenFiles.Locus(l.chrom(), Math.max(0, l.pos()));
            });
            log.accept(String.format("wrote %d gene x mask burden(s) of %d samples to %s (.bim, .fam beside it)", all.size(), samples.size(), writeBurdens));
        } else {
            long rows = BurdenFiles.writeTable(writeBurdens, samples, all);
            log.accept(String.format("wrote %d gene x mask burden(s), %d non-zero or unknown sample burdens, to %s", all.size(), rows, writeBurdens));
        }
        burdens.skipped().forEach((what, count) -> log.accept(String.format("burdens: %d gene(s) without mask %s", count, what)));
    }

    private void checkOptions() {
        checkCommonOptions();
        checkGenotypeOptions();
    }

    private void checkCommonOptions() {
        if (writeBurdens != null) {
            if (scores != null) throw new InputException(null, null, "--write-burdens writes mask burdens; --scores has none", "leave out one of them");
            if (BurdenFiles.isBed(writeBurdens) && regenieMasks.burden() != IndicatorBurden.MAX) {
                throw new InputException(null, null, "a PLINK .bed holds burdens 0, 1, 2 only: --build-mask sum cannot be written to " + writeBurdens,
                        "write a .tsv or .parquet, or use --build-mask max (as REGENIE's --write-mask)");
            }
            String n = writeBurdens.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!(BurdenFiles.isBed(writeBurdens) || n.endsWith(".tsv") || n.endsWith(".tsv.gz") || n.endsWith(".parquet"))) {
                throw new InputException(writeBurdens.toString(), null, "unknown burden format", "name it .tsv, .tsv.gz, .parquet or .bed");
            }
        }
        if (!outFormat.equalsIgnoreCase("rareset") && !outFormat.equalsIgnoreCase("regenie")) {
            throw new InputException(null, null, "--out-format '" + outFormat + "' is not a results format", "use rareset or regenie");
        }
        if (!(alpha > 0 && alpha < 1)) throw new InputException(null, null, "--alpha " + alpha + " is outside (0, 1)", null);
        if (!(firthThreshold >= 0 && firthThreshold <= 1)) throw new InputException(null, null, "--firth-threshold " + firthThreshold + " is outside [0, 1]", null);
        if (!(minMac >= 0)) throw new InputException(null, null, "--min-mac " + minMac + " is negative", "use 0 to test every mask");
        try {
            QtTransform.parse(qtTransform);
        } catch (IllegalArgumentException e) {
            throw new InputException(null, null, "--qt-transform: " + e.getMessage(), "use none or rint");
        }
        if (geneModel != null && !java.nio.file.Files.isRegularFile(geneModel)) {
            throw InputException.of(geneModel, "not found", "give the gene model (BED, GTF or GFF3) used by rareset annotate");
        }
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!(name.endsWith(".tsv") || name.endsWith(".tsv.gz") || name.endsWith(".txt") || name.endsWith(".txt.gz") || name.endsWith(".parquet"))) {
            throw new InputException(out.toString(), null, "unknown output format", "name the output .tsv, .tsv.gz or .parquet");
        }
    }

    private void checkGenotypeOptions() {
        if (scores != null) {
            if (cohort.vcf != null || cohort.genotypeFiles.any() || cohort.store != null || maskFile != null || regenieMasks.given() || saigeGroups.given()) {
                throw new InputException(null, null, "--scores tests precomputed gene scores: leave out --vcf/--bfile/--bed/--bgen, --store and --masks", null);
            }
            if (singleVariant) {
                throw new InputException(null, null, "--single-variant tests variants, --scores gene scores", "leave out one of them");
            }
            return;
        }
        boolean regenie = regenieMasks.given();
        if (regenie && (maskFile != null || maxMaf != null)) {
            throw new InputException(null, null, "--masks/--max-maf and the REGENIE mask files both define masks", "give one of them; --aaf-bins sets REGENIE's frequency bins");
        }
        if (saigeGroups.given() && (maskFile != null || regenie)) {
            throw new InputException(null, null, "--group-file and --masks or the REGENIE mask files both define masks", "give one of them");
        }
        cohort.requireGenotypes(regenie || saigeGroups.given());
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
        if (scores == null && regenieMasks.given()) {
            IndicatorBurden b = regenieMasks.burden();
            if (!indicators.contains(b)) indicators.add(b);
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
