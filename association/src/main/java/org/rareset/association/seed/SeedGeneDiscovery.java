package org.rareset.association.seed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.rareset.association.gene.Burden;
import org.rareset.association.gene.GeneTest;
import org.rareset.association.gene.Skat;
import org.rareset.association.gene.TestOptions;
import org.rareset.association.input.AnnotationTable;
import org.rareset.association.input.GeneVariants;
import org.rareset.association.input.QtTransform;
import org.rareset.association.input.TraitData;
import org.rareset.association.mask.Mask;
import org.rareset.association.mask.MaskBuilder;
import org.rareset.association.mask.Weighting;
import org.rareset.association.nullmodel.TraitType;
import org.rareset.association.run.AssociationRun;
import org.rareset.core.formats.ResultRow;

/**
 * DeepRVAT's seed-gene discovery on one cohort: quantitative traits transformed
 * ({@link QtTransform#QUANTILE} by default, as DeepRVAT's {@code y_transformation}), then the
 * {@link SeedGeneMasks} x burden and SKAT tests, then {@link SeedGeneSelector}.
 *
 * <p>Burden sums the weighted genotypes of every variant ({@code collapse_method: sum}); SKAT
 * first collapses the variants with MAC &lt;= {@link SeedGeneRules#skatCollapseMac} into one
 * column of per-sample maxima ({@code collapse_ultra_rare}). So the two tests run with different
 * mask builders, as two runs of the association engine; the second only on traits whose null
 * model the first could fit.
 */
public final class SeedGeneDiscovery {
    /** The pooled rows, what the engine skipped (counted once: both runs skip the same masks), traits left out, the selection. */
    public record Result(AssociationRun.Result association, SeedGeneSelector.Selection selection) {}

    private final SeedGeneRules rules;
    private final QtTransform transform;
    private final int threads;
    private final boolean stopOnFailedTrait;

    public SeedGeneDiscovery(SeedGeneRules rules, QtTransform transform, int threads, boolean stopOnFailedTrait) {
        this.rules = rules;
        this.transform = transform;
        this.threads = threads;
        this.stopOnFailedTrait = stopOnFailedTrait;
    }

    public Result run(List<TraitData> traits, List<GeneVariants> genes, AnnotationTable ann, String plofColumn,
                      String missenseColumn, Consumer<String> log) {
        List<Mask> masks = SeedGeneMasks.masks(ann, plofColumn, missenseColumn, rules.rareMaf());
        Weighting weighting = SeedGeneMasks.weighting(ann, plofColumn);
        List<TraitData> tested = transform.applyAll(traits, log);
        // both tables test against the same null models (same traits, TestOptions.defaults(), no offsets): fit each trait once
        AssociationRun burdenRun = engine(Burden.INSTANCE, masks, new MaskBuilder(ann, weighting, 0));
        AssociationRun.NullModels models = burdenRun.fit(tested, List.of());
        AssociationRun.Result burden = burdenRun.run(tested, models, genes, done -> { });
        Set<String> failed = burden.failedTraits().stream().map(AssociationRun.FailedTrait::phenotype).collect(Collectors.toSet());
        List<TraitData> fitted = tested.stream().filter(t -> !failed.contains(t.name())).toList();
        // MaskBuilder collapses MAC < its limit; DeepRVAT collapses MAC <= min_mac
        int collapseBelow = rules.skatCollapseMac() == 0 ? 0 : rules.skatCollapseMac() + 1;
        List<ResultRow> rows = new ArrayList<>(burden.rows());
        if (!fitted.isEmpty()) {
            rows.addAll(engine(Skat.INSTANCE, masks, new MaskBuilder(ann, weighting, collapseBelow)).run(tested, models, genes, done -> { }).rows());
        }
        Map<String, SeedGeneSelector.TraitSize> sizes = new LinkedHashMap<>();
        for (TraitData t : fitted) {
            sizes.put(t.name(), new SeedGeneSelector.TraitSize(t.sampleCount(), t.type() == TraitType.BINARY ? t.cases() : -1));
        }
        SeedGeneSelector.Selection selection = new SeedGeneSelector(rules).select(rows, sizes);
        return new Result(new AssociationRun.Result(rows, burden.skipped(), burden.genes(), List.of(), burden.failedTraits()), selection);
    }

    private AssociationRun engine(GeneTest test, List<Mask> masks, MaskBuilder builder) {
        return new AssociationRun(new AssociationRun.Settings(List.of(test), TestOptions.defaults(), masks, builder, threads, null))
                .stopOnFailedTrait(stopOnFailedTrait);
    }
}
