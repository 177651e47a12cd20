package org.rareset.cli.options;

import java.nio.file.Path;
import org.rareset.genotypes.store.StoreOrFile;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where a command reads genotypes: one VCF/BCF ({@code --vcf}), PLINK or BGEN file
 * ({@link GenotypeFileOptions}), or a RareSet genotype store ({@code --store}, written once by
 * {@code rareset ingest}). Shared by {@code assoc}, {@code seed-genes}, {@code train} and
 * {@code score}, so the option names are the same everywhere. Options only: {@link StoreOrFile}
 * checks that exactly one source is given and opens it.
 */
public final class GenotypeSourceOptions {
    @Option(names = "--vcf", paramLabel = "FILE", description = "Genotypes: VCF or BCF (bgzipped or plain, optionally indexed).")
    public Path vcf;

    @Option(names = "--store", paramLabel = "FILE",
            description = "Genotypes: a RareSet genotype store (rareset ingest), read instead of decoding a genotype file again.")
    public Path store;

    @Mixin
    public GenotypeFileOptions genotypeFiles = new GenotypeFileOptions();

    /** The values given, as the genotypes module takes them. */
    public StoreOrFile source() {
        return new StoreOrFile(vcf, store, genotypeFiles.files());
    }
}
