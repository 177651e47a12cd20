package org.rareset.association.run;

import org.rareset.core.formats.ResultRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.rareset.core.InputException;
import org.rareset.core.concurrent.DaemonPools;
import org.rareset.association.run.AssociationEngine;
import org.rareset.association.genotype.GeneGenotypes;
import org.rareset.association.input.GeneScoreTable;
import org.rareset.association.input.GeneVariants;
import org.rareset.association.input.TraitData;
import org.rareset.association.mask.IndicatorBurden;
import org.rareset.association.mask.Mask;
import org.rareset.association.mask.MaskBuilder;
import org.rareset.association.mask.MaskedGene;
import org.rareset.association.nullmodel.NullModel;
import org.rareset.association.nullmodel.TraitType;
import org.rareset.association.gene.Burden;
import org.rareset.association.gene.GeneResult;
import org.rareset.association.gene.GeneScores;
import org.rareset.association.gene.GeneTest;
import org.rareset.association.gene.SingleVariant;
import org.rareset.association.gene.TestOptions;
import org.rareset.core.region.Contigs;

/**
 * Runs every trait x gene x mask x test: fits each trait's null model once (per chromosome with
 * LOCO offsets), then tests genes in parallel (each task is one whole gene) and returns rows in a
 * fixed order (trait, gene in input order, mask, test) whatever the thread count. Genes with
 * nothing to test under a mask are counted per trait, mask and reason. A trait whose null model
 * cannot be fitted (no convergence, no variance left, ...) is left out with the reason
 * ({@link Result#failedTraits}) and the other traits go on, unless {@link #stopOnFailedTrait} is set.
 *
 * <p>Effect sizes: the weighted burden's beta is per unit of B = sum_j w_j g_j, so one minor
 * allele of variant j adds w_j units (about 25 for a singleton under Beta(1, 25) weights). Its
 * {@code beta_per_allele} is beta x w-bar with w-bar = sum_j w_j mac_j / sum_j mac_j, the mean
 * weight per minor allele carried in the mask: the change in the trait (log-odds for binary
 * traits) per minor allele of a variant of average weight, and exactly the per-allele effect when
 * every weight is equal ({@code --weights none}). burden-sum and burden-max columns are
 * unweighted, so their beta is already per allele. Other tests have no effect size (NA).
 */
public final class AssociationRun {
    /** Mask and test names of rows from gene impairment scores ({@link #runScores}). */
    public static final String SCORE_MASK = "score";
    public static final String SCORE_TEST = "score";

    /** Offsets for a trait's null model: per chromosome (LOCO). */
    @FunctionalInterface
    public interface OffsetProvider {
        /** Offset per analysed sample of {@code trait} for genes on {@code chrom}; null = no offset. */
        double[] offset(TraitData trait, String chrom);
    }

    /**
     * @param maskBuilder null when only {@link #runScores} is used
     * @param offsets       null for no offsets
     * @param singleVariant also test every column of every mask on its own ({@link Result#variantRows})
     */
    public record Settings(List<GeneTest> tests, TestOptions options, List<Mask> masks, MaskBuilder maskBuilder,
                           int threads, OffsetProvider offsets, List<IndicatorBurden> indicators,
                           boolean singleVariant) {
        public Settings(List<GeneTest> tests, TestOptions options, List<Mask> masks, MaskBuilder maskBuilder,
                        int threads, OffsetProvider offsets) {
            this(tests, options, masks, maskBuilder, threads, offsets, List.of());
        }

        public Settings(List<GeneTest> tests, TestOptions options, List<Mask> masks, MaskBuilder maskBuilder,
                        int threads, OffsetProvider offsets, List<IndicatorBurden> indicators) {
            this(tests, options, masks, maskBuilder, threads, offsets, indicators, false);
        }
    }

    /** Count of genes with nothing to test, per trait, mask and reason. */
    public record Skipped(String phenotype, String mask, String reason, int genes) {}

    /** A trait left out, with the one-line error that names it ({@code phenotype BT: ...}). */
    public record FailedTrait(String phenotype, InputException error) implements java.io.Serializable {
        public String reason() {
            return error.getMessage();
        }
    }

    /**
     * @param variantRows  single-variant rows, empty unless {@link Settings#singleVariant}
     * @param failedTraits traits not analysed because their null model could not be fitted
     */
    public record Result(List<ResultRow> rows, List<Skipped> skipped, int genes, List<VariantRow> variantRows,
                         List<FailedTrait> failedTraits) {}

