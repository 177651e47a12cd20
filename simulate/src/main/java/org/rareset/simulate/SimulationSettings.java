package org.rareset.simulate;

import org.rareset.core.InputException;

/**
 * What to simulate. {@code variants} 0 means "as the gene sizes fall" (each gene draws 3..100
 * variant sites, log-uniformly); a positive value spreads exactly that many sites over the genes.
 *
 * @param samples          number of samples (columns S000001...)
 * @param genes            number of genes
 * @param variants         total variant sites wanted, or 0 for the natural gene sizes
 * @param seed             random seed; the same seed gives byte-identical files
 * @param caseRate         fraction of cases of the binary traits (met exactly, by a liability threshold)
 * @param chromosomes      how many autosomes (1..22, hg38 lengths) carry the genes
 * @param chrPrefix        contigs named {@code chr1} (true) or {@code 1} (false)
 * @param missingRate      mean fraction of genotype calls written as {@code ./.}; 0 turns them off
 * @param multiAllelicRate fraction of records with two ALT alleles; 0 turns them off
 * @param causalGenes      causal genes per genetic trait
 * @param effectSize       trait change (in residual standard deviations) per allele of a fully damaging variant in a causal gene
 * @param compressionLevel deflate level of the BGZF blocks (0..9)
 * @param threads          threads compressing BGZF blocks
 */
public record SimulationSettings(int samples, int genes, int variants, long seed, double caseRate,
                                 int chromosomes, boolean chrPrefix, double missingRate,
                                 double multiAllelicRate, int causalGenes, double effectSize,
                                 int compressionLevel, int threads) {

    public static final int MIN_GENE_VARIANTS = 3;
    public static final int MAX_GENE_VARIANTS = 100;
    public static final int MAX_SAMPLES = 10_000_000;
    public static final int MAX_GENES = 1_000_000;

    /** Defaults for everything but the size, seed and case rate. */
    public static SimulationSettings of(int samples, int genes, long seed, double caseRate) {
        return new SimulationSettings(samples, genes, 0, seed, caseRate, 22, true, 0.001, 0.01, Math.min(5, genes), 0.8, 1,
                Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    public SimulationSettings withVariants(int v) {
        return new SimulationSettings(samples, genes, v, seed, caseRate, chromosomes, chrPrefix, missingRate,
                multiAllelicRate, causalGenes, effectSize, compressionLevel, threads);
    }

    public SimulationSettings withThreads(int t) {
        return new SimulationSettings(samples, genes, variants, seed, caseRate, chromosomes, chrPrefix, missingRate,
                multiAllelicRate, causalGenes, effectSize, compressionLevel, t);
    }

    /** Checks every value before any work starts; each problem names its option. */
    public SimulationSettings validate() {
        require(samples >= 1, "--samples", "must be at least 1 (got " + samples + ")", "give the number of samples to simulate, e.g. --samples 2000");
        require(samples <= MAX_SAMPLES, "--samples", "at most " + MAX_SAMPLES + " (got " + samples + ")",
                "each VCF line holds 4 bytes per sample; simulate larger cohorts in parts");
        require(genes <= MAX_GENES, "--genes", "at most " + MAX_GENES + " (got " + genes + ")", "the autosomes hold a million simulated genes at most");
        require(genes >= 1, "--genes", "must be at least 1 (got " + genes + ")", "give the number of genes, e.g. --genes 200");
        require(variants == 0 || variants >= genes, "--variants",
                "must be 0 (natural gene sizes) or at least --genes (" + genes + "), got " + variants, "each gene needs at least one variant site");
        require(variants <= (long) genes * 10_000, "--variants", "more than 10,000 sites per gene (got " + variants + ")", "raise --genes");
        require(caseRate > 0 && caseRate < 1, "--case-rate", "must lie strictly between 0 and 1 (got " + caseRate + ")", "e.g. --case-rate 0.1");
        require(Math.round(caseRate * samples) >= 1 && Math.round(caseRate * samples) < samples, "--case-rate",
                "gives " + Math.round(caseRate * samples) + " cases among " + samples + " samples", "a binary trait needs both cases and controls: raise --samples or change --case-rate");
        require(chromosomes >= 1 && chromosomes <= 22, "--chromosomes", "must be 1..22 (got " + chromosomes + ")", "genes go on autosomes chr1..chr22");
        require(missingRate >= 0 && missingRate <= 0.5, "--missing-rate", "must be 0..0.5 (got " + missingRate + ")", "0 writes no missing calls");
        require(multiAllelicRate >= 0 && multiAllelicRate <= 0.5, "--multiallelic-rate", "must be 0..0.5 (got " + multiAllelicRate + ")", "0 writes only biallelic records");
        require(causalGenes >= 0 && causalGenes <= genes, "--causal-genes",
                "must be 0..--genes (" + genes + "), got " + causalGenes, "causal genes are drawn from the simulated genes");
        require(Double.isFinite(effectSize) && effectSize >= 0, "--effect-size", "must be a finite number >= 0 (got " + effectSize + ")", "e.g. --effect-size 0.8");
        require(compressionLevel >= 0 && compressionLevel <= 9, "--compression-level", "must be 0..9 (got " + compressionLevel + ")", "1 is fastest, 6 is bgzip's default");
        require(threads >= 1, "--threads", "must be at least 1 (got " + threads + ")", "0 on the command line means all cores");
        return this;
    }

    private static void require(boolean ok, String option, String problem, String hint) {
        if (!ok) throw new InputException(option, null, problem, hint);
    }
}
