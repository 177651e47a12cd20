package org.rareset.association.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.rareset.annotate.GeneModelReader;
import org.rareset.association.burden.BurdenFiles;
import org.rareset.association.burden.MaskBurdens;
import org.rareset.association.gene.GeneTest;
import org.rareset.association.gene.GeneTests;
import org.rareset.association.gene.TestOptions;
import org.rareset.association.input.AnnotationTable;
import org.rareset.association.input.GeneScoreTable;
import org.rareset.association.input.GeneVariants;
import org.rareset.association.input.LocoPredictions;
import org.rareset.association.input.QtTransform;
import org.rareset.association.input.TraitChecks;
import org.rareset.association.input.TraitData;
import org.rareset.association.mask.IndicatorBurden;
import org.rareset.association.mask.Mask;
import org.rareset.association.mask.MaskBuilder;
import org.rareset.association.mask.MaskFile;
import org.rareset.association.mask.RegenieMaskFiles;
import org.rareset.association.mask.SaigeGroupFile;
import org.rareset.association.mask.Weighting;
import org.rareset.association.multiple.SignificanceTable;
import org.rareset.association.multiple.TraitSummary;
import org.rareset.core.InputException;
import org.rareset.core.RareSetVersion;
import org.rareset.core.concurrent.Chunk;
import org.rareset.core.formats.GeneInfo;
import org.rareset.core.formats.ResultFile;
import org.rareset.core.formats.ResultRow;
import org.rareset.core.region.Contigs;

/**
 * One {@code assoc} run from its {@link AssociationSettings}: checks the settings, reads the cohort
 * and the masks (or the gene scores), builds the null models and tests, runs every trait x gene x
 * mask x test and writes the results with their side files (summary, significant genes, skipped
 * genes, settings; single-variant rows, burdens and REGENIE files when asked).
 *
 * <p>Messages go to the {@code log} as plain lines; how they are shown (prefix, quiet) is the
 * caller's choice. Usable without a command line: give it settings and call {@link #run()}.
 */
public final class AssociationJob {
    /** SAIGE-GENE+'s default maximum MAF; REGENIE makes the user choose (--aaf-bins), DeepRVAT tests MAF < 0.001. */
    public static final double DEFAULT_MAX_MAF = 0.01;

    /** Genes done out of the total, e.g. for a progress line on a terminal. */
    public interface Progress {
        Progress NONE = new Progress() {
            @Override
            public void start(int total) {}

            @Override
            public void update(int done) {}

            @Override
            public void finish() {}
        };

        /** Called once, before testing, with the number of trait x gene units. */
        void start(int total);

        void update(int done);

        void finish();
    }

    private final AssociationSettings s;
    private final Consumer<String> log;
    private final Progress progress;
    private List<IndicatorBurden> indicators = List.of();
    /** The masks tested (set by {@link #prepare}), for SAIGE-GENE+'s table. */
    private List<Mask> testedMasks = List.of();

    public AssociationJob(AssociationSettings settings, Consumer<String> log, Progress progress) {
        this.s = settings;
        this.log = log;
        this.progress = progress;
    }

    /** Runs the analysis and writes every output; bad input is an {@link InputException}. */
    public void run() throws IOException {
        Prepared p = prepare();
        int g = p.geneCount();
        int from = 0, to = g;
        if (s.chunk() != null) { // Chunk.select's contiguous block, as index bounds
            List<Integer> idx = Chunk.select(s.chunk(), java.util.stream.IntStream.range(0, g).boxed().toList());
            from = idx.isEmpty() ? 0 : idx.get(0);
            to = idx.isEmpty() ? 0 : idx.get(idx.size() - 1) + 1;
        }
        p.testAndWrite(from, to, null, s.out(), progress);
    }

