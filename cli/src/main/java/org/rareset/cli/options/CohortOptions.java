package org.rareset.cli.options;

import java.nio.file.Path;
import java.util.List;
import org.rareset.association.run.Cohort;
import org.rareset.association.run.CohortInputs;
import org.rareset.core.table.DuplicateRows;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The inputs of an association analysis, shared by {@code assoc} and {@code seed-genes}:
 * genotypes (VCF/BCF, PLINK, BGEN or store), annotations, phenotypes, covariates and trait choices.
 * Options only: {@link Cohort} reads them.
 */
public final class CohortOptions {
    @Mixin
    public GenotypeSourceOptions genotypeSource = new GenotypeSourceOptions();

    @Option(names = "--annotations", paramLabel = "FILE", description = "Variant annotations (TSV/CSV/Parquet): chrom pos ref alt gene (or gene_id) and annotation columns.")
    public Path annotations;

    @Option(names = DuplicateRows.OPTION, defaultValue = "error", paramLabel = "RULE", description = DuplicateRows.HELP)
    public DuplicateRows duplicateRows = DuplicateRows.ERROR;

    @Option(names = "--pheno", required = true, paramLabel = "FILE", description = "Phenotypes (TSV/CSV/Parquet) with a 'sample' column or PLINK 'FID IID' columns.")
    public Path pheno;

    @Option(names = "--covar", paramLabel = "FILE", description = "Covariates, same layout; all columns are used (an intercept is added).")
    public Path covar;

    @Option(names = "--phenotypes", split = ",", paramLabel = "NAME", description = "Traits to analyse (default: every phenotype column).")
    public List<String> phenotypes;

    @Option(names = "--trait-type", paramLabel = "TYPE", description = "Override detection (a trait with two values is binary): 'binary' or 'quantitative' for all traits, or per trait 'QT=quantitative,BT=binary'.")
    public String traitType;

    @Option(names = "--fail-on-trait-error", description = "Stop at the first trait that cannot be analysed (constant, no cases, "
            + "a null model that does not converge, ...). By default such a trait is reported and left out, and the others are "
            + "analysed; the command fails only when no trait can be analysed.")
    public boolean failOnTraitError;

    @Mixin
    public MissingOptions missing = new MissingOptions();

    /** The values given, as the association module reads them ({@link Cohort}). */
    public CohortInputs inputs() {
        return new CohortInputs(genotypeSource.vcf, genotypeSource.store, genotypeSource.genotypeFiles.files(), annotations, duplicateRows, pheno, covar, phenotypes, traitType,
                failOnTraitError, missing.values());
    }
}
