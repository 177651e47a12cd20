package org.rareset.association.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.rareset.annotate.InputException;
import org.rareset.association.engine.AssociationEngine;
import org.rareset.association.input.GeneVariants;
import org.rareset.association.input.TraitData;
import org.rareset.association.mask.Mask;
import org.rareset.association.mask.MaskBuilder;
import org.rareset.association.mask.MaskedGene;
import org.rareset.association.nullmodel.NullModel;
import org.rareset.association.nullmodel.TraitType;
import org.rareset.association.tests.GeneResult;
import org.rareset.association.tests.GeneTest;
import org.rareset.association.tests.TestOptions;

/**
 * Runs every trait x gene x mask x test: fits each trait's null model once, then tests genes in
 * parallel (each worker takes whole genes) and returns the rows in a fixed order (trait, gene in
 * source order, mask, test) whatever the thread count. Genes skipped under a mask are counted
 * per trait, mask and reason.
 */
public final class AssociationRun {
    /** Offsets for a trait's null model: per chromosome (LOCO) or null for none. */
    @FunctionalInterface
    public interface OffsetProvider {
        /** Offset per analysed sample of {@code trait} for genes on {@code chrom}; null = no offset. */
        double[] offset(TraitData trait, String chrom);
    }

    public record Settings(List<GeneTest> tests, TestOptions options, List<Mask> masks, MaskBuilder maskBuilder,
                           int threads, OffsetProvider offsets) {}

    /** Counts of (trait, mask, reason) for genes with nothing to test. */
    public record Skipped(String phenotype, String mask, String reason, int genes) {}

    public record Result(List<ResultRow> rows, List<Skipped> skipped, int genes) {}

    private final Settings settings;

    public AssociationRun(Settings settings) {
        this.settings = settings;
    }

    /**
     * @param progress called with the number of genes done so far (from worker threads)
     */
    public Result run(List<TraitData> traits, List<GeneVariants> genes, IntConsumer progress) {
        List<ResultRow> rows = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, settings.threads()), r -> {
            Thread t = new Thread(r, "assoc-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            // every null model is fitted before the first gene, so bad traits fail fast
            List<EngineCache> caches = new ArrayList<>();
            for (TraitData trait : traits) caches.add(new EngineCache(trait));
            for (int t = 0; t < traits.size(); t++) {
                TraitData trait = traits.get(t);
                EngineCache engines = caches.get(t);
                @SuppressWarnings("unchecked")
                Future<GeneOutcome>[] futures = new Future[genes.size()];
                AtomicInteger done = new AtomicInteger();
                for (int g = 0; g < genes.size(); g++) {
                    GeneVariants gene = genes.get(g);
                    futures[g] = pool.submit(() -> {
                        GeneOutcome o = testGene(trait, gene, engines.forGene(gene));
                        progress.accept(done.incrementAndGet());
                        return o;
                    });
                }
                Map<String, Map<MaskBuilder.Skip, Integer>> skips = new TreeMap<>();
                for (Future<GeneOutcome> f : futures) {
                    GeneOutcome o = get(f);
                    rows.addAll(o.rows);
                    for (String[] s : o.skips) {
                        skips.computeIfAbsent(s[0], k -> new TreeMap<>()).merge(MaskBuilder.Skip.valueOf(s[1]), 1, Integer::sum);
                    }
                }
                for (Mask m : settings.masks()) {
                    Map<MaskBuilder.Skip, Integer> bySkip = skips.get(m.name());
                    if (bySkip == null) continue;
                    bySkip.forEach((reason, count) -> skipped.add(new Skipped(trait.name(), m.name(), reason.reason, count)));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new Result(rows, skipped, genes.size());
    }

    private record GeneOutcome(List<ResultRow> rows, List<String[]> skips) {}

    private GeneOutcome testGene(TraitData trait, GeneVariants gene, AssociationEngine engine) {
        List<ResultRow> rows = new ArrayList<>();
        List<String[]> skips = new ArrayList<>(0);
        MaskBuilder.TraitGene tg = settings.maskBuilder().forTrait(gene, trait);
        for (Mask mask : settings.masks()) {
            MaskBuilder.Outcome o = settings.maskBuilder().build(tg, mask);
            if (o.gene() == null) {
                skips.add(new String[] {mask.name(), o.skip().name()});
                continue;
            }
            MaskedGene mg = o.gene();
            List<GeneResult> results = engine.test(mg.genotypes(), mg.weights(), settings.tests());
            for (GeneResult r : results) {
                rows.add(new ResultRow(trait.name(), gene.gene(), mask.name(), r.test(), mg.nVariants(), mg.mac(),
                        mg.nCarriers(), r.beta(), r.se(), r.log10P()));
            }
        }
        return new GeneOutcome(rows, skips);
    }

    /** One engine per trait, or per trait and chromosome when LOCO offsets are given. */
    private final class EngineCache {
        private final TraitData trait;
        private final Map<String, AssociationEngine> byChrom = new java.util.concurrent.ConcurrentHashMap<>();
        private final AssociationEngine plain;

        EngineCache(TraitData trait) {
            this.trait = trait;
            this.plain = settings.offsets() == null ? engine(null) : null;
        }

        AssociationEngine forGene(GeneVariants gene) {
            if (plain != null) return plain;
            String chrom = gene.variants().get(0).chrom();
            return byChrom.computeIfAbsent(org.rareset.annotate.vcf.Contigs.canonical(chrom),
                    c -> engine(settings.offsets().offset(trait, c)));
        }

        private AssociationEngine engine(double[] offset) {
            NullModel model = trait.type() == TraitType.BINARY
                    ? NullModel.logistic(trait.y(), trait.x(), offset)
                    : NullModel.linear(trait.y(), trait.x(), offset);
            return new AssociationEngine(model, settings.options());
        }
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