    /**
     * Everything a run reads and builds before its first gene: the settings checked, the cohort's
     * traits, the masks (or gene scores), the genotypes grouped into genes and the test runner.
     * A runner that tests the genes in parts (the Spark runner) prepares once per process and calls
     * {@link Prepared#testAndWrite} per part; {@link #run()} is one call over every gene (or the chunk).
     */
    public Prepared prepare() throws IOException {
        s.check();
        List<GeneTest> testList = parseTests();
        Cohort cohort = new Cohort(s.cohort());
        cohort.readSampleTables();
        List<String> traits = cohort.traits();
        Path pred = s.pred();
        Map<String, LocoPredictions> predictions = pred == null ? null : LocoPredictions.readList(pred);
        if (predictions != null) {
            for (String t : traits) {
                if (!predictions.containsKey(t)) {
                    throw new InputException(pred.toString(), null, "no LOCO predictions for trait '" + t + "'",
                            "the list names: " + String.join(", ", predictions.keySet()));
                }
            }
        }
        AssociationRun.OffsetProvider offsets = predictions == null ? null : (trait, chrom) -> {
            if (chrom == null) {
                throw new InputException(pred.toString(), null, "--pred needs each gene's chromosome", "give --annotations with --scores");
            }
            return predictions.get(trait.name()).offsets(trait, chrom);
        };
        TestOptions options = new TestOptions(TestOptions.DEFAULT_RHO, s.firthThreshold(), !s.noSpa(), 2.0, s.skato());
        QtTransform transform = QtTransform.parse(s.qtTransform());
        SettingsWriter settings = new SettingsWriter().put("version", RareSetVersion.version());
        Map<String, RegenieResultWriter.Locus> loci = new HashMap<>();
        List<String> regenieHeader = new ArrayList<>();
        if (s.scores() != null) {
            GeneScoreTable scoreTable = GeneScoreTable.read(s.scores());
            log.accept(String.format("scores: %d genes x %d samples", scoreTable.genes().size(), scoreTable.samples().size()));
            List<TraitData> traitData = transform.applyAll(cohort.buildTraits(scoreTable.samples(), log), log);
            for (TraitData t : traitData) TraitChecks.quantitativeWarning(t).ifPresent(log);
            AnnotationTable ann = s.cohort().annotations() == null ? null : cohort.readAnnotations();
            AssociationRun run = new AssociationRun(new AssociationRun.Settings(List.of(), options, List.of(), null,
                    s.threads(), offsets)).stopOnFailedTrait(s.cohort().failOnTraitError());
            if (ann != null) for (GeneScoreTable.GeneScore g : scoreTable.genes()) loci.put(g.gene(), new RegenieResultWriter.Locus(ann.chromOf(g.gene()), -1));
            settings.put("input", "gene impairment scores " + s.scores().getFileName()).put("tests", AssociationRun.SCORE_TEST);
            return new Prepared(cohort, traitData, run, null, scoreTable.genes(), ann == null ? null : ann::chromOf, n -> "",
                    geneInfo(ann), loci, regenieHeader, settings);
        }
        AnnotationTable ann;
        List<Mask> masks;
        List<Double> limits = s.maxMaf() == null || s.maxMaf().isEmpty() ? List.of(DEFAULT_MAX_MAF) : s.maxMaf();
        if (s.regenieMasks().given()) {
            // REGENIE's masks carry their own frequency bins (--aaf-bins)
            RegenieMaskFiles files = s.regenieMasks().read();
            files.report().forEach(log);
            ann = files.table();
            masks = files.masks();
            files.positions().forEach((g, p) -> loci.put(g, new RegenieResultWriter.Locus(p.chrom(), p.pos())));
            StringBuilder h = new StringBuilder("##MASKS=<");
            files.definitions().forEach((m, d) -> h.append(h.length() > 9 ? ";" : "").append(m).append("=\"").append(d).append('"'));
            regenieHeader.add(h.append('>').toString());
        } else if (s.saigeGroups().given()) {
            SaigeGroupFile group = s.saigeGroups().read(limits);
            log.accept(group.report());
            ann = group.table();
            masks = group.masks();
        } else {
            ann = cohort.readAnnotations();
            masks = MaskFile.expand(s.maskFile() == null ? List.of(Mask.all()) : MaskFile.read(s.maskFile(), ann.annotationColumns()), limits);
        }
        for (Mask m : masks) if (m.expression() != null) m.expression().requireNumbers(ann);
        testedMasks = masks;
        Weighting weighting = Weighting.parse(s.weights(), ann);
        Cohort.Genotypes genotypes = cohort.readGenotypes(ann, log);
        if (ann.swappedMatches() > 0) {
            log.accept(String.format("%d genotyped variant(s) matched a mask-file id with REF and ALT swapped (the genotypes' ALT allele is counted)", ann.swappedMatches()));
        }
        List<GeneVariants> genes = genotypes.genes();
        for (GeneVariants g : genes) {
            // without a set list, a gene is placed at its first variant, as REGENIE places sets at the set list's position
            loci.putIfAbsent(g.gene(), new RegenieResultWriter.Locus(Contigs.canonical(g.variants().get(0).chrom()), g.variants().get(0).pos()));
        }
        List<TraitData> traitData = transform.applyAll(cohort.buildTraits(genotypes.samples(), log), log);
        for (TraitData t : traitData) {
            TraitChecks.quantitativeWarning(t).ifPresent(log);
            TraitChecks.uncollapsedWarning(t, s.collapseMac()).ifPresent(log);
        }
        if (s.writeBurdens() != null) writeBurdens(ann, weighting, masks, genotypes.samples(), Chunk.select(s.chunk(), genes), loci);
        AssociationRun run = new AssociationRun(new AssociationRun.Settings(testList, options, masks,
                new MaskBuilder(ann, weighting, s.collapseMac(), s.minMac()), s.threads(), offsets, indicators, s.singleVariant()))
                .stopOnFailedTrait(s.cohort().failOnTraitError());
        int nMasks = masks.size(), nTests = testList.size() + indicators.size();
        settings.put("input", "variants").put("tests", s.tests())
                .put("masks", String.join("; ", masks.stream().map(m -> m.name() + (m.expression() == null ? "" : ": " + m.expression())
                        + (m.hasMafLimit() ? " (MAF <= " + m.maxMaf() + ")" : "")).toList()))
                .put("max_maf", s.regenieMasks().given() ? "REGENIE --aaf-bins (see masks)"
                        : limits.stream().map(String::valueOf).collect(Collectors.joining(",")))
                .put("min_mac", s.minMac() == Math.rint(s.minMac()) ? String.valueOf((long) s.minMac()) : String.valueOf(s.minMac()))
                .put("collapse_mac", s.collapseMac()).put("weights", s.weights());
        return new Prepared(cohort, traitData, run, genes, null, null, n -> String.format(
                "testing %d genes x %d mask(s) x %d trait(s) x %d test(s) on %d thread(s)", n, nMasks, traitData.size(), nTests, s.threads()),
                geneInfo(ann), loci, regenieHeader, settings);
    }