    /** A null-model failure of one trait, carried out of a worker thread. */
    private static final class TraitFailure extends RuntimeException {
        final transient InputException error;

        TraitFailure(InputException error) {
            super(error.getMessage(), error);
            this.error = error;
        }
    }

    /** What one gene produced for one trait: rows, and (mask, reason) pairs for what was skipped. */
    private record GeneOutcome(List<ResultRow> rows, List<String[]> skips, List<VariantRow> variantRows) {
        GeneOutcome(List<ResultRow> rows, List<String[]> skips) {
            this(rows, skips, List.of());
        }
    }

    @FunctionalInterface
    private interface UnitTester<G> {
        GeneOutcome test(TraitData trait, G unit, AssociationEngine engine);
    }

    private final Settings settings;
    /** Receives the cost of every gene x mask when set ({@link #timed}); called from worker threads. */
    private final java.util.function.Consumer<GeneTiming> timings;
    private boolean stopOnFailedTrait;
    /** Variants collapsed per phenotype x gene x mask (SAIGE-GENE+'s Number_ultra_rare), filled by {@link #run}. */
    private final Map<String, Integer> collapsed = new ConcurrentHashMap<>();
    /** Per phenotype, the gene x mask (gene TAB mask) whose discrete SKAT law ran past its work bound. */
    private final Map<String, java.util.Set<String>> discreteCapped = new ConcurrentHashMap<>();

    public AssociationRun(Settings settings) {
        this(settings, null);
    }

    private AssociationRun(Settings settings, java.util.function.Consumer<GeneTiming> timings) {
        this.settings = settings;
        this.timings = timings;
    }

    /**
     * The same run, also timing the score statistics and each test of every gene x mask (thread
     * CPU time) and handing the result to {@code sink}, from the worker threads (so the sink must
     * be thread-safe).
     */
    public AssociationRun timed(java.util.function.Consumer<GeneTiming> sink) {
        AssociationRun timed = new AssociationRun(settings, sink);
        timed.stopOnFailedTrait = stopOnFailedTrait;
        return timed;
    }

    /** With {@code true}, the first trait whose null model fails stops the run with its error. */
    public AssociationRun stopOnFailedTrait(boolean stop) {
        this.stopOnFailedTrait = stop;
        return this;
    }

    /**
     * How many variants of a tested phenotype x gene x mask went into the collapsed pseudo-variant
     * (after {@link #run}), -1 for one not tested.
     */
    public int collapsedVariants(String phenotype, String gene, String mask) {
        return collapsed.getOrDefault(phenotype + "\t" + gene + "\t" + mask, -1);
    }

    /**
     * Per phenotype, the gene x mask pairs ({@code gene/mask}, sorted) of the given genes whose SKAT
     * discrete law ran past its work bound and kept the kernel mixture
     * ({@link GeneScores#discreteCapped()}), after {@link #run}; phenotypes without any are absent.
     * The genes select one part's pairs when parts of a run share this instance.
     */
    public Map<String, List<String>> discreteCapped(java.util.Set<String> genes) {
        Map<String, List<String>> out = new TreeMap<>();
        discreteCapped.forEach((trait, set) -> {
            List<String> pairs = new ArrayList<>();
            for (String key : new java.util.TreeSet<>(set)) {
                String[] geneMask = key.split("\t", 2);
                if (genes.contains(geneMask[0])) pairs.add(geneMask[0] + "/" + geneMask[1]);
            }
            if (!pairs.isEmpty()) out.put(trait, pairs);
        });
        return out;
    }

    /** Tests the genes' variants under every mask. */
    public Result run(List<TraitData> traits, List<GeneVariants> genes, IntConsumer progress) {
        return run(traits, null, genes, progress);
    }

    /**
     * As {@link #run(List, List, IntConsumer)} with null models fitted beforehand by {@link #fit}
     * (null: fitted here), so a runner that tests the genes in parts fits each trait once.
     */
    public Result run(List<TraitData> traits, NullModels models, List<GeneVariants> genes, IntConsumer progress) {
        return runUnits(traits, models, genes, AssociationRun::chromOf, this::testGene, progress);
    }

    /** The chromosome a gene's null model is chosen by (LOCO offsets): its first variant's. */
    public static String chromOf(GeneVariants gene) {
        return gene.variants().get(0).chrom();
    }

