package org.rareset.cli.options;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rareset.genotypes.input.GenotypeFiles;
import org.rareset.genotypes.input.GenotypeInput;
import org.rareset.genotypes.input.ImportOptions;
import picocli.CommandLine.Option;

/**
 * Genotype inputs besides VCF/BCF: PLINK 1 binary filesets and BGEN files, and how their alleles,
 * sample ids and probabilities are read (docs/plink.md, docs/bgen.md). Shared by every command
 * that takes {@code --vcf}. Options only: {@link GenotypeFiles} checks and uses them.
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

    /** The values given, as the genotypes module takes them (checks, input choice, import options). */
    public GenotypeFiles files() {
        return new GenotypeFiles(bfiles, bed, bim, fam, bgens, sample, refFirst, fidIid, hardCallThreshold);
    }

    /** Shorthand for {@code files().single(vcf, others)}. */
    public GenotypeInput single(Path vcf, String others) {
        return files().single(vcf, others);
    }

    /** Shorthand for {@code files().importOptions()}. */
    public ImportOptions importOptions() {
        return files().importOptions();
    }
}