    /**
     * A prepared run ({@link #prepare()}): genes (or gene scores) in the order a run writes them,
     * the traits and the test runner. {@link #testAndWrite} may be called from several threads.
     */
    public final class Prepared {
        private final Cohort cohort;
        private final List<TraitData> traitData;
        private final AssociationRun run;
        private final List<GeneVariants> genes;
        private final List<GeneScoreTable.GeneScore> scoreGenes;
        private final java.util.function.Function<String, String> chromOf;
        private final java.util.function.IntFunction<String> announce;
        private final GeneInfo.Lookup geneInfo;
        private final Map<String, RegenieResultWriter.Locus> loci;
        private final List<String> regenieHeader;
        private final SettingsWriter settings;

        private Prepared(Cohort cohort, List<TraitData> traitData, AssociationRun run, List<GeneVariants> genes,
                         List<GeneScoreTable.GeneScore> scoreGenes, java.util.function.Function<String, String> chromOf,
                         java.util.function.IntFunction<String> announce, GeneInfo.Lookup geneInfo,
                         Map<String, RegenieResultWriter.Locus> loci, List<String> regenieHeader, SettingsWriter settings) {
            this.cohort = cohort;
            this.traitData = traitData;
            this.run = run;
            this.genes = genes;
            this.scoreGenes = scoreGenes;
            this.chromOf = chromOf;
            this.announce = announce;
            this.geneInfo = geneInfo;
            this.loci = loci;
            this.regenieHeader = regenieHeader;
            this.settings = settings;
        }

