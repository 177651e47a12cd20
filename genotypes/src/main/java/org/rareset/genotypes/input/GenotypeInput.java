package org.rareset.genotypes.input;

import java.nio.file.Path;
import org.rareset.core.InputException;

/**
 * One genotype input named on the command line: a VCF/BCF, a PLINK 1 binary fileset
 * ({@code .bed} + {@code .bim} + {@code .fam}), or a BGEN file with an optional {@code .sample}.
 *
 * @param format which reader opens it
 * @param file   the VCF/BCF, the .bed or the .bgen (the file named in messages)
 * @param bim    the .bim (PLINK only)
 * @param fam    the .fam (PLINK only)
 * @param sample the .sample file (BGEN only; null to use the ids stored in the BGEN)
 */
public record GenotypeInput(Format format, Path file, Path bim, Path fam, Path sample) {
    /** The genotype file formats RareSet reads. */
    public enum Format { VCF, PLINK, BGEN }

    public static GenotypeInput vcf(Path vcf) {
        return new GenotypeInput(Format.VCF, vcf, null, null, null);
    }

    /** {@code PREFIX.bed}, {@code PREFIX.bim}, {@code PREFIX.fam} (plink's {@code --bfile}). */
    public static GenotypeInput bfile(String prefix) {
        return plink(Path.of(prefix + ".bed"), Path.of(prefix + ".bim"), Path.of(prefix + ".fam"));
    }

    /**
     * An explicit fileset; a missing .bim or .fam is taken from beside the .bed
     * (same name, other extension).
     */
    public static GenotypeInput plink(Path bed, Path bim, Path fam) {
        String base = stripExtension(bed, ".bed");
        return new GenotypeInput(Format.PLINK, bed,
                bim != null ? bim : Path.of(base + ".bim"), fam != null ? fam : Path.of(base + ".fam"), null);
    }

    public static GenotypeInput bgen(Path bgen, Path sample) {
        return new GenotypeInput(Format.BGEN, bgen, null, null, sample);
    }

    /** Checks that every file of the input exists, naming the option that points at it. */
    public void requireFiles() {
        switch (format) {
            case VCF -> require(file, "--vcf");
            case PLINK -> {
                require(file, "--bfile/--bed");
                require(bim, "--bfile/--bim");
                require(fam, "--bfile/--fam");
            }
            case BGEN -> {
                require(file, "--bgen");
                if (sample != null) require(sample, "--sample");
            }
        }
    }

    private static void require(Path p, String option) {
        if (!java.nio.file.Files.isRegularFile(p)) {
            throw InputException.of(p, "file not found", "check the " + option + " path");
        }
    }

    private static String stripExtension(Path p, String ext) {
        String s = p.toString();
        return s.toLowerCase(java.util.Locale.ROOT).endsWith(ext) ? s.substring(0, s.length() - ext.length()) : s;
    }
}
