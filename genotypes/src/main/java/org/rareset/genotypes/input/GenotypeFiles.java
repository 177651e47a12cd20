package org.rareset.genotypes.input;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rareset.core.InputException;

/**
 * The PLINK 1 binary and BGEN inputs a command was given, and how their alleles, sample ids and
 * probabilities are read (docs/plink.md, docs/bgen.md): the values of {@code --bfile}, {@code --bed}
 * (with {@code --bim}, {@code --fam}), {@code --bgen} (with {@code --sample}), {@code --ref-first},
 * {@code --fid-iid} and {@code --hard-call-threshold}. Checks their combination and picks the one
 * input of a command that reads a single file.
 *
 * @param bfiles PLINK prefixes ({@code PREFIX.bed/.bim/.fam})
 * @param bed    an explicit .bed, or null
 * @param bim    the .bim to go with {@code bed} (null: beside it)
 * @param fam    the .fam to go with {@code bed} (null: beside it)
 * @param bgens  BGEN files
 * @param sample the .sample naming the BGEN's samples, or null
 */
public record GenotypeFiles(List<String> bfiles, Path bed, Path bim, Path fam, List<Path> bgens, Path sample,
                            boolean refFirst, boolean fidIid, double hardCallThreshold) {
    public GenotypeFiles {
        bfiles = List.copyOf(bfiles);
        bgens = List.copyOf(bgens);
    }

    /** The PLINK and BGEN inputs given, in the order: --bfile, --bed, --bgen. */
    public List<GenotypeInput> inputs() {
        List<GenotypeInput> out = new ArrayList<>();
        for (String prefix : bfiles) out.add(GenotypeInput.bfile(prefix));
        if (bed != null) out.add(GenotypeInput.plink(bed, bim, fam));
        for (Path b : bgens) out.add(GenotypeInput.bgen(b, sample));
        return out;
    }

    /** True when any PLINK or BGEN input is given. */
    public boolean any() {
        return !bfiles.isEmpty() || bed != null || !bgens.isEmpty();
    }

    /**
     * Checks the combination: --bim/--fam only with --bed, --sample only with --bgen, one format at
     * a time, a threshold in [0, 0.5].
     */
    public void check() {
        if ((bim != null || fam != null) && bed == null) {
            throw new InputException(bim != null ? "--bim" : "--fam", null, "is given without --bed", "use --bfile PREFIX, or --bed with --bim and --fam");
        }
        if (sample != null && bgens.isEmpty()) {
            throw new InputException("--sample", null, "is given without --bgen", "--sample names the samples of a BGEN file");
        }
        int formats = (bfiles.isEmpty() && bed == null ? 0 : 1) + (bgens.isEmpty() ? 0 : 1);
        if (formats > 1 || (!bfiles.isEmpty() && bed != null)) {
            throw new InputException(null, null, "give one genotype format: --bfile, --bed or --bgen", "convert the others with plink2 first");
        }
        if (!(hardCallThreshold >= 0 && hardCallThreshold <= 0.5)) {
            throw new InputException("--hard-call-threshold", null, "value " + hardCallThreshold + " is not in [0, 0.5]", "the default is 0.1");
        }
    }

    public ImportOptions importOptions() {
        return new ImportOptions(refFirst, fidIid, hardCallThreshold);
    }

    /**
     * The one genotype input of a command that reads a single file: {@code vcf} or a PLINK/BGEN
     * input; null when none is given. {@code others} names the command's other genotype options
     * in the message (e.g. {@code " or --store"}).
     */
    public GenotypeInput single(Path vcf, String others) {
        check();
        List<GenotypeInput> given = new ArrayList<>(inputs());
        if (vcf != null) given.add(0, GenotypeInput.vcf(vcf));
        if (given.size() > 1) {
            throw new InputException(null, null, "give genotypes with exactly one of --vcf, --bfile, --bed, --bgen" + others
                    + " (one file)", "for example --vcf cohort.vcf.gz or --bfile cohort");
        }
        return given.isEmpty() ? null : given.get(0);
    }
}
