package org.rareset.association.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.rareset.association.burden.BurdenFiles;
import org.rareset.association.input.QtTransform;
import org.rareset.association.mask.IndicatorBurden;
import org.rareset.association.mask.RegenieMaskInputs;
import org.rareset.association.mask.SaigeGroupInputs;
import org.rareset.core.InputException;
import org.rareset.core.concurrent.Chunk;

/**
 * Everything one {@code assoc} run is told: the cohort, where masks come from, the tests and their
 * options, and the outputs. {@link #check} checks the combination, {@link AssociationJob} runs it; the
 * meaning of each value is the help text of the {@code assoc} option of the same name.
 *
 * @param maskFile       {@code --masks}, or null for one mask 'all'
 * @param maxMaf         {@code --max-maf}, or null for {@link AssociationJob#DEFAULT_MAX_MAF}
 * @param minMac         skip a gene x mask with fewer minor alleles
 * @param qtTransform    {@code none}, {@code rint} or {@code quantile}
 * @param geneModel      gene model for the gene_name chrom start end columns, or null
 * @param collapseMac    collapse variants below this MAC (0 = off)
 * @param weights        variant weight specification ({@code beta:1,25}, {@code none}, a column, {@code deepset:FILE})
 * @param tests          comma-separated test names
 * @param scores         gene impairment scores to test instead of variants, or null
 * @param pred           REGENIE step-1 {@code _pred.list}, or null
 * @param out            the results file ({@code .tsv}, {@code .tsv.gz}, {@code .parquet}); side files go beside it
 * @param writeBurdens   where to write each sample's burdens, or null
 * @param outFormat      {@code rareset}, {@code regenie} or {@code saige}
 * @param threads        worker threads (1 or more)
 * @param timeGenes      log the CPU time of every gene x mask and test
 * @param chunk          the part of the genes this run tests, or null for all
 * @param skatoMethod    SKAT-O's combination: {@code optimal.adj} (R SKAT's, the default) or {@code exact}
 */
