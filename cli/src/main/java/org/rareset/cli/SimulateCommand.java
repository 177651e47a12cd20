package org.rareset.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rareset.core.InputException;
import org.rareset.simulate.CausalEffects;
import org.rareset.simulate.CohortSimulator;
import org.rareset.simulate.NullReplicates;
import org.rareset.simulate.SimulationSettings;
import org.rareset.simulate.SimulationSummary;
import org.rareset.cli.options.RuntimeOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rareset simulate}: writes a synthetic cohort (VCF, genes, annotations, traits, truth). */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {
            "Write a synthetic cohort into a folder: cohort.vcf.gz (+ .tbi), genes.bed, annotations.tsv, "
                + "pheno.tsv (QT, BT, NULL_QT, NULL_BT), covar.tsv (age, sex, PC1..PC4), truth.tsv "
                + "(causal genes and their effects) and causal_variants.tsv (each causal allele's weight and effect).",
            "Most variants are seen once or a few times. QT and BT depend on a few causal genes through "
                + "their variants' annotations (pLoF fully, missense by its damage scores); the NULL traits "
                + "have no genetic part. The same --seed gives byte-identical files. See docs/simulate.md.",
            ""},
        footer = {"", "Examples:",
            "  rareset simulate --out cohort --samples 2000 --genes 200 --seed 1",
            "  # 100,000 samples x 20,000 variant sites, 5%% cases:",
            "  rareset simulate --out big --samples 100000 --genes 800 \\",
            "      --variants 20000 --case-rate 0.05",
            "  # contigs named 1..22, no missing calls, no multi-allelic records:",
            "  rareset simulate --out plain --samples 500 --genes 20 \\",
            "      --contig-style plain --missing-rate 0 --multiallelic-rate 0"})