        /** Genes (or gene scores) to test, in output order. */
        public int geneCount() {
            return genes != null ? genes.size() : scoreGenes.size();
        }

        /**
         * Work of testing gene {@code i}, for splitting the genes into parts of similar cost: its
         * variants x carrier entries (summed over its variants), the size of the genotype products
         * its tests form; for gene scores, the samples whose score differs from the gene's baseline.
         */
        public long cost(int i) {
            if (genes == null) return Math.max(1, scoreGenes.get(i).samples().length);
            GeneVariants g = genes.get(i);
            long carriers = 0;
            for (org.rareset.genotypes.vcf.Variant v : g.variants()) carriers += v.carrierCount();
            return Math.max(1, (long) g.size() * carriers);
        }

        /** The analysed traits (phenotype and covariate tables read, samples matched). */
        public List<TraitData> traits() {
            return traitData;
        }

        /** Every trait's null model, fitted once (see {@link AssociationRun#fit}). */
        public AssociationRun.NullModels fitNullModels() {
            List<String> chroms = new ArrayList<>();
            if (genes != null) for (GeneVariants g : genes) chroms.add(AssociationRun.chromOf(g));
            else if (chromOf != null) for (GeneScoreTable.GeneScore g : scoreGenes) chroms.add(chromOf.apply(g.gene()));
            return run.fit(traitData, chroms);
        }

        /**
         * Tests genes {@code from} (inclusive) to {@code to} (exclusive) and writes their results
         * and side files to {@code out}, exactly as a {@code --chunk} run of these genes would.
         *
         * @param traits the traits to test: {@link #traits()}, or the same traits built elsewhere (a driver's)
         * @param models null models fitted beforehand ({@link #fitNullModels()}), or null to fit them here
         */
        public void testAndWrite(int from, int to, List<TraitData> traits, AssociationRun.NullModels models, Path out,
                                 Progress progress) throws IOException {
            GeneTimingSummary timingSummary = new GeneTimingSummary();
            AssociationRun r = run;
            if (s.timeGenes() && genes != null) {
                // the CPU cost of every gene x mask and test, to find slow genes
                r = r.timed(t -> { timingSummary.accept(t); log.accept(t.format()); });
            }
            int nGenes = to - from;
            if (genes != null) {
                log.accept(announce.apply(nGenes));
            } else {
                log.accept(String.format("testing the scores of %d genes x %d trait(s) on %d thread(s)", nGenes, traits.size(), s.threads()));
            }
            progress.start(nGenes * traits.size());
            long t0 = System.nanoTime();
            long cpu0 = processCpuNanos();
            AssociationRun.Result result = genes != null ? r.run(traits, models, genes.subList(from, to), progress::update)
                    : r.runScores(traits, models, scoreGenes.subList(from, to), chromOf, progress::update);
            progress.finish();
            timingSummary.lines().forEach(log);
            java.util.Set<String> partGenes = new java.util.HashSet<>();
            if (genes != null) for (GeneVariants g : genes.subList(from, to)) partGenes.add(g.gene());
            r.discreteCapped(partGenes).forEach((trait, pairs) -> log.accept(String.format(Locale.ROOT,
                    "note: binary trait %s: %d gene x mask test(s) ran past the work bound of SKAT's discrete law and kept the"
                            + " kernel mixture for SKAT/SKAT-O (docs/calibration.md): %s", trait, pairs.size(),
                    String.join(", ", pairs.subList(0, Math.min(pairs.size(), 10))) + (pairs.size() > 10 ? ", ..." : ""))));
            List<AssociationRun.FailedTrait> failedTraits;
            synchronized (cohort) { // parts tested at once share the cohort's list of traits left out
                failedTraits = cohort.checkFailedTraits(result, log);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
            log.accept(String.format(Locale.ROOT, "tested %d genes x %d trait(s) in %.2f s (%.2f s CPU): %.1f genes/s per trait",
                    nGenes, traits.size(), seconds, cpuSeconds, seconds > 0 ? nGenes * traits.size() / seconds : 0));
            write(out, result, traits, failedTraits, nGenes, geneInfo, loci, regenieHeader, settings.copy());
            if (s.outFormat().equalsIgnoreCase("saige")) {
                AssociationRun ran = r; // the instance that tested (timed() makes a new one) holds the collapsed counts
                for (Path p : SaigeGeneTableWriter.write(out, result.rows(), testedMasks, ran::collapsedVariants)) log.accept("wrote " + p);
            }
        }

        /** {@link #testAndWrite(int, int, List, AssociationRun.NullModels, Path, Progress)} of {@link #traits()}. */
        public void testAndWrite(int from, int to, AssociationRun.NullModels models, Path out, Progress progress) throws IOException {
            testAndWrite(from, to, traitData, models, out, progress);
        }
    }

