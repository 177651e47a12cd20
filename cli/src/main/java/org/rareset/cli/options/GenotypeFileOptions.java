package org.rareset.cli.options;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rareset.core.InputException;
import org.rareset.genotypes.input.GenotypeInput;
import org.rareset.genotypes.input.ImportOptions;
import picocli.CommandLine.Option;

/**
 * Genotype inputs besides VCF/BCF: PLINK 1 binary filesets and BGEN files, and how their alleles,
 * sample ids and probabilities are read (docs/plink.md, docs/bgen.md). Shared by every command
 * that takes {@code --vcf}.
 */
public final class GenotypeFileOptions {
    @Option(names = "--bfile", arity = "1..*", paramLabel = "PREFIX",
            description = "Genotypes: PLINK 1 binary fileset PREFIX.bed + PREFIX.bim + PREFIX.fam (SNP-major .bed). "
                    + "Sample names are the IIDs (see --fid-iid); REF is A2 (.bim column 6) unless --ref-first.")
    public List<String> bfiles = new ArrayList<>();

    @Option(names = "--bed", paramLabel = "FILE", description = "Genotypes: a PLINK 1 .bed named explicitly; --bim and --fam default to the same name with those extensions.")
    public Path bed;

    @Option(names = "--bim", paramLabel = "FILE", description = "The .bim to go with --bed.")
    public Path bim;

    @Option(names = "--fam", paramLabel = "FILE", description = "The .fam to go with --bed.")
    public Path fam;

    @Option(names = "--bgen", arity = "1..*", paramLabel = "FILE",
            description = "Genotypes: BGEN v1.1-1.3 (layouts 1 and 2, zlib or zstd), read as hard calls (--hard-call-threshold). "
                    + "REF is the last allele unless --ref-first. Several files (e.g. one per chromosome, same samples) go into one store.")
    public List<Path> bgens = new ArrayList<>();

    @Option(names = "--sample", paramLabel = "FILE",
            description = "Oxford .sample file naming the BGEN's samples (ID_2, or ID_1_ID_2 with --fid-iid); default: the ids stored in the BGEN.")
    public Path sample;

    @Option(names = "--ref-first",
            description = "PLINK/BGEN: the first allele is REF (.bim A1, column 5; BGEN's first allele) and the other ALT. "
                    + "Default: the last allele is REF, as plink2 writes both formats.")
    public boolean refFirst;

    @Option(names = "--fid-iid",
            description = "PLINK/BGEN: sample names are FID_IID (plink2's id-paste=fid,iid) instead of the IID.")
    public boolean fidIid;

    @Option(names = "--hard-call-threshold", paramLabel = "D", defaultValue = "0.1",
            description = "BGEN: a call is kept when 0.5 x sum over alleles of |dosage - round(dosage)| is at most D, "
                    + "else it counts as missing (plink2's rule and default: ${DEFAULT-VALUE}).")
    public double hardCallThreshold;

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
     * input; null when none is given.
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
