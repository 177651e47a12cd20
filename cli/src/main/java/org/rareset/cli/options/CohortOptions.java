package org.rareset.cli.options;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.rareset.core.formats.AnnotationTableFile;
import org.rareset.core.formats.SampleTable;
import org.rareset.core.formats.SampleTableFile;
import org.rareset.core.InputException;
import org.rareset.core.InputNotes;
import org.rareset.genotypes.input.GenotypeInput;
import org.rareset.genotypes.input.GenotypeSources;
import org.rareset.core.table.DuplicateRows;
import org.rareset.genotypes.store.GenotypeStore;
import org.rareset.genotypes.vcf.VariantSource;
import org.rareset.association.input.AnnotationTable;
import org.rareset.association.input.CohortBuilder;
import org.rareset.association.run.AssociationRun;
import org.rareset.association.input.GeneGrouper;
import org.rareset.association.input.GeneVariants;
import org.rareset.core.table.MissingValues;
import org.rareset.core.table.TableFiles;
import org.rareset.association.input.TraitData;
import org.rareset.association.nullmodel.TraitType;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The inputs of an association analysis, shared by {@code assoc} and {@code seed-genes}:
 * genotypes (VCF/BCF, PLINK, BGEN or store), annotations, phenotypes, covariates and trait choices.
 */
public final class CohortOptions {
    @Option(names = "--vcf", paramLabel = "FILE", description = "Genotypes: VCF or BCF (bgzipped, optionally indexed).")
    public Path vcf;

    @Option(names = "--store", paramLabel = "FILE", description = "Genotypes: a RareSet genotype store.")
    public Path store;

    @Mixin
    public GenotypeFileOptions genotypeFiles = new GenotypeFileOptions();

    @Option(names = "--annotations", paramLabel = "FILE", description = "Variant annotations (TSV/CSV/Parquet), one row per (variant, gene): " + AnnotationTableFile.KEY_SUMMARY + ", then annotation columns.")
    public Path annotations;

    @Option(names = DuplicateRows.OPTION, defaultValue = "error", paramLabel = "RULE", description = DuplicateRows.HELP)
    public DuplicateRows duplicateRows = DuplicateRows.ERROR;

    @Option(names = "--pheno", required = true, paramLabel = "FILE", description = "Phenotypes (TSV/CSV/Parquet) with a 'sample' column or PLINK 'FID IID' columns.")
    public Path pheno;

    @Option(names = "--covar", paramLabel = "FILE", description = "Covariates, same layout; all columns are used (an intercept is added).")
    public Path covar;

    @Option(names = "--phenotypes", split = ",", paramLabel = "NAME", description = "Traits to analyse (default: every phenotype column).")
    public List<String> phenotypes;

    @Option(names = "--trait-type", paramLabel = "TYPE", description = "Override detection (a trait with two values is binary): 'binary' or 'quantitative' for all traits, or per trait 'QT=quantitative,BT=binary'.")
    public String traitType;

    @Option(names = "--fail-on-trait-error", description = "Stop at the first trait that cannot be analysed (constant, no cases, "
            + "a null model that does not converge, ...). By default such a trait is reported and left out, and the others are "
            + "analysed; the command fails only when no trait can be analysed.")
    public boolean failOnTraitError;

    @Mixin
    public MissingOptions missing = new MissingOptions();

    /** Traits left out so far (by {@link #buildTraits} and {@link #checkFailedTraits}), by name. */
    private final Map<String, AssociationRun.FailedTrait> failedTraits = new java.util.LinkedHashMap<>();

    private SampleTable phenoTable;
    private SampleTable covarTable;

    /** Genes with their variants, and the genotype samples. */
    public record Genotypes(List<String> samples, List<GeneVariants> genes) {}

    /** Checks that exactly one genotype source and the annotations are given. */
    public void requireGenotypes() {
        requireGenotypes(false);
    }

    /** As {@link #requireGenotypes()}; {@code masksFromFiles}: variants reach genes through REGENIE/SAIGE mask files instead of --annotations. */
    public void requireGenotypes(boolean masksFromFiles) {
        GenotypeInput file = genotypeFiles.single(vcf, " or --store");
        if ((file == null) == (store == null)) {
            throw new InputException(null, null, "give genotypes with exactly one of --vcf, --bfile, --bed, --bgen or --store",
                    "for example --vcf cohort.vcf.gz");
        }
        if (masksFromFiles && annotations != null) {
            throw new InputException(null, null, "--annotations and --anno-file/--set-list/--mask-def both assign variants to genes", "give one of them");
        }
        if (annotations == null && !masksFromFiles) {
            throw new InputException(null, null, "--annotations is required", "a table with " + AnnotationTableFile.KEY_SUMMARY + " columns assigns variants to genes");
        }
    }

