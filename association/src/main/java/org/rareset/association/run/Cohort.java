package org.rareset.association.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.rareset.association.input.AnnotationTable;
import org.rareset.association.input.CohortBuilder;
import org.rareset.association.input.GeneGrouper;
import org.rareset.association.input.GeneVariants;
import org.rareset.association.input.StoreGenes;
import org.rareset.association.input.TraitData;
import org.rareset.association.nullmodel.TraitType;
import org.rareset.core.InputException;
import org.rareset.core.InputNotes;
import org.rareset.core.formats.AnnotationTableFile;
import org.rareset.core.formats.SampleTable;
import org.rareset.core.formats.SampleTableFile;
import org.rareset.core.table.TableFiles;
import org.rareset.genotypes.store.GenotypeStore;
import org.rareset.genotypes.vcf.VariantSource;

/**
 * The cohort of one association analysis ({@code assoc}, {@code seed-genes}), read from its
 * {@link CohortInputs}: phenotype and covariate tables, annotations, genotypes grouped into genes,
 * and the traits that can be analysed. Keeps the traits left out along the way, so a run reports
 * each once and fails only when none is left.
 */
public final class Cohort {
    /** Genes with their variants, and the genotype samples. */
    public record Genotypes(List<String> samples, List<GeneVariants> genes) {}

    private final CohortInputs in;
    /** Traits left out so far (by {@link #buildTraits} and {@link #checkFailedTraits}), by name. */
    private final Map<String, AssociationRun.FailedTrait> failedTraits = new LinkedHashMap<>();
    private SampleTable phenoTable;
    private SampleTable covarTable;

    public Cohort(CohortInputs inputs) {
        this.in = inputs;
    }

    public CohortInputs inputs() {
        return in;
    }

    /** Checks that exactly one genotype source and the annotations are given. */
    public void requireGenotypes() {
        requireGenotypes(false);
    }

    /** As {@link #requireGenotypes()}; {@code masksFromFiles}: variants reach genes through REGENIE/SAIGE mask files instead of --annotations. */
    public void requireGenotypes(boolean masksFromFiles) {
        in.genotypeSource().file();
        if (masksFromFiles && in.annotations() != null) {
            throw new InputException(null, null, "--annotations and --anno-file/--set-list/--mask-def both assign variants to genes", "give one of them");
        }
        if (in.annotations() == null && !masksFromFiles) {
            throw new InputException(null, null, "--annotations is required", "a table with " + AnnotationTableFile.KEY_SUMMARY + " columns assigns variants to genes");
        }
    }

    /** Reads the phenotype and covariate tables (once). */
    public void readSampleTables() {
        phenoTable = SampleTableFile.read(in.pheno(), in.missing(), null);
        covarTable = in.covar() == null ? null : SampleTableFile.read(in.covar(), in.missing(), null);
    }

    public List<String> traits() {
        return in.phenotypes() == null || in.phenotypes().isEmpty() ? phenoTable.columns() : in.phenotypes();
    }

    public AnnotationTable readAnnotations() {
        AnnotationTable table = AnnotationTable.from(TableFiles.read(in.annotations()), in.duplicateRows());
        if (table.duplicateNote() != null) InputNotes.report(table.duplicateNote());
        return table;
    }

    /**
     * Reads the genotypes into genes; checks the sample overlap before reading the variants. From
     * a genotype store the genes are indexed, not read: each gene's variants are read from the
     * store when it is tested ({@link StoreGenes}), so memory does not grow with the genes' carriers;
     * the store then stays open while the genes are used. Other sources are read whole.
     */
    public Genotypes readGenotypes(AnnotationTable ann, Consumer<String> log) {
        VariantSource source = in.genotypeSource().open();
        boolean keepOpen = false;
        try {
            List<String> samples = source.samples();
            // the sample overlap is checked here, before the variants are read; failed traits are reported later
            new CohortBuilder(samples, phenoTable, covarTable, s -> { })
                    .build(traits(), traitTypes(), in.failOnTraitError() ? null : (t, e) -> { });
            List<GeneVariants> genes;
            if (source instanceof GenotypeStore store) {
                genes = StoreGenes.index(store, ann, log);
                keepOpen = true;
            } else {
                genes = GeneGrouper.group(source, ann, log);
            }
            if (genes.isEmpty()) {
                throw new InputException(ann.source(), null, "no genotyped variant has an annotation row",
                        "check that chrom/pos/ref/alt in the annotations match the genotypes");
            }
            return new Genotypes(samples, genes);
        } finally {
            // a store read by gene stays open with its genes (its file is closed when they are unreachable)
            if (!keepOpen) source.close();
        }
    }

    /**
     * One {@link TraitData} per trait that can be analysed, over the samples in the genotypes,
     * phenotypes and covariates. A trait that cannot be is logged and left out (an error with
     * {@code --fail-on-trait-error}); none left is an error.
     */
    public List<TraitData> buildTraits(List<String> genotypeSamples, Consumer<String> log) {
        List<TraitData> built = new CohortBuilder(genotypeSamples, phenoTable, covarTable, log).build(traits(), traitTypes(),
                in.failOnTraitError() ? null : (t, e) -> leaveOut(new AssociationRun.FailedTrait(t, e), log));
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
        if (in.traitType() == null) return m;
        for (String part : in.traitType().split(",")) {
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