    /** The results and their side files, and the closing log lines. */
    private void write(Path out, AssociationRun.Result result, List<TraitData> traitData, List<AssociationRun.FailedTrait> failedTraits, int nGenes,
                       GeneInfo.Lookup geneInfo, Map<String, RegenieResultWriter.Locus> loci, List<String> regenieHeader,
                       SettingsWriter settings) throws IOException {
        double alpha = s.alpha();
        List<ResultRow> rows = s.scores() != null ? result.rows() : GeneOmnibus.append(result.rows());
        ResultFile.write(out, rows, geneInfo);
        if (s.outFormat().equalsIgnoreCase("regenie")) {
            Map<String, Integer> sizes = new HashMap<>();
            for (TraitData t : traitData) sizes.put(t.name(), t.sampleCount());
            for (Path p : RegenieResultWriter.write(out, rows, loci::get, sizes::get, regenieHeader)) log.accept("wrote " + p);
        }
        if (s.singleVariant()) {
            Path single = VariantRowWriters.path(out);
            VariantRowWriters.write(single, result.variantRows());
            log.accept(String.format(Locale.ROOT, "wrote %d single-variant rows to %s", result.variantRows().size(), single));
        }
        SignificanceTable<ResultRow> sig = new SignificanceTable<>(rows, ResultRow::phenotype, ResultRow::test, ResultRow::log10P, alpha);
        SummaryWriter.writeSummary(SummaryWriter.summaryPath(out), sig.summaries(), alpha);
        SummaryWriter.writeSignificantGenes(SummaryWriter.significantPath(out), sig.adjusted(), sig.summaries(), rows, geneInfo);
        SummaryWriter.writeSignificantPerTest(SummaryWriter.significantPerTestPath(out), sig.adjusted(), sig.summaries());
        List<AssociationRun.Skipped> skipped = new ArrayList<>(result.skipped());
        for (AssociationRun.FailedTrait f : failedTraits) {
            skipped.add(new AssociationRun.Skipped(f.phenotype(), "*", "trait not analysed: " + f.reason(), nGenes));
        }
        SummaryWriter.writeSkipped(SummaryWriter.skippedPath(out), skipped);
        settings.put("qt_transform", s.qtTransform()).put("spa", !s.noSpa()).put("firth_threshold", s.firthThreshold())
                .put("skato_method", s.skato().label())
                .put("alpha", alpha).put("n_genes", nGenes);
        settings.write(SettingsWriter.path(out), traitData);

        for (AssociationRun.Skipped sk : result.skipped()) {
            log.accept(String.format("skipped: %s, mask %s: %d gene(s): %s", sk.phenotype(), sk.mask(), sk.genes(), sk.reason()));
        }
        for (TraitSummary ts : sig.summaries()) {
            String unit = SummaryWriter.unit(ts.test());
            log.accept(String.format(Locale.ROOT, "%s %s: %d %s, lambda %.3f, %d Bonferroni-significant, %d at FDR %s (over its %s)",
                    ts.phenotype(), ts.test(), ts.nTests(), unit, ts.lambda(), ts.nBonferroni(), ts.nBenjaminiHochberg(), alpha, unit));
        }
        for (TraitData t : traitData) {
            Map<String, Integer> units = new LinkedHashMap<>();
            for (ResultRow r : result.rows()) {
                if (r.phenotype().equals(t.name())) units.putIfAbsent(r.gene() + "\t" + r.mask(), r.nCarriers());
            }
            TraitChecks.fewCasesNote(t, List.copyOf(units.values()), Integer::intValue).ifPresent(log);
        }
        log.accept(String.format(Locale.ROOT, "wrote %d rows to %s", rows.size(), out));
    }