    /** Reads the phenotype and covariate tables (once). */
    public void readSampleTables() {
        MissingValues mv = missing.values();
        phenoTable = SampleTableFile.read(pheno, mv, null);
        covarTable = covar == null ? null : SampleTableFile.read(covar, mv, null);
    }

    public List<String> traits() {
        return phenotypes == null || phenotypes.isEmpty() ? phenoTable.columns() : phenotypes;
    }

    public AnnotationTable readAnnotations() {
        AnnotationTable table = AnnotationTable.from(TableFiles.read(annotations), duplicateRows);
        if (table.duplicateNote() != null) InputNotes.report(table.duplicateNote());
        return table;
    }

    /** Reads the genotypes into genes; checks the sample overlap before reading the variants. */
    public Genotypes readGenotypes(AnnotationTable ann, Consumer<String> log) {
        GenotypeInput file = genotypeFiles.single(vcf, " or --store");
        try (VariantSource source = file != null ? GenotypeSources.open(file, genotypeFiles.importOptions()) : GenotypeStore.open(store)) {
            List<String> samples = source.samples();
            // the sample overlap is checked here, before the variants are read; failed traits are reported later
            new CohortBuilder(samples, phenoTable, covarTable, s -> { })
                    .build(traits(), traitTypes(), failOnTraitError ? null : (t, e) -> { });
            List<GeneVariants> genes = GeneGrouper.group(source, ann, log);
            if (genes.isEmpty()) {
                throw new InputException(ann.source(), null, "no genotyped variant has an annotation row",
                        "check that chrom/pos/ref/alt in the annotations match the genotypes");
            }
            return new Genotypes(samples, genes);
        }
    }

    /**
     * One {@link TraitData} per trait that can be analysed, over the samples in the genotypes,
     * phenotypes and covariates. A trait that cannot be is logged and left out (an error with
     * {@code --fail-on-trait-error}); none left is an error.
     */
    public List<TraitData> buildTraits(List<String> genotypeSamples, Consumer<String> log) {
        List<TraitData> built = new CohortBuilder(genotypeSamples, phenoTable, covarTable, log).build(traits(), traitTypes(),
                failOnTraitError ? null : (t, e) -> leaveOut(new AssociationRun.FailedTrait(t, e), log));
        if (built.isEmpty()) throw noTraitLeft();
        return built;
    }

    /**
     * Logs the traits the run left out (null model failures) and returns every trait left out so
     * far, in order; throws when no trait could be analysed at all.
     */
    public List<AssociationRun.FailedTrait> checkFailedTraits(AssociationRun.Result result, Consumer<String> log) {
        for (AssociationRun.FailedTrait f : result.failedTraits()) leaveOut(f, log);
        if (failedTraits.size() >= traits().size()) throw noTraitLeft();
        return List.copyOf(failedTraits.values());
    }

    private void leaveOut(AssociationRun.FailedTrait f, Consumer<String> log) {
        failedTraits.put(f.phenotype(), f);
        log.accept("trait " + f.phenotype() + " left out: " + f.reason());
    }

    private InputException noTraitLeft() {
        List<String> reasons = new ArrayList<>();
        for (AssociationRun.FailedTrait f : failedTraits.values()) reasons.add(f.reason());
        return new InputException(null, null, "no trait could be analysed: " + String.join("; ", reasons),
                "fix the traits above or choose others with --phenotypes");
    }

    private Map<String, TraitType> traitTypes() {
        Map<String, TraitType> m = new HashMap<>();
        if (traitType == null) return m;
        for (String part : traitType.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) continue;
            int eq = p.indexOf('=');
            String trait = eq < 0 ? "*" : p.substring(0, eq).trim();
            TraitType t = parseType(eq < 0 ? p : p.substring(eq + 1));
            if (t == null) {
                throw new InputException(null, null, "--trait-type '" + p + "': unknown type", "use binary or quantitative, e.g. --trait-type BT=binary");
            }
            if (!trait.equals("*") && !traits().contains(trait)) {
                throw new InputException(null, null, "--trait-type names '" + trait + "', which is not analysed", "traits: " + String.join(",", traits()));
            }
            m.put(trait, t);
        }
        return m;
    }

    static TraitType parseType(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "quantitative": case "qt": case "linear": case "continuous": return TraitType.QUANTITATIVE;
            case "binary": case "bt": case "logistic": case "case-control": return TraitType.BINARY;
            default: return null;
        }
    }
}
