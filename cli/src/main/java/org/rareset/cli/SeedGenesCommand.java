package org.rareset.cli;

import org.rareset.cli.files.FileCheck;
import org.rareset.cli.files.WritesFiles;
import org.rareset.core.output.FileRoles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.rareset.core.InputException;
import org.rareset.association.input.AnnotationTable;
import org.rareset.association.input.QtTransform;
import org.rareset.association.input.TraitData;
import org.rareset.association.mask.MaskBuilder;
import org.rareset.association.run.AssociationRun;
import org.rareset.association.run.Cohort;
import org.rareset.core.formats.PValueFormat;
import org.rareset.association.seed.SeedGeneDiscovery;
import org.rareset.association.seed.SeedGeneRules;
import org.rareset.association.seed.SeedGeneSelector;
import org.rareset.cli.options.CohortOptions;
import org.rareset.cli.options.RuntimeOptions;
import org.rareset.core.output.OutputFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rareset seed-genes}: seed genes for training gene impairment scores, by DeepRVAT's rules. */
@Command(name = "seed-genes", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Choose seed genes per trait for training gene impairment scores, by DeepRVAT's rules (docs/seed-genes.md): quantitative traits quantile-transformed to a normal; pLoF and missense masks on variants with 0 < MAF < --rare-maf, weights sqrt(Beta(MAF; 1, 25)) (pLoF variants weigh 1); burden (sum) and SKAT (variants with MAC <= --skat-collapse-mac collapsed into one); the four tables pooled per trait.",
                "",
                "A gene x mask x test row is a candidate when it has --min-variants to --max-variants variants, an expected allele count (EAC = MAC/2, or MAC x cases / 2N for a binary trait) above --min-eac, and at least --min-carriers carriers. Bonferroni over a trait's candidate rows at --alpha; every significant gene, or the --min-genes best-ranked when fewer are significant; at most --max-genes.",
                "",
                "DeepRVAT's EAC > 50 suits cohorts of 100,000 samples and more: on a few thousand samples no gene reaches it, so lower --min-eac there (the demo uses 1). A trait left without seed genes is named with its largest EAC; no seed gene for any trait is an error.",
                "",
                "Writes a TSV: phenotype gene neg_log10p pval pval_corrected mask test n_variants mac n_carriers eac bonferroni rank (neg_log10p = -log10 p; pval_corrected = min(1, p m)).",
                ""},
        footer = {"", "Examples:",
                "  rareset seed-genes --vcf cohort.vcf.gz --annotations annotations.tsv --pheno pheno.tsv \\",
                "      --covar covar.tsv --phenotypes QT,BT --out seed_genes.tsv",
                "  rareset seed-genes --store cohort.rsg --annotations annotations.tsv --pheno pheno.tsv \\",
                "      --covar covar.tsv --phenotypes QT,BT --min-eac 1 --out seed_genes.tsv"})
public final class SeedGenesCommand implements Callable<Integer>, WritesFiles {
    @Mixin RuntimeOptions runtime;
    @Mixin CohortOptions cohort;
    @Spec CommandSpec spec;

    @Option(names = "--plof-column", defaultValue = "is_plof", paramLabel = "NAME", description = "Annotation column flagging pLoF variants with 1 (default: ${DEFAULT-VALUE}).")
    String plofColumn;

    @Option(names = "--missense-column", defaultValue = "Consequence_missense_variant", paramLabel = "NAME", description = "Annotation column flagging missense variants with 1 (default: ${DEFAULT-VALUE}).")
    String missenseColumn;

    @Option(names = "--rare-maf", defaultValue = "0.001", paramLabel = "MAF", description = "Masks keep variants with 0 < MAF < this, MAF in the trait's analysed samples (default: ${DEFAULT-VALUE}, DeepRVAT's rare_maf).")
    double rareMaf;

    @Option(names = "--qt-transform", defaultValue = "quantile", paramLabel = "NAME", description = "Quantitative traits before testing: quantile (DeepRVAT's quantile transform to a normal), rint (REGENIE's rank-based inverse normal) or none (default: ${DEFAULT-VALUE}). Binary traits are never transformed.")
    String qtTransform;

    @Option(names = "--skat-collapse-mac", defaultValue = "10", paramLabel = "MAC", description = "SKAT collapses the variants with MAC <= this into one column of per-sample maxima; burden never collapses (default: ${DEFAULT-VALUE}, DeepRVAT's test_config min_mac; 0 = no collapsing).")
    int skatCollapseMac;

    @Option(names = "--min-variants", defaultValue = "1", paramLabel = "N", description = "A gene x mask needs at least this many variants (default: ${DEFAULT-VALUE}, as DeepRVAT).")
    int minVariants;

    @Option(names = "--max-variants", defaultValue = "4999", paramLabel = "N", description = "and at most this many (default: ${DEFAULT-VALUE}: DeepRVAT tests fewer than max_n_markers 5000).")
    int maxVariants;

    @Option(names = "--min-eac", defaultValue = "50", paramLabel = "EAC", description = "A row is a candidate only when its expected allele count is above this (default: ${DEFAULT-VALUE}, DeepRVAT's EAC > 50; lower it for cohorts under about 100,000 samples; 0 = any).")
    double minEac;

    @Option(names = "--min-carriers", defaultValue = "2", paramLabel = "N", description = "A row is a candidate only when at least this many samples carry a variant of its mask (default: ${DEFAULT-VALUE}: a single-carrier gene is never a seed gene; not a DeepRVAT rule, whose EAC > 50 implies it).")
    int minCarriers;

