package org.rareset.cli;

import org.rareset.cli.files.FileCheck;
import org.rareset.cli.files.WritesFiles;
import org.rareset.core.output.FileRoles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.rareset.core.InputException;
import org.rareset.association.input.AnnotationTable;
import org.rareset.association.input.TraitData;
import org.rareset.association.mask.MaskBuilder;
import org.rareset.association.run.AssociationRun;
import org.rareset.association.run.Cohort;
import org.rareset.core.formats.PValueFormat;
import org.rareset.association.seed.SeedGeneSelector;
import org.rareset.association.gene.TestOptions;
import org.rareset.cli.options.CohortOptions;
import org.rareset.cli.options.RuntimeOptions;
import org.rareset.core.output.OutputFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rareset seed-genes}: DeepRVAT-style seed genes for training gene impairment scores. */
@Command(name = "seed-genes", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Choose seed genes per trait for training gene impairment scores, as DeepRVAT does: pLoF and missense masks x burden and SKAT tests on variants with 0 < MAF < 0.001, weights sqrt(Beta(MAF; 1, 25)) (pLoF variants weigh 1), Bonferroni over the pooled results at --alpha, and at least --min-genes genes per trait (the best-ranked ones when fewer pass).",
                "",
                "A gene x mask with fewer than --min-mac minor alleles is not tested, so a gene is never chosen on a handful of carriers.",
                "",
                "Writes a TSV: phenotype gene neg_log10p pval mask test n_variants mac bonferroni rank (neg_log10p = -log10 p).",
                ""},
        footer = {"", "Examples:",
                "  rareset seed-genes --vcf cohort.vcf.gz --annotations annotations.tsv --pheno pheno.tsv \\",
                "      --covar covar.tsv --phenotypes QT,BT --out seed_genes.tsv",
                "  rareset seed-genes --store cohort.rsg --annotations annotations.tsv --pheno pheno.tsv \\",
                "      --covar covar.tsv --phenotypes QT,BT --out seed_genes.tsv"})
public final class SeedGenesCommand implements Callable<Integer>, WritesFiles {
    @Mixin RuntimeOptions runtime;
    @Mixin CohortOptions cohort;
    @Spec CommandSpec spec;

    @Option(names = "--plof-column", defaultValue = "is_plof", paramLabel = "NAME", description = "Annotation column flagging pLoF variants with 1 (default: ${DEFAULT-VALUE}).")
    String plofColumn;

    @Option(names = "--missense-column", defaultValue = "Consequence_missense_variant", paramLabel = "NAME", description = "Annotation column flagging missense variants with 1 (default: ${DEFAULT-VALUE}).")
    String missenseColumn;

    @Option(names = "--alpha", defaultValue = "0.05", paramLabel = "ALPHA", description = "Bonferroni level over the pooled tests of a trait (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--min-genes", defaultValue = "3", paramLabel = "N", description = "At least this many genes per trait (default: ${DEFAULT-VALUE}).")
    int minGenes;

    @Option(names = "--min-mac", defaultValue = "5", paramLabel = "MAC", description = "Skip a gene x mask whose minor allele count is below this (default: ${DEFAULT-VALUE}, as rareset assoc and REGENIE's --minMAC; 0 = none).")
    double minMac;

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
        if (!(alpha > 0 && alpha < 1)) throw new InputException(null, null, "--alpha " + alpha + " is outside (0, 1)", null);
        if (minGenes < 0) throw new InputException(null, null, "--min-genes " + minGenes + " is negative", null);
        if (!(minMac >= 0)) throw new InputException(null, null, "--min-mac " + minMac + " is negative", "use 0 to test every mask");
        Cohort cohortData = new Cohort(cohort.inputs());
        cohortData.requireGenotypes();
        cohortData.readSampleTables();
        AnnotationTable ann = cohortData.readAnnotations();
        var masks = SeedGeneSelector.masks(ann, plofColumn, missenseColumn);
        Cohort.Genotypes genotypes = cohortData.readGenotypes(ann, log);
        List<TraitData> traits = cohortData.buildTraits(genotypes.samples(), log);
        AssociationRun run = new AssociationRun(new AssociationRun.Settings(SeedGeneSelector.tests(), TestOptions.defaults(), masks,
                new MaskBuilder(ann, SeedGeneSelector.weighting(ann, plofColumn), 0, minMac), runtime.effectiveThreads(), null))
                .stopOnFailedTrait(cohort.failOnTraitError);
        AssociationRun.Result result = run.run(traits, genotypes.genes(), done -> { });
        cohortData.checkFailedTraits(result, log);
        for (AssociationRun.Skipped s : result.skipped()) {
            log.accept(String.format("%s, mask %s: %d gene(s) skipped: %s", s.phenotype(), s.mask(), s.genes(), s.reason()));
        }
        List<SeedGeneSelector.SeedGene> seeds = new SeedGeneSelector(alpha, minGenes).select(result.rows());
        OutputFiles.write(out, tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write("phenotype\tgene\tneg_log10p\tpval\tmask\ttest\tn_variants\tmac\tbonferroni\trank\n");
                for (SeedGeneSelector.SeedGene g : seeds) {
                    w.write(g.phenotype() + "\t" + g.gene() + "\t" + PValueFormat.negLog10(g.log10P()) + "\t"
                            + PValueFormat.format(g.log10P(), 6) + "\t" + g.mask() + "\t" + g.test() + "\t" + g.nVariants()
                            + "\t" + PValueFormat.number(g.mac())
                            + "\t" + (g.bonferroni() ? 1 : 0) + "\t" + g.rank() + "\n");
                }
            }
        });
        for (TraitData t : traits) {
            if (result.failedTraits().stream().anyMatch(f -> f.phenotype().equals(t.name()))) continue;
            long n = seeds.stream().filter(g -> g.phenotype().equals(t.name())).count();
            long sig = seeds.stream().filter(g -> g.phenotype().equals(t.name()) && g.bonferroni()).count();
            log.accept(String.format(Locale.ROOT, "%s: %d seed genes (%d Bonferroni-significant)", t.name(), n, sig));
        }
        log.accept("wrote " + out);
        return 0;
    }
}
