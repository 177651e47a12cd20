package org.rareset.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.rareset.association.burden.BurdenFiles;
import org.rareset.association.run.AssociationJob;
import org.rareset.association.run.AssociationSettings;
import org.rareset.association.run.RegenieResultWriter;
import org.rareset.association.run.SaigeGeneTableWriter;
import org.rareset.association.run.SettingsWriter;
import org.rareset.association.run.SummaryWriter;
import org.rareset.association.run.VariantRowWriters;
import org.rareset.cli.files.FileCheck;
import org.rareset.cli.files.WritesFiles;
import org.rareset.cli.options.ChunkOptions;
import org.rareset.cli.options.CohortOptions;
import org.rareset.cli.options.RegenieMaskOptions;
import org.rareset.cli.options.RuntimeOptions;
import org.rareset.cli.options.SaigeGroupOptions;
import org.rareset.core.output.FileRoles;
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

    @Option(names = "--max-maf", split = ",", paramLabel = "MAF", description = "MAF limit(s); each threshold makes its own mask named <mask>.<maf> (default: 0.01, the largest of SAIGE-GENE+'s default cutoffs 0.0001,0.001,0.01: a gene-based test is a rare-variant test, and one common variant would otherwise carry the gene's p-value; REGENIE makes you choose with --aaf-bins, DeepRVAT uses 0.001). --max-maf 0.5 lifts the limit.")
    List<Double> maxMaf;

    @Option(names = "--min-mac", defaultValue = "5", paramLabel = "MAC", description = "Skip a gene x mask whose minor allele count (summed over its variants) is below this, counted in <out>.skipped.tsv (default: ${DEFAULT-VALUE}, REGENIE's --minMAC; 0 = test every mask).")
    double minMac;

    @Option(names = "--qt-transform", defaultValue = "none", paramLabel = "NAME", description = "Quantitative traits: none, or rint (rank-based inverse normal, REGENIE's --apply-rint: Phi^-1((rank - 3/8) / (n + 1/4)), ties share their mean rank), or quantile (DeepRVAT's quantile transform to a normal, as seed-genes uses). Default ${DEFAULT-VALUE}, as REGENIE: betas stay in trait units; use rint for skewed traits or outliers.")
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

    @Option(names = "--firth-threshold", defaultValue = "0.05", paramLabel = "P", description = "Binary traits: below this burden p, Firth regression gives the burden's beta (its p stays the SPA p; with --no-spa Firth gives beta, se and p, as REGENIE's --firth) (default ${DEFAULT-VALUE}, REGENIE's --pThresh; 0 = never).")
    double firthThreshold;

    @Option(names = "--no-spa", description = "Binary traits: no saddlepoint approximation for score tests.")
    boolean noSpa;

    @Option(names = "--skato-method", defaultValue = "optimal.adj", paramLabel = "METHOD", description = "How SKAT-O combines its rho grid: 'optimal.adj' (default; R SKAT's, as in REGENIE and SAIGE-GENE+: Liu moment-matched quantiles and a variance-adjusted remainder) or 'exact' (exact quantiles and the exact law of the SKAT statistic given the burden score; same per-rho p-values; about 7-25x the default's CPU per gene, 6 ms at 5 variants and 0.2 s at 205). See docs/association.md.")
    String skatoMethod;

    @Option(names = "--alpha", defaultValue = "0.05", paramLabel = "ALPHA", description = "Significance level for Bonferroni and Benjamini-Hochberg (default ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--scores", paramLabel = "FILE", description = "Test gene impairment scores (as rareset score writes them: the sparse 'kind gene sample score' or the dense long 'sample gene score', TSV or Parquet) instead of variants: one score test per gene, Bonferroni per trait.")
    Path scores;

    @Option(names = "--pred", paramLabel = "FILE", description = "REGENIE step-1 _pred.list: LOCO predictions used as null-model offsets (per chromosome).")
    Path pred;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Results: .tsv, .tsv.gz or .parquet.")
    Path out;

    @Option(names = "--write-burdens", paramLabel = "FILE", description = "Also write each sample's burden per gene x mask (--build-mask rule over all genotyped samples, unweighted, uncollapsed): a sparse table 'sample gene mask burden' (.tsv, .tsv.gz, .parquet) or, for a .bed name, PLINK PREFIX.bed/.bim/.fam with one pseudo-variant per gene x mask (REGENIE's --write-mask; max rule only).")
    Path writeBurdens;

    @Option(names = "--out-format", defaultValue = "rareset", paramLabel = "FORMAT", description = "'rareset' (default), 'regenie': also write <base>_<phenotype>.regenie (.regenie.gz with .gz results) in REGENIE's step-2 gene-test layout (CHROM GENPOS ID ALLELE0 ALLELE1 A1FREQ N TEST BETA SE CHISQ LOG10P EXTRA), or 'saige': also write <base>_<phenotype>.saige.txt (.gz with .gz results), SAIGE-GENE+'s gene table (Region Group max_MAF Pvalue Pvalue_Burden Pvalue_SKAT BETA_Burden SE_Burden MAC MAC_case MAC_control Number_rare Number_ultra_rare; Pvalue is SKAT-O's, a Cauchy line per gene).")
    String outFormat;

    @Override
    public java.util.Set<String> outputOptions() {
        return java.util.Set.of("--out", "--write-burdens");
    }

    @Override
    public void declareFiles(FileRoles files) {
        FileCheck.indexes(files, "index of --vcf", cohort.genotypeSource.vcf);
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
        if ("saige".equalsIgnoreCase(outFormat) && cohort.phenotypes != null) {
            for (String t : cohort.phenotypes) files.output("SAIGE-GENE+ table beside --out", SaigeGeneTableWriter.path(out, t));
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        new AssociationJob(settings(), msg -> { if (!runtime.quiet) { err.println("assoc: " + msg); err.flush(); } },
                runtime.showProgress() ? new Progress(err) : AssociationJob.Progress.NONE).run();
        return 0;
    }

    /** The run these options describe; other runners (the Spark runner) take the same options through this. */
    public AssociationSettings settings() {
        return new AssociationSettings(cohort.inputs(), regenieMasks.inputs(), saigeGroups.inputs(),
                maskFile, maxMaf, minMac, qtTransform, geneModel, collapseMac, weights, tests, singleVariant, firthThreshold,
                noSpa, alpha, scores, pred, out, writeBurdens, outFormat, runtime.effectiveThreads(), runtime.debug,
                chunk.chunk, skatoMethod);
    }

    /** Progress on a terminal only: genes done out of total. */
    static final class Progress implements AssociationJob.Progress {
        private final PrintWriter err;
        private volatile int total;
        private volatile long last;

        Progress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void start(int total) {
            this.total = total;
        }

        @Override
        public void update(int done) {
            long now = System.nanoTime();
            if (now - last < 500_000_000L && done < total) return;
            last = now;
            synchronized (err) {
                err.print("\rassoc: " + done + "/" + total + " genes");
                err.flush();
            }
        }

        @Override
        public void finish() {
            err.println();
            err.flush();
        }
    }
}
