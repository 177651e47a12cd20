package org.rareset.simulate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import org.rareset.core.InputException;

/**
 * Writes a synthetic cohort into a folder: {@code cohort.vcf.gz} (+ {@code .tbi}),
 * {@code genes.bed}, {@code annotations.tsv}, {@code pheno.tsv}, {@code covar.tsv},
 * {@code truth.tsv} and {@code causal_variants.tsv} (see {@link SimulationSummary} for the names).
 *
 * <p>Streaming: sites are generated one chromosome at a time, each site's genotypes drawn sparsely
 * (carriers only), written, and forgotten; memory holds the gene list, one chromosome's sites and
 * a few arrays per sample, never samples x variants. Each part draws from its own random stream
 * derived from the seed, so a seed always gives byte-identical files.
 */
public final class CohortSimulator {
    private final SimulationSettings settings;
    private final String commandLine;
    private NullReplicates nullReplicates;
    private CausalEffects effects = CausalEffects.DEFAULT;
    private boolean store;

    public CohortSimulator(SimulationSettings settings, String commandLine) {
        this.settings = settings.validate();
        this.commandLine = commandLine;
    }

    /** Also writes replicate null binary traits ({@link SimulationSummary#NULL_REPLICATES}). */
    public CohortSimulator withNullReplicates(NullReplicates replicates) {
        this.nullReplicates = replicates.validate(settings.samples());
        return this;
    }

    /** The causal-effect model of the genetic traits (default {@link CausalEffects#DEFAULT}). */
    public CohortSimulator withEffects(CausalEffects effects) {
        this.effects = effects.validate();
        return this;
    }

    /**
     * Writes the genotypes as a genotype store ({@link SimulationSummary#STORE}) instead of the VCF
     * and its index: for biobank-size cohorts, whose VCF would hold 4 bytes per sample per site.
     * The store is the one {@code rareset ingest} makes of the VCF of the same seed.
     */
    public CohortSimulator withStoreInsteadOfVcf() {
        this.store = true;
        return this;
    }

    /** Simulates into {@code folder}; {@code progress} receives the number of sites written so far. */
    public SimulationSummary run(Path folder, LongConsumer progress) throws IOException {
        long started = System.nanoTime();
        prepareFolder(folder);
        SimulationSettings s = settings;
        Genome genome = Genome.autosomes(s.chromosomes(), s.chrPrefix());
        List<SimGene> genes = GeneLayout.build(s, genome, Draws.stream(s.seed(), "genes"));
        List<String> samples = sampleNames(s.samples());
        TraitModel traits = new TraitModel(s, effects, genes, Draws.stream(s.seed(), "traits"));
        SiteGenerator sites = new SiteGenerator(s, Draws.stream(s.seed(), "sites"),
                new AnnotationModel(Draws.stream(s.seed(), "annotations")));
        SplittableRandom genotypeRng = Draws.stream(s.seed(), "genotypes");
        GenotypeSampler sampler = new GenotypeSampler(s.samples());

        long records = 0, alleles = 0, multi = 0, missing = 0, rows;
        long vcfBytes;
        try (StagedOutputs out = new StagedOutputs(folder)) {
            Path genotypesTmp = out.stage(store ? SimulationSummary.STORE : SimulationSummary.VCF);
            Path tbiTmp = store ? null : out.stage(SimulationSummary.TBI);
            writeGenes(out.stage(SimulationSummary.GENES), genes);
            SimulatedGenotypes genotypes = store ? new SimulatedStoreWriter(genotypesTmp, samples)
                    : new SimulatedVcfWriter(genotypesTmp, tbiTmp, samples, genome, s, commandLine);
            try (AnnotationTableWriter annotations = new AnnotationTableWriter(out.stage(SimulationSummary.ANNOTATIONS), genes)) {
                for (int c = 0; c < genome.size(); c++) {
                    List<SimGene> onContig = new ArrayList<>();
                    for (SimGene g : genes) if (g.contig() == c) onContig.add(g);
                    if (onContig.isEmpty()) continue;
                    for (SimSite site : sites.sites(genome.contigs().get(c), onContig)) {
                        sampler.sample(site, genotypeRng, s.missingRate());
                        genotypes.write(site, sampler);
                        annotations.write(site, sampler);
                        traits.accumulate(site, sampler);
                        records++;
                        alleles += site.alts().length;
                        if (site.alts().length > 1) multi++;
                        missing += sampler.missing;
                        if (progress != null && (records & 255) == 0) progress.accept(records);
                    }
                }
                rows = annotations.rows();
                genotypes.finish();
            } catch (IOException | RuntimeException e) {
                genotypes.abort();
                throw e;
            }
            vcfBytes = Files.size(genotypesTmp);
            TraitModel.Phenotypes pheno = traits.phenotypes(Draws.stream(s.seed(), "phenotypes"));
            TraitModel.writePhenotypes(out.stage(SimulationSummary.PHENOTYPES), samples, pheno);
            traits.writeCovariates(out.stage(SimulationSummary.COVARIATES), samples);
            traits.writeTruth(out.stage(SimulationSummary.TRUTH), pheno);
            traits.writeCausalVariants(out.stage(SimulationSummary.CAUSAL_VARIANTS));
            if (nullReplicates != null) {
                traits.writeNullReplicates(out.stage(SimulationSummary.NULL_REPLICATES), samples, nullReplicates,
                        Draws.stream(s.seed(), "null-replicates"));
            }
            out.commit();
        }
        if (progress != null) progress.accept(records);
        int cases = (int) Math.round(s.caseRate() * s.samples());
        return new SimulationSummary(folder, s.samples(), genes.size(), records, alleles, multi, missing, rows, cases,
                TraitModel.TRAITS, vcfBytes, (System.nanoTime() - started) / 1e9);
    }

    /** Roughly how many sites a run writes (planned sites; shared positions merge a few). */
    public long plannedSites() {
        if (settings.variants() > 0) return settings.variants();
        List<SimGene> genes = GeneLayout.build(settings, Genome.autosomes(settings.chromosomes(), settings.chrPrefix()),
                Draws.stream(settings.seed(), "genes"));
        long total = 0;
        for (SimGene g : genes) total += g.plannedVariants();
        return total;
    }

    private static void prepareFolder(Path folder) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw InputException.of(folder, "--out names a file, not a folder", "give a folder to write the cohort into");
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw InputException.of(folder, "cannot create the output folder: " + e.getMessage(), "check the path and permissions");
        }
        if (!Files.isWritable(folder)) {
            throw InputException.of(folder, "the output folder is not writable", "check its permissions or choose another --out");
        }
    }

    /** Sample names S000001, S000002... (wider when there are a million or more). */
    static List<String> sampleNames(int n) {
        int width = Math.max(6, Integer.toString(n).length());
        List<String> names = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            String d = Integer.toString(i);
            names.add("S" + "0".repeat(width - d.length()) + d);
        }
        return names;
    }

    /** genes.bed: {@code chrom start end gene_id gene_name strand}, 0-based half-open, sorted. */
    private static void writeGenes(Path file, List<SimGene> genes) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("#chrom\tstart\tend\tgene_id\tgene_name\tstrand\n");
            for (SimGene g : genes) {
                w.write(g.chrom() + "\t" + g.start0() + "\t" + g.end() + "\t" + g.id() + "\t" + g.name() + "\t" + g.strand() + "\n");
            }
        }
    }
}
