package org.rareset.association.run;

import java.nio.file.Path;
import java.util.List;
import org.rareset.core.table.DuplicateRows;
import org.rareset.core.table.MissingValues;
import org.rareset.genotypes.input.GenotypeFiles;
import org.rareset.genotypes.store.StoreOrFile;

/**
 * Where the cohort of an association analysis comes from, as given on the command line of
 * {@code assoc} and {@code seed-genes}: genotypes (a VCF/BCF, PLINK or BGEN file, or a genotype
 * store), annotations, phenotypes, covariates and the trait choices. {@link Cohort} reads them.
 *
 * @param vcf              {@code --vcf}, or null
 * @param store            {@code --store}, or null
 * @param genotypeFiles    the PLINK/BGEN options
 * @param annotations      {@code --annotations}, or null
 * @param duplicateRows    what to do with repeated annotation rows
 * @param pheno            the phenotype table
 * @param covar            the covariate table, or null
 * @param phenotypes       traits to analyse; null or empty for every phenotype column
 * @param traitType        {@code --trait-type} text ({@code binary}, {@code QT=quantitative,...}), or null
 * @param failOnTraitError stop at the first trait that cannot be analysed
 * @param missing          cell texts that mean "no value"
 */
public record CohortInputs(Path vcf, Path store, GenotypeFiles genotypeFiles, Path annotations, DuplicateRows duplicateRows,
                           Path pheno, Path covar, List<String> phenotypes, String traitType, boolean failOnTraitError,
                           MissingValues missing) {
    /** True when genotypes come from a file or a store (any of --vcf, --bfile, --bed, --bgen, --store). */
    public boolean anyGenotypes() {
        return genotypeSource().any();
    }

    /** The genotype options as one source: a file or the store, exactly one (checked when used). */
    public StoreOrFile genotypeSource() {
        return new StoreOrFile(vcf, store, genotypeFiles);
    }
}