    /**
     * Fits every trait's null model once, as a run does before its first gene: one per trait, or
     * with LOCO offsets one per trait and chromosome in {@code chroms} (the genes' chromosomes, in
     * gene order, so a failing chromosome is the one a run would meet first). A trait whose model
     * cannot be fitted is recorded in {@link NullModels#failed} (thrown with {@link #stopOnFailedTrait}).
     */
    public NullModels fit(List<TraitData> traits, List<String> chroms) {
        List<Map<String, AssociationEngine>> engines = new ArrayList<>();
        List<FailedTrait> failed = new ArrayList<>();
        for (TraitData trait : traits) {
            try {
                EngineCache cache = new EngineCache(trait, null);
                Map<String, AssociationEngine> fitted = new java.util.LinkedHashMap<>();
                if (settings.offsets() == null) {
                    fitted.put("", cache.forChrom(null));
                } else {
                    for (String c : chroms) fitted.computeIfAbsent(EngineCache.key(c), k -> cache.forChrom(k.isEmpty() ? null : k));
                }
                engines.add(fitted);
            } catch (TraitFailure f) {
                if (stopOnFailedTrait) throw f.error;
                failed.add(new FailedTrait(trait.name(), f.error));
                engines.add(null);
            }
        }
        return new NullModels(engines, failed);
    }

    /**
     * Every trait's fitted null models ({@link #fit}), in trait order: serializable, so a cluster
     * runner fits them once on its driver and ships them to the workers.
     */
    public static final class NullModels implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        /** Per trait: engines by canonical chromosome ("" without offsets); null for a failed trait. */
        private final List<Map<String, AssociationEngine>> engines;
        private final List<FailedTrait> failed;

        NullModels(List<Map<String, AssociationEngine>> engines, List<FailedTrait> failed) {
            this.engines = new ArrayList<>(engines);
            this.failed = new ArrayList<>(failed);
        }

        /** Traits whose null model could not be fitted. */
        public List<FailedTrait> failed() {
            return List.copyOf(failed);
        }

