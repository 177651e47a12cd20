package org.rareset.cli.options;

import java.nio.file.Path;
import java.util.List;
import org.rareset.association.mask.RegenieMaskInputs;
import picocli.CommandLine.Option;

/** REGENIE's gene-based mask files and mask-building options, read with REGENIE's semantics (docs/regenie.md); options only, {@link RegenieMaskInputs} reads them. */
public final class RegenieMaskOptions {
    @Option(names = "--anno-file", paramLabel = "FILE", description = "REGENIE annotation file: 'variant gene annotation' per line (with --set-list and --mask-def, instead of --annotations and --masks).")
    public Path annoFile;

    @Option(names = "--set-list", paramLabel = "FILE", description = "REGENIE set list: 'gene chrom pos variant,variant,...' per line.")
    public Path setList;

    @Option(names = "--mask-def", paramLabel = "FILE", description = "REGENIE mask definitions: 'mask annotation,annotation,...' per line (union of the categories).")
    public Path maskDef;

    @Option(names = "--aaf-bins", split = ",", defaultValue = "0.01", paramLabel = "AAF", description = "With REGENIE mask files: ALT allele frequency upper bounds, each a mask <mask>.<aaf> keeping AAF in [0, aaf]; a <mask>.singleton mask is always added (default: ${DEFAULT-VALUE}).")
    public List<Double> aafBins;

    @Option(names = "--build-mask", defaultValue = "max", paramLabel = "RULE", description = "The burden mask rule, 'max' (most ALT alleles at any site; default) or 'sum' (ALT alleles summed): with REGENIE mask files added to the tests as burden-max or burden-sum; also the rule of --write-burdens.")
    public String buildMask;

    @Option(names = "--singleton-carrier", description = "With REGENIE mask files: a singleton is a variant with one carrier, rather than ALT allele count 1.")
    public boolean singletonCarrier;

    /** The values given, as the association module reads them. */
    public RegenieMaskInputs inputs() {
        return new RegenieMaskInputs(annoFile, setList, maskDef, aafBins, buildMask, singletonCarrier);
    }
}