    private GeneInfo.Lookup geneInfo(AnnotationTable ann) {
        if (s.geneModel() != null) return GeneInfoTable.fromGeneModel(GeneModelReader.read(s.geneModel()), ann);
        return ann == null ? GeneInfo.Lookup.NONE : GeneInfoTable.fromAnnotations(ann);
    }

    private void writeBurdens(AnnotationTable ann, Weighting weighting, List<Mask> masks, List<String> samples, List<GeneVariants> genes,
                              Map<String, RegenieResultWriter.Locus> loci) throws IOException {
        Path writeBurdens = s.writeBurdens();
        MaskBurdens burdens = new MaskBurdens(new MaskBuilder(ann, weighting, 0), s.regenieMasks().burden(), masks, samples);
        List<MaskBurdens.GeneMask> all = new ArrayList<>();
        for (GeneVariants g : genes) all.addAll(burdens.of(g));
        if (BurdenFiles.isBed(writeBurdens)) {
            BurdenFiles.writeBed(writeBurdens, samples, all, gene -> {
                RegenieResultWriter.Locus l = loci.get(gene);
                return l == null ? null : new BurdenFiles.Locus(l.chrom(), Math.max(0, l.pos()));
            });
            log.accept(String.format("wrote %d gene x mask burden(s) of %d samples to %s (.bim, .fam beside it)", all.size(), samples.size(), writeBurdens));
        } else {
            long rows = BurdenFiles.writeTable(writeBurdens, samples, all);
            log.accept(String.format("wrote %d gene x mask burden(s), %d non-zero or unknown sample burdens, to %s", all.size(), rows, writeBurdens));
        }
        burdens.skipped().forEach((what, count) -> log.accept(String.format("burdens: %d gene(s) without mask %s", count, what)));
    }

    private List<GeneTest> parseTests() {
        List<String> engineTests = new ArrayList<>();
        indicators = new ArrayList<>();
        for (String t : s.tests().split(",")) {
            if (t.isBlank()) continue;
            IndicatorBurden ib = IndicatorBurden.byName(t);
            if (ib != null) {
                if (!indicators.contains(ib)) indicators.add(ib);
            } else {
                engineTests.add(t);
            }
        }
        if (s.scores() == null && s.regenieMasks().given()) {
            IndicatorBurden b = s.regenieMasks().burden();
            if (!indicators.contains(b)) indicators.add(b);
        }
        try {
            List<GeneTest> list = GeneTests.parse(String.join(",", engineTests));
            if (list.isEmpty() && indicators.isEmpty()) throw new IllegalArgumentException("no test given");
            return list;
        } catch (IllegalArgumentException e) {
            throw new InputException(null, null, "--tests: " + e.getMessage(), "valid tests: " + String.join(",", GeneTests.names())
                    + ",burden-max,burden-sum");
        }
    }

    /** CPU time of the whole process (all threads), or 0 where the JVM does not report it. */
    static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0L;
    }
}