        FailedTrait failure(String trait) {
            for (FailedTrait f : failed) if (f.phenotype().equals(trait)) return f;
            return null;
        }
    }

    /**
     * Tests gene impairment scores, one column per gene, with the single-column score test (the
     * burden test of one column of weight 1; logistic with SPA/Firth for binary traits). Rows have
     * mask and test {@value #SCORE_MASK}; n_carriers counts samples whose score differs from the
     * gene's baseline.
     *
     * @param chromOf chromosome of a gene for LOCO offsets (null when unknown)
     */
    public Result runScores(List<TraitData> traits, List<GeneScoreTable.GeneScore> genes,
                            java.util.function.Function<String, String> chromOf, IntConsumer progress) {
        return runScores(traits, null, genes, chromOf, progress);
    }

    /** As {@link #runScores(List, List, java.util.function.Function, IntConsumer)} with null models fitted beforehand (null: fitted here). */
    public Result runScores(List<TraitData> traits, NullModels models, List<GeneScoreTable.GeneScore> genes,
                            java.util.function.Function<String, String> chromOf, IntConsumer progress) {
        return runUnits(traits, models, genes, g -> chromOf == null ? null : chromOf.apply(g.gene()), this::testScore, progress);
    }

    private <G> Result runUnits(List<TraitData> traits, NullModels models, List<G> units, java.util.function.Function<G, String> chromOf,
                                UnitTester<G> tester, IntConsumer progress) {
        List<ResultRow> rows = new ArrayList<>();
        List<VariantRow> variantRows = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        List<FailedTrait> failed = new ArrayList<>();
        ExecutorService pool = DaemonPools.fixed(settings.threads(), "assoc-worker");
        try {
            // every null model without offsets is fitted before the first gene, so bad traits show at once
            List<EngineCache> caches = new ArrayList<>();
            for (int t = 0; t < traits.size(); t++) {
                TraitData trait = traits.get(t);
                if (models != null) {
                    FailedTrait f = models.failure(trait.name());
                    if (f != null) {
                        if (stopOnFailedTrait) throw f.error();
                        failed.add(f);
                    }
                    caches.add(f == null ? new EngineCache(trait, models.engines.get(t)) : null);
                    continue;
                }
                try {
                    caches.add(new EngineCache(trait, null));
                } catch (TraitFailure f) {
                    if (stopOnFailedTrait) throw f.error;
                    failed.add(new FailedTrait(trait.name(), f.error));
                    caches.add(null);
                }
            }
            AtomicInteger done = new AtomicInteger();
            for (int t = 0; t < traits.size(); t++) {
                TraitData trait = traits.get(t);
                EngineCache engines = caches.get(t);
                if (engines == null) {
                    progress.accept(done.addAndGet(units.size()));
                    continue;
                }
                List<Future<GeneOutcome>> futures = new ArrayList<>(units.size());
                for (int u = 0; u < units.size(); u++) {
                    int index = u;
                    futures.add(pool.submit(() -> {
                        // taken inside the task: a list that reads each gene when asked (StoreGenes) holds only the genes under test
                        G unit = units.get(index);
                        GeneOutcome o = tester.test(trait, unit, engines.forChrom(chromOf.apply(unit)));
                        progress.accept(done.incrementAndGet());
                        return o;
                    }));
                }
                Map<String, Map<String, Integer>> skips = new TreeMap<>();
                List<ResultRow> traitRows = new ArrayList<>();
                List<VariantRow> traitVariantRows = new ArrayList<>();
                try {
                    for (Future<GeneOutcome> f : futures) {
                        GeneOutcome o = get(f);
                        traitRows.addAll(o.rows());
                        traitVariantRows.addAll(o.variantRows());
                        for (String[] s : o.skips()) skips.computeIfAbsent(s[0], k -> new TreeMap<>()).merge(s[1], 1, Integer::sum);
                    }
                } catch (TraitFailure f) { // a LOCO null model of one chromosome: the whole trait is left out
                    for (Future<GeneOutcome> other : futures) other.cancel(true);
                    if (stopOnFailedTrait) throw f.error;
                    failed.add(new FailedTrait(trait.name(), f.error));
                    continue;
                }
                rows.addAll(traitRows);
                variantRows.addAll(traitVariantRows);
                skips.forEach((mask, byReason) -> byReason.forEach((reason, count) ->
                        skipped.add(new Skipped(trait.name(), mask, reason, count))));
            }
        } finally {
            pool.shutdownNow();
        }
        return new Result(rows, skipped, units.size(), variantRows, failed);
    }

    private GeneOutcome testGene(TraitData trait, GeneVariants gene, AssociationEngine engine) {
        List<ResultRow> rows = new ArrayList<>();
        List<VariantRow> variantRows = settings.singleVariant() ? new ArrayList<>() : List.of();
        List<String[]> skips = new ArrayList<>(0);
        MaskBuilder.TraitGene tg = settings.maskBuilder().forTrait(gene, trait);
        for (Mask mask : settings.masks()) {
            MaskBuilder.Outcome o = settings.maskBuilder().build(tg, mask);
            if (o.gene() == null) {
                skips.add(new String[] {mask.name(), o.skip().reason});
                continue;
            }
            MaskedGene mg = o.gene();
            collapsed.put(trait.name() + "\t" + gene.gene() + "\t" + mask.name(), mg.nCollapsed());
            long cpu0 = timings == null ? 0 : threadCpuNanos();
            GeneScores scores = settings.tests().isEmpty() && !settings.singleVariant() ? null
                    : engine.scores(mg.genotypes(), mg.weights());
            if (!settings.tests().isEmpty()) {
                double meanWeight = mg.alleleWeightedMeanWeight();
                List<GeneResult> results = timings == null ? engine.test(scores, settings.tests())
                        : timeTests(trait, gene, mask, mg, scores, engine, threadCpuNanos() - cpu0);
                if (scores.discreteCapped()) {
                    discreteCapped.computeIfAbsent(trait.name(), k -> ConcurrentHashMap.newKeySet()).add(gene.gene() + "\t" + mask.name());
                }
                for (GeneResult r : results) {
                    double perAllele = r.test().equals(Burden.INSTANCE.name()) ? r.beta() * meanWeight : Double.NaN;
                    rows.add(new ResultRow(trait.name(), gene.gene(), mask.name(), r.test(), mg.nVariants(), mg.mac(),
                            mg.nCarriers(), mg.caseControl(), r.beta(), r.se(), perAllele, r.log10P()));
                }
            }
            for (IndicatorBurden ib : settings.indicators()) {
                GeneGenotypes one = GeneGenotypes.of(trait.sampleCount(), List.of(ib.combine(mg.genotypes())));
                GeneResult r = engine.test(one, new double[] {1.0}, List.of(Burden.INSTANCE)).get(0);
                // the column is unweighted: beta is already per minor allele (sum) or per carried allele (max)
                rows.add(new ResultRow(trait.name(), gene.gene(), mask.name(), ib.testName, mg.nVariants(), mg.mac(),
                        mg.nCarriers(), mg.caseControl(), r.beta(), r.se(), r.beta(), r.log10P()));
            }
            if (settings.singleVariant()) {
                for (SingleVariant.Result r : SingleVariant.testAll(scores)) {
                    variantRows.add(VariantRow.of(trait.name(), gene.gene(), mask.name(), mg.genotypes().column(r.column()), r));
                }
            }
        }
        return new GeneOutcome(rows, skips, variantRows);
    }

    /** {@link AssociationEngine#test} one test at a time, reporting each one's CPU time. */
    private List<GeneResult> timeTests(TraitData trait, GeneVariants gene, Mask mask, MaskedGene mg, GeneScores scores,
                                       AssociationEngine engine, long scoresNanos) {
        List<GeneTest> tests = settings.tests();
        List<GeneResult> out = new ArrayList<>(tests.size());
        long[] cpu = new long[tests.size()];
        List<String> names = new ArrayList<>(tests.size());
        for (int i = 0; i < tests.size(); i++) {
            long c0 = threadCpuNanos();
            out.add(engine.test(scores, List.of(tests.get(i))).get(0));
            cpu[i] = threadCpuNanos() - c0;
            names.add(tests.get(i).name());
        }
        timings.accept(new GeneTiming(trait.name(), gene.gene(), mask.name(), mg.genotypes().variantCount(), scoresNanos, names, cpu));
        return out;
    }

    private static long threadCpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private GeneOutcome testScore(TraitData trait, GeneScoreTable.GeneScore gene, AssociationEngine engine) {
        GeneGenotypes.Column col = gene.columnOn(trait.analysisIndex());
        int k = col.carriers();
        if (k == 0) {
            return new GeneOutcome(List.of(), List.<String[]>of(new String[] {SCORE_MASK, "the score is the same for every analysed sample"}));
        }
        GeneResult r = engine.test(GeneGenotypes.of(trait.sampleCount(), List.of(col)), new double[] {1.0},
                List.of(Burden.INSTANCE)).get(0);
        return new GeneOutcome(List.of(new ResultRow(trait.name(), gene.gene(), SCORE_MASK, SCORE_TEST, 1, Double.NaN, k,
                r.beta(), r.se(), r.log10P())), List.of());
    }

    /** One engine per trait, or per trait and chromosome when LOCO offsets are given. */
    private final class EngineCache {
        private final TraitData trait;
        private final Map<String, AssociationEngine> byChrom = new ConcurrentHashMap<>();
        private final AssociationEngine plain;

        /** @param fitted engines fitted beforehand by chromosome key ({@link #fit}), or null */
        EngineCache(TraitData trait, Map<String, AssociationEngine> fitted) {
            this.trait = trait;
            if (fitted != null) byChrom.putAll(fitted);
            this.plain = settings.offsets() != null ? null : fitted != null ? fitted.get("") : engine(null);
        }

        static String key(String chrom) {
            return chrom == null ? "" : Contigs.canonical(chrom);
        }

        AssociationEngine forChrom(String chrom) {
            if (plain != null) return plain;
            return byChrom.computeIfAbsent(key(chrom), key -> engine(settings.offsets().offset(trait, key)));
        }

        private AssociationEngine engine(double[] offset) {
            NullModel model;
            try {
                model = trait.type() == TraitType.BINARY
                        ? NullModel.logistic(trait.y(), trait.x(), offset)
                        : NullModel.linear(trait.y(), trait.x(), offset);
            } catch (InputException e) {
                throw new TraitFailure(namingTrait(trait.name(), e));
            }
            return new AssociationEngine(model, settings.options());
        }
    }

    /**
     * The null model's error with the trait named first: {@code phenotype BT: the logistic null model
     * did not converge ...}; a covariate or offset problem keeps what it was about
     * ({@code phenotype BT, covariates: sample index 3: ...}).
     */
    static InputException namingTrait(String trait, InputException e) {
        String what = e.source() == null || e.source().equals("phenotype") ? "" : ", " + e.source();
        return new InputException("phenotype " + trait + what, e.location(), e.problem(), e.hint(), e);
    }

    private static GeneOutcome get(Future<GeneOutcome> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof InputException ie) throw ie;
            if (c instanceof RuntimeException re) throw re;
            if (c instanceof Error err) throw err;
            throw new IllegalStateException(c);
        }
    }
}
