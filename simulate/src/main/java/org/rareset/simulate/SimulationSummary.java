package org.rareset.simulate;

import java.nio.file.Path;
import java.util.List;

/** What {@link CohortSimulator} wrote, for the command's report and for tests. */
public record SimulationSummary(Path folder, int samples, int genes, long records, long alleles,
                                long multiAllelicRecords, long missingCalls, long annotationRows,
                                int cases, List<String> traits, long vcfBytes, double seconds) {

    /** Output file names, in the order they are written. */
    public static final String VCF = "cohort.vcf.gz";
    public static final String TBI = "cohort.vcf.gz.tbi";
    /** The genotypes as a store, in place of the VCF and its index ({@link CohortSimulator#withStoreInsteadOfVcf}). */
    public static final String STORE = "cohort.rsg";
    public static final String GENES = "genes.bed";
    public static final String ANNOTATIONS = "annotations.tsv";
    public static final String PHENOTYPES = "pheno.tsv";
    public static final String COVARIATES = "covar.tsv";
    public static final String TRUTH = "truth.tsv";
    /** Per causal gene and ALT allele: its weight and effect per copy ({@link CausalEffects}). */
    public static final String CAUSAL_VARIANTS = "causal_variants.tsv";
    /** Replicate null binary traits, written only when asked for ({@link NullReplicates}). */
    public static final String NULL_REPLICATES = "null_bt.tsv";
}