public final class SimulateCommand implements Callable<Integer> {
    @Mixin RuntimeOptions runtime;
    @Spec CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write into (created if missing).")
    Path out;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "2000", description = "Number of samples (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--genes", paramLabel = "G", defaultValue = "200", description = "Number of genes (default: ${DEFAULT-VALUE}).")
    int genes;

    @Option(names = "--variants", paramLabel = "V", defaultValue = "0",
            description = "Total variant sites spread over the genes; 0 lets each gene draw 3..100 (default: ${DEFAULT-VALUE}).")
    int variants;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--case-rate", paramLabel = "R", defaultValue = "0.1", description = "Fraction of cases of the binary traits (default: ${DEFAULT-VALUE}).")
    double caseRate;

    @Option(names = "--chromosomes", paramLabel = "K", defaultValue = "22", description = "Autosomes carrying genes, 1..22 (default: ${DEFAULT-VALUE}).")
    int chromosomes;

    @Option(names = "--contig-style", defaultValue = "chr", paramLabel = "chr|plain",
            description = "Contig names chr1.. (chr) or 1.. (plain) (default: ${DEFAULT-VALUE}).")
    ContigStyle contigStyle;

    @Option(names = "--missing-rate", paramLabel = "RATE", defaultValue = "0.001",
            description = "Mean fraction of genotype calls written ./.; 0 for none (default: ${DEFAULT-VALUE}).")
    double missingRate;

    @Option(names = "--multiallelic-rate", paramLabel = "RATE", defaultValue = "0.01",
            description = "Fraction of records with two ALT alleles; 0 for none (default: ${DEFAULT-VALUE}).")
    double multiAllelicRate;

    @Option(names = "--causal-genes", paramLabel = "C", defaultValue = "5",
            description = "Causal genes per genetic trait (default: ${DEFAULT-VALUE}, or --genes when fewer).")
    int causalGenes;

    @Option(names = "--effect-size", paramLabel = "SD", defaultValue = "0.8",
            description = "Trait change, in noise standard deviations, per allele of a fully damaging variant in a causal gene (default: ${DEFAULT-VALUE}).")
    double effectSize;

    @Option(names = "--effect-model", paramLabel = "MODEL", defaultValue = "damage",
            description = "Per-variant weight of a causal gene's effect: 'damage' (the allele's hidden damage, which the "
                + "annotation scores read out with noise) or 'annotation' (a function of the written scores: 1 for pLoF, "
                + "else 0.5 logistic((CADD_PHRED - 20) / 2.5) + 0.5 alphamissense^2, times log-normal noise; rare alleles "
                + "only) (default: ${DEFAULT-VALUE}).")
    String effectModel;

    @Option(names = "--effect-noise", paramLabel = "SIGMA", defaultValue = "0",
            description = "With --effect-model annotation: log-scale sd of the mean-one log-normal noise on each "
                + "variant's weight (default: ${DEFAULT-VALUE}).")
    double effectNoise;

    @Option(names = "--gene-variance", paramLabel = "V", defaultValue = "0",
            description = "Rescale each causal gene's effect so its part of the trait has variance log-uniform on "
                + "[V/2, 2V] (noise variance 1), instead of --effect-size per allele; the knob of a benchmark's power "
                + "(default: ${DEFAULT-VALUE} = off).")
    double geneVariance;

    @Option(names = "--compression-level", paramLabel = "L", defaultValue = "1",
            description = "BGZF deflate level 0..9: 1 is fastest, 6 smallest among the usual (default: ${DEFAULT-VALUE}).")
    int compressionLevel;

    @Option(names = "--store",
            description = "Write the genotypes as a genotype store, cohort.rsg (the store 'rareset ingest' makes of the VCF "
                    + "of the same seed), instead of cohort.vcf.gz: for biobank-size cohorts, whose VCF holds 4 bytes per sample "
                    + "per site. Later steps read it with --store.")
    boolean store;

    @Option(names = "--null-replicates", paramLabel = "K", defaultValue = "0",
            description = "Also write null_bt.tsv with K replicate null binary traits per --null-prevalence (covariates only, no genetic part; for calibration studies; default: ${DEFAULT-VALUE} = none).")
    int nullReplicates;

    @Option(names = "--null-prevalence", paramLabel = "P", split = ",",
            description = "Prevalences of the replicate null binary traits, e.g. 0.01,0.03,0.1,0.3 (default: --case-rate). Columns are NBT<percent>_<k>.")
    List<Double> nullPrevalence;

    enum ContigStyle { chr, plain }

    @Override
    public Integer call() throws Exception {
        boolean causalGiven = spec.commandLine().getParseResult().hasMatchedOption("--causal-genes");
        int causal = causalGiven || genes < 1 ? causalGenes : Math.min(causalGenes, genes);
        SimulationSettings settings = new SimulationSettings(samples, genes, variants, seed, caseRate, chromosomes,
                contigStyle == ContigStyle.chr, missingRate, multiAllelicRate, causal, effectSize, compressionLevel,
                runtime.threads < 0 ? -1 : runtime.effectiveThreads());
        CausalEffects effects = new CausalEffects(effectModel(), geneVariance, effectNoise);
        CohortSimulator simulator = new CohortSimulator(settings, commandLine(causal, effects)).withEffects(effects);
        if (store) simulator.withStoreInsteadOfVcf();
        if (nullReplicates > 0 || nullPrevalence != null) {
            double[] prev = nullPrevalence == null ? new double[] {caseRate}
                    : nullPrevalence.stream().mapToDouble(Double::doubleValue).toArray();
            simulator.withNullReplicates(new NullReplicates(prev, nullReplicates));
        }
        PrintWriter err = spec.commandLine().getErr();
        boolean progress = runtime.showProgress();
        long planned = progress ? simulator.plannedSites() : 0;
        SimulationSummary s = simulator.run(out, progress ? done -> {
            err.printf(Locale.ROOT, "\rsimulate: %,d of ~%,d variant sites", done, planned);
            err.flush();
        } : null);
        if (progress) err.println();
        PrintWriter o = spec.commandLine().getOut();
        if (!runtime.quiet) {
            o.printf(Locale.ROOT, "Simulated %,d samples, %,d genes, %,d VCF records (%,d ALT alleles, %,d multi-allelic), "
                    + "%,d missing calls, %,d annotation rows in %.1f s%n",
                    s.samples(), s.genes(), s.records(), s.alleles(), s.multiAllelicRecords(), s.missingCalls(),
                    s.annotationRows(), s.seconds());
            o.printf(Locale.ROOT, "Traits %s (binary traits: %,d cases); causal genes in %s%n",
                    String.join(", ", s.traits()), s.cases(), out.resolve(SimulationSummary.TRUTH));
            o.printf(Locale.ROOT, "Wrote %s (%,d bytes)%s, %s, %s, %s, %s, %s, %s%s%n",
                    out.resolve(store ? SimulationSummary.STORE : SimulationSummary.VCF), s.vcfBytes(), store ? "" : " and its index", SimulationSummary.GENES, SimulationSummary.ANNOTATIONS, SimulationSummary.PHENOTYPES,
                    SimulationSummary.COVARIATES, SimulationSummary.TRUTH, SimulationSummary.CAUSAL_VARIANTS,
                    nullReplicates > 0 ? ", " + SimulationSummary.NULL_REPLICATES : "");
            o.flush();
        }
        return 0;
    }

    /**
     * The options as given, recorded in the VCF header so a file says how it was made. The null
     * replicates are left out: they do not change the VCF, which stays byte-identical with or without them.
     */
    private String commandLine(int causal, CausalEffects effects) {
        // The effect options are added only when set, so the default header stays as it was.
        String effectOptions = effects.equals(CausalEffects.DEFAULT) ? ""
                : String.format(Locale.ROOT, " --effect-model %s --effect-noise %s --gene-variance %s", effectModel, effectNoise, geneVariance);
        return String.format(Locale.ROOT,
                "rareset simulate --samples %d --genes %d --variants %d --seed %d --case-rate %s --chromosomes %d --contig-style %s"
                        + " --missing-rate %s --multiallelic-rate %s --causal-genes %d --effect-size %s --compression-level %d",
                samples, genes, variants, seed, caseRate, chromosomes, contigStyle, missingRate, multiAllelicRate, causal,
                effectSize, compressionLevel) + effectOptions;
    }

    private CausalEffects.Model effectModel() {
        return switch (effectModel) {
            case "damage" -> CausalEffects.Model.DAMAGE;
            case "annotation" -> CausalEffects.Model.ANNOTATION;
            default -> throw new InputException("--effect-model", null, "unknown model '" + effectModel + "'",
                    "use damage or annotation");
        };
    }
}