    @Option(names = "--alpha", defaultValue = "0.05", paramLabel = "ALPHA", description = "Bonferroni level over a trait's pooled candidate rows: significant when p x m < alpha (default: ${DEFAULT-VALUE}, DeepRVAT's alpha_seed_genes).")
    double alpha;

    @Option(names = "--min-genes", defaultValue = "3", paramLabel = "N", description = "At least this many genes per trait, the best-ranked when fewer are significant (default: ${DEFAULT-VALUE}, DeepRVAT's min_seed_genes).")
    int minGenes;

    @Option(names = "--max-genes", defaultValue = "0", paramLabel = "N", description = "At most this many genes per trait, the best-ranked (default: ${DEFAULT-VALUE} = no limit, as DeepRVAT's max_seed_genes None).")
    int maxGenes;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Seed genes, TSV.")
    Path out;


    @Override
    public void declareFiles(FileRoles files) {
        FileCheck.indexes(files, "index of --vcf", cohort.genotypeSource.vcf);
        files.output("--out", out);
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Consumer<String> log = msg -> { if (!runtime.quiet) { err.println("seed-genes: " + msg); err.flush(); } };
        SeedGeneRules rules = new SeedGeneRules(rareMaf, skatCollapseMac, minVariants, maxVariants, minEac, minCarriers, alpha, minGenes, maxGenes);
        QtTransform transform = parseTransform();
        Cohort cohortData = new Cohort(cohort.inputs());
        cohortData.requireGenotypes();
        cohortData.readSampleTables();
        AnnotationTable ann = cohortData.readAnnotations();
        Cohort.Genotypes genotypes = cohortData.readGenotypes(ann, log);
        List<TraitData> traits = cohortData.buildTraits(genotypes.samples(), log);
        SeedGeneDiscovery.Result result = new SeedGeneDiscovery(rules, transform, runtime.effectiveThreads(), cohort.failOnTraitError)
                .run(traits, genotypes.genes(), ann, plofColumn, missenseColumn, log);
        cohortData.checkFailedTraits(result.association(), log);
        for (AssociationRun.Skipped s : result.association().skipped()) {
            // the seed masks' frequency limit is --rare-maf, not assoc's options that the shared reason names
            String reason = s.reason().equals(MaskBuilder.Skip.ABOVE_MAX_MAF.reason)
                    ? "every variant in the mask has MAF at or above --rare-maf " + rareMaf : s.reason();
            log.accept(String.format("%s, mask %s: %d gene(s) not tested: %s", s.phenotype(), s.mask(), s.genes(), reason));
        }
        List<SeedGeneSelector.SeedGene> seeds = result.selection().genes();
        List<String> empty = new ArrayList<>();
        for (SeedGeneSelector.TraitSummary t : result.selection().summaries()) {
            log.accept(summary(t));
            if (t.chosen() == 0) empty.add(t.phenotype() + " (" + noSeedReason(t) + ")");
        }
        if (seeds.isEmpty()) {
            throw new InputException(null, null, "no seed genes for any trait: " + String.join("; ", empty),
                    "lower --min-eac for a cohort of this size (DeepRVAT's 50 suits 100,000 samples and more)");
        }
        for (String e : empty) log.accept("no seed genes for " + e + "; train cannot use this trait");
        OutputFiles.write(out, tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write("phenotype\tgene\tneg_log10p\tpval\tpval_corrected\tmask\ttest\tn_variants\tmac\tn_carriers\teac\tbonferroni\trank\n");
                for (SeedGeneSelector.SeedGene g : seeds) {
                    w.write(g.phenotype() + "\t" + g.gene() + "\t" + PValueFormat.negLog10(g.log10P()) + "\t"
                            + PValueFormat.format(g.log10P(), 6) + "\t" + PValueFormat.format(g.log10PCorrected(), 6)
                            + "\t" + g.mask() + "\t" + g.test() + "\t" + g.nVariants()
                            + "\t" + PValueFormat.number(g.mac()) + "\t" + g.nCarriers() + "\t" + sixDigits(g.eac())
                            + "\t" + (g.bonferroni() ? 1 : 0) + "\t" + g.rank() + "\n");
                }
            }
        });
        log.accept("wrote " + out);
        return 0;
    }

    /** At most six significant digits: EAC is a product of counts and frequencies, its last bits are noise. */
    private static String sixDigits(double v) {
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    private QtTransform parseTransform() {
        try {
            return QtTransform.parse(qtTransform);
        } catch (IllegalArgumentException e) {
            throw new InputException(null, null, "--qt-transform: " + e.getMessage(), "use quantile, rint or none");
        }
    }

    /** One line per trait: how many rows each rule removed, m, and what was chosen. */
    private static String summary(SeedGeneSelector.TraitSummary t) {
        return String.format(Locale.ROOT, "%s: %d rows; removed: %d without p-value, %d outside the variant-count limits, %d with EAC at or below --min-eac, "
                        + "%d with fewer than --min-carriers carriers; %d candidates (Bonferroni m), %d significant gene(s), %d seed gene(s)",
                t.phenotype(), t.rows(), t.noPValue(), t.variantCount(), t.lowEac(), t.fewCarriers(), t.pooled(), t.significantGenes(), t.chosen());
    }

    private static String noSeedReason(SeedGeneSelector.TraitSummary t) {
        if (t.rows() == 0) return "no gene x mask could be tested";
        if (t.pooled() == 0 && t.lowEac() > 0) {
            return String.format(Locale.ROOT, "no row above the EAC limit; the largest EAC is %s (%s)", sixDigits(t.largestEac()), t.largestEacGene());
        }
        return "no candidate row";
    }
}
