package org.rareset.cli.options;

import java.nio.file.Path;
import org.rareset.core.InputException;
import org.rareset.genotypes.input.GenotypeInput;
import org.rareset.genotypes.input.GenotypeSources;
import org.rareset.genotypes.store.GenotypeStore;
import org.rareset.genotypes.vcf.VariantSource;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where a command reads genotypes: one VCF/BCF ({@code --vcf}), PLINK or BGEN file
 * ({@link GenotypeFileOptions}), or a RareSet genotype store ({@code --store}, written once by
 * {@code rareset ingest}). Shared by {@code assoc}, {@code seed-genes}, {@code train} and
 * {@code score}, so the option names and the rule "exactly one of them" are the same everywhere.
 */
public final class GenotypeSourceOptions {
    @Option(names = "--vcf", paramLabel = "FILE", description = "Genotypes: VCF or BCF (bgzipped or plain, optionally indexed).")
    public Path vcf;

    @Option(names = "--store", paramLabel = "FILE",
            description = "Genotypes: a RareSet genotype store (rareset ingest), read instead of decoding a genotype file again.")
    public Path store;

    @Mixin
    public GenotypeFileOptions genotypeFiles = new GenotypeFileOptions();

    /** True when any genotype option is given. */
    public boolean any() {
        return vcf != null || store != null || genotypeFiles.any();
    }

    /** The genotype file given (--vcf, --bfile, --bed or --bgen); null for a store. Checks the combination. */
    public GenotypeInput file() {
        GenotypeInput file = genotypeFiles.single(vcf, " or --store");
        if ((file == null) == (store == null)) {
            throw new InputException(null, null, "give genotypes with exactly one of --vcf, --bfile, --bed, --bgen or --store",
                    "for example --vcf cohort.vcf.gz");
        }
        return file;
    }

    /** The file named in messages: the genotype file or the store. */
    public Path path() {
        GenotypeInput file = file();
        return file != null ? file.file() : store;
    }

    /** Opens the one genotype source given; the caller closes it. */
    public VariantSource open() {
        GenotypeInput file = file();
        return file != null ? GenotypeSources.open(file, genotypeFiles.importOptions()) : GenotypeStore.open(store);
    }
}
