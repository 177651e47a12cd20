package org.rareset.genotypes;

import java.util.List;
import org.rareset.genotypes.bgen.BgenVariantSource;
import org.rareset.genotypes.input.GenotypeInput;
import org.rareset.genotypes.input.ImportOptions;
import org.rareset.genotypes.plink.BedVariantSource;
import org.rareset.genotypes.vcf.GenotypeFileSource;
import org.rareset.genotypes.vcf.VcfReadOptions;
import org.rareset.genotypes.vcf.VcfVariantSource;

/** Opens a {@link GenotypeInput} with the reader of its format. */
public final class GenotypeSources {
    private GenotypeSources() {}

    /**
     * @param read    regions and samples, as for a VCF
     * @param options allele order, sample-id rule and hard-call threshold (PLINK and BGEN only)
     * @param threads threads inflating BGZF (VCF) or decoding blocks (BGEN)
     */
    public static GenotypeFileSource open(GenotypeInput input, VcfReadOptions read, ImportOptions options, int threads) {
        return switch (input.format()) {
            case VCF -> VcfVariantSource.open(input.file(), read, threads);
            case PLINK -> BedVariantSource.open(input, read, options);
            case BGEN -> BgenVariantSource.open(input, read, options, threads);
        };
    }

    /**
     * The samples {@link #open} would give (after {@code read}'s subset), reading no more than names
     * them where the format allows: a PLINK fileset's .fam, not its .bim (VCF and BGEN: the header,
     * which opening reads first).
     */
    public static List<String> samples(GenotypeInput input, VcfReadOptions read, ImportOptions options) {
        if (input.format() == GenotypeInput.Format.PLINK) return BedVariantSource.samples(input, read, options);
        try (GenotypeFileSource source = open(input, read, options, 1)) {
            return source.samples();
        }
    }

    /** The whole input, every sample, with two inflating threads at most. */
    public static GenotypeFileSource open(GenotypeInput input, ImportOptions options) {
        return open(input, VcfReadOptions.all(), options, Math.min(2, Runtime.getRuntime().availableProcessors()));
    }
}
