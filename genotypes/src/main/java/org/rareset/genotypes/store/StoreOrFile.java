package org.rareset.genotypes.store;

import java.nio.file.Path;
import org.rareset.core.InputException;
import org.rareset.genotypes.input.GenotypeFiles;
import org.rareset.genotypes.input.GenotypeInput;
import org.rareset.genotypes.input.GenotypeSources;
import org.rareset.genotypes.vcf.VariantSource;

/**
 * The one genotype source of a command that reads genotypes after ingest ({@code assoc},
 * {@code seed-genes}, {@code train}, {@code score}): a genotype store ({@code --store}) or one
 * genotype file ({@code --vcf}, or a PLINK/BGEN input), never both. Both give the same variants
 * and samples in the same order, so the commands' results do not depend on which one is read.
 *
 * @param vcf           {@code --vcf}, or null
 * @param store         {@code --store}, or null
 * @param genotypeFiles the PLINK/BGEN options
 */
public record StoreOrFile(Path vcf, Path store, GenotypeFiles genotypeFiles) {

    /** True when any genotype option is given. */
    public boolean any() {
        return vcf != null || store != null || genotypeFiles.any();
    }

    /**
     * The genotype file given; null when the genotypes come from the store.
     *
     * @throws InputException unless exactly one of the file options and {@code --store} is given
     */
    public GenotypeInput file() {
        GenotypeInput file = genotypeFiles.single(vcf, " or --store");
        if ((file == null) == (store == null)) {
            throw new InputException(null, null, "give genotypes with exactly one of --vcf, --bfile, --bed, --bgen or --store",
                    "for example --vcf cohort.vcf.gz");
        }
        return file;
    }

    /** The file named in messages: the genotype file (a PLINK fileset's .bed) or the store. */
    public Path path() {
        GenotypeInput file = file();
        return file != null ? file.file() : store;
    }

    /** Opens the source; the caller closes it. */
    public VariantSource open() {
        GenotypeInput file = file();
        return file != null ? GenotypeSources.open(file, genotypeFiles.importOptions()) : GenotypeStore.open(store);
    }
}