public record AssociationSettings(CohortInputs cohort, RegenieMaskInputs regenieMasks, SaigeGroupInputs saigeGroups,
                                  Path maskFile, List<Double> maxMaf, double minMac, String qtTransform, Path geneModel,
                                  int collapseMac, String weights, String tests, boolean singleVariant, double firthThreshold,
                                  boolean noSpa, double alpha, Path scores, Path pred, Path out, Path writeBurdens, String outFormat,
                                  int threads, boolean timeGenes, Chunk chunk, String skatoMethod) {
    /** Settings with R SKAT's SKAT-O combination ({@code optimal.adj}). */
    public AssociationSettings(CohortInputs cohort, RegenieMaskInputs regenieMasks, SaigeGroupInputs saigeGroups,
                               Path maskFile, List<Double> maxMaf, double minMac, String qtTransform, Path geneModel,
                               int collapseMac, String weights, String tests, boolean singleVariant, double firthThreshold,
                               boolean noSpa, double alpha, Path scores, Path pred, Path out, Path writeBurdens, String outFormat,
                               int threads, boolean timeGenes, Chunk chunk) {
        this(cohort, regenieMasks, saigeGroups, maskFile, maxMaf, minMac, qtTransform, geneModel, collapseMac, weights, tests,
                singleVariant, firthThreshold, noSpa, alpha, scores, pred, out, writeBurdens, outFormat, threads, timeGenes, chunk,
                org.rareset.association.gene.TestOptions.SkatoMethod.OPTIMAL_ADJ.label());
    }

    /** {@link #skatoMethod} parsed (checked by {@link #check}). */
    public org.rareset.association.gene.TestOptions.SkatoMethod skato() {
        org.rareset.association.gene.TestOptions.SkatoMethod m = org.rareset.association.gene.TestOptions.SkatoMethod.parse(skatoMethod);
        if (m == null) throw new InputException(null, null, "--skato-method '" + skatoMethod + "' is not a SKAT-O method", "use optimal.adj or exact");
        return m;
    }

    /**
     * Checks the combination before anything is read: output names and formats, value ranges, and
     * exactly one source of masks and genotypes (or gene scores). Bad settings are an
     * {@link InputException} naming the option.
     */
    public void check() {
        checkCommonOptions();
        checkGenotypeOptions();
    }

    private void checkCommonOptions() {
        if (writeBurdens != null) {
            if (scores != null) throw new InputException(null, null, "--write-burdens writes mask burdens; --scores has none", "leave out one of them");
            if (BurdenFiles.isBed(writeBurdens) && regenieMasks.burden() != IndicatorBurden.MAX) {
                throw new InputException(null, null, "a PLINK .bed holds burdens 0, 1, 2 only: --build-mask sum cannot be written to " + writeBurdens,
                        "write a .tsv or .parquet, or use --build-mask max (as REGENIE's --write-mask)");
            }
            String n = writeBurdens.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!(BurdenFiles.isBed(writeBurdens) || n.endsWith(".tsv") || n.endsWith(".tsv.gz") || n.endsWith(".parquet"))) {
                throw new InputException(writeBurdens.toString(), null, "unknown burden format", "name it .tsv, .tsv.gz, .parquet or .bed");
            }
        }
        if (!outFormat.equalsIgnoreCase("rareset") && !outFormat.equalsIgnoreCase("regenie") && !outFormat.equalsIgnoreCase("saige")) {
            throw new InputException(null, null, "--out-format '" + outFormat + "' is not a results format", "use rareset, regenie or saige");
        }
        if (outFormat.equalsIgnoreCase("saige") && scores != null) {
            throw new InputException(null, null, "--out-format saige is SAIGE-GENE+'s table of variant masks; --scores has no masks", "use rareset or regenie");
        }
        if (!(alpha > 0 && alpha < 1)) throw new InputException(null, null, "--alpha " + alpha + " is outside (0, 1)", null);
        skato();
        if (!(firthThreshold >= 0 && firthThreshold <= 1)) {
            throw new InputException(null, null, "--firth-threshold " + firthThreshold + " is outside [0, 1]", null);
        }
        if (!(minMac >= 0)) throw new InputException(null, null, "--min-mac " + minMac + " is negative", "use 0 to test every mask");
        try {
            QtTransform.parse(qtTransform);
        } catch (IllegalArgumentException e) {
            throw new InputException(null, null, "--qt-transform: " + e.getMessage(), "use none, rint or quantile");
        }
        if (geneModel != null && !java.nio.file.Files.isRegularFile(geneModel)) {
            throw InputException.of(geneModel, "not found", "give the gene model (BED, GTF or GFF3) used by rareset annotate");
        }
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!(name.endsWith(".tsv") || name.endsWith(".tsv.gz") || name.endsWith(".txt") || name.endsWith(".txt.gz") || name.endsWith(".parquet"))) {
            throw new InputException(out.toString(), null, "unknown output format", "name the output .tsv, .tsv.gz or .parquet");
        }
    }

    private void checkGenotypeOptions() {
        if (scores != null) {
            if (cohort.anyGenotypes() || maskFile != null || regenieMasks.given() || saigeGroups.given()) {
                throw new InputException(null, null, "--scores tests precomputed gene scores: leave out --vcf/--bfile/--bed/--bgen, --store, --masks and the mask files (--anno-file/--set-list/--mask-def, --group-file)", null);
            }
            if (singleVariant) {
                throw new InputException(null, null, "--single-variant tests variants, --scores gene scores", "leave out one of them");
            }
            return;
        }
        if (regenieMasks.buildMask() != null) regenieMasks.burden(); // an unknown --build-mask is refused even when nothing uses it
        boolean regenie = regenieMasks.given();
        if (regenie && (maskFile != null || maxMaf != null)) {
            throw new InputException(null, null, "--masks/--max-maf and the REGENIE mask files both define masks", "give one of them; --aaf-bins sets REGENIE's frequency bins");
        }
        if (saigeGroups.given() && (maskFile != null || regenie)) {
            throw new InputException(null, null, "--group-file and --masks or the REGENIE mask files both define masks", "give one of them");
        }
        if (saigeGroups.given() && cohort.annotations() != null) {
            throw new InputException(null, null, "--annotations and --group-file both assign variants to genes", "give one of them");
        }
        new Cohort(cohort).requireGenotypes(regenie || saigeGroups.given());
        if (collapseMac < 0) throw new InputException(null, null, "--collapse-mac " + collapseMac + " is negative", "use 0 to turn collapsing off");
    }
}
