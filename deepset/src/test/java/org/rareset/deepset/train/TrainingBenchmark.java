package org.rareset.deepset.train;

import org.rareset.deepset.model.DeepRvatInputs;
import org.rareset.deepset.model.VariantFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.rareset.deepset.model.AnnotationScaling;

/**
 * Training benchmark on a synthetic cohort (run by bench/train.sh, not a unit test): one network,
 * default hyperparameters, DeepRVAT's 34 inputs, seed genes with heavy-tailed carrier counts
 * (MAF below 1%), {@code --traits T} quantitative traits (default 1): trait t's seed genes are the genes
 * g with {@code g mod T = t}, and it is driven by pLoF/high-impact carriers of its even-numbered genes.
 *
 * <p>Arguments: {@code --samples 100000 --seed-genes 50 --rows-per-gene 100 --max-epochs 1000
 * --batch-size 1024 --mean-carriers 100 --traits 1 --trait-batches shared|interleaved}; {@code --epochs E}
 * trains exactly E epochs (for a seconds-per-epoch figure).
 */
public final class TrainingBenchmark {
    public static void main(String[] args) {
        int samples = 100_000;
        int genes = 50;
        int rowsPerGene = 100;
        int maxEpochs = 1000;
        int batchSize = 1024;
        double meanCarriers = 100;
        int scoreGenes = 0;
        int threads = 2;
        int traits = 1;
        int fixedEpochs = 0;
        TrainingOptions.TraitBatches traitBatches = TrainingOptions.TraitBatches.SHARED;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--samples" -> samples = Integer.parseInt(args[i + 1]);
                case "--seed-genes" -> genes = Integer.parseInt(args[i + 1]);
                case "--rows-per-gene" -> rowsPerGene = Integer.parseInt(args[i + 1]);
                case "--max-epochs" -> maxEpochs = Integer.parseInt(args[i + 1]);
                case "--batch-size" -> batchSize = Integer.parseInt(args[i + 1]);
                case "--mean-carriers" -> meanCarriers = Double.parseDouble(args[i + 1]);
                case "--score-genes" -> scoreGenes = Integer.parseInt(args[i + 1]);
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                case "--traits" -> traits = Integer.parseInt(args[i + 1]);
                case "--epochs" -> fixedEpochs = Integer.parseInt(args[i + 1]);
                case "--trait-batches" -> traitBatches = TrainingOptions.TraitBatches.valueOf(args[i + 1].toUpperCase(Locale.ROOT));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        long t0 = System.nanoTime();
        SplittableRandom rng = new SplittableRandom(17);
        List<String> ann = DeepRvatInputs.ANNOTATIONS;
        int w = ann.size();
        int[] plofCols = {4, 5, 6, 7, 8, 9};
        List<String> sampleNames = new ArrayList<>();
        for (int s = 0; s < samples; s++) sampleNames.add("S" + s);
        List<String> geneNames = new ArrayList<>();
        for (int g = 0; g < genes; g++) geneNames.add("G" + g);
        List<double[]> rows = new ArrayList<>();
        List<int[]> carriers = new ArrayList<>();
        List<Integer> rowGene = new ArrayList<>();
        double[][] y = new double[traits][samples];
        long entries = 0;
        // Carrier counts: Pareto-like, mostly rare, capped at MAF 1%.
        double alpha = 1.5;
        double xm = meanCarriers * (alpha - 1) / alpha;
        for (int g = 0; g < genes; g++) {
            boolean causal = g % 2 == 0;
            for (int r = 0; r < rowsPerGene; r++) {
                double[] row = new double[w];
                for (int j = 0; j < w; j++) row[j] = rng.nextGaussian();
                for (int c : plofCols) row[c] = 0;
                for (int j = 10; j < 15; j++) row[j] = 0;
                boolean plof = rng.nextDouble() < 0.1;
                if (plof) row[plofCols[rng.nextInt(plofCols.length)]] = 1;
                else row[12] = 1; // missense
                int n = (int) Math.min(2 * samples * 0.01, Math.max(1, Math.round(xm / Math.pow(1 - rng.nextDouble(), 1 / alpha))));
                row[0] = DeepRvatInputs.mafMb(n / (2.0 * samples));
                java.util.BitSet set = new java.util.BitSet(samples);
                while (set.cardinality() < n) set.set(rng.nextInt(samples));
                int[] c = set.stream().toArray();
                double effect = causal ? (plof ? 0.5 : 0.2 * Math.max(0, row[1])) : 0;
                for (int s : c) y[g % traits][s] += effect;
                rows.add(row);
                carriers.add(c);
                rowGene.add(g);
                entries += c.length;
            }
        }
        for (double[] yt : y) for (int s = 0; s < samples; s++) yt[s] += rng.nextGaussian();
        AnnotationScaling.Accumulator acc = new AnnotationScaling.Accumulator(w);
        for (double[] r : rows) acc.add(r);
        TrainingData.Builder b = new TrainingData.Builder(ann, acc.scaling(), plofCols, geneNames, sampleNames);
        for (int i = 0; i < rows.size(); i++) b.addRow(rowGene.get(i), rows.get(i), carriers.get(i));
        float[] cov = new float[samples * 2];
        for (int s = 0; s < samples; s++) {
            cov[2 * s] = (float) rng.nextGaussian();
            cov[2 * s + 1] = s % 2;
        }
        b.covariates(List.of("age", "sex"), cov);
        for (int t = 0; t < traits; t++) {
            double[] z = TraitTransforms.prepare(y[t], TraitTransforms.Method.QUANTILE);
            float[] zf = new float[samples];
            for (int s = 0; s < samples; s++) zf[s] = (float) z[s];
            int[] slots = new int[(genes - t + traits - 1) / traits];
            for (int g = t, k = 0; g < genes; g += traits) slots[k++] = g;
            b.trait(new TrainingData.Trait("QT" + t, false, zf, slots));
        }
        TrainingData data = b.build();
        long t1 = System.nanoTime();
        System.out.printf(Locale.ROOT, "cohort: %d samples, %d seed genes, %d trait(s), %d variant rows, %d carrier entries "
                + "(built in %.1f s)%n", samples, genes, traits, rows.size(), entries, (t1 - t0) / 1e9);

        double cpuTrain0 = cpuSeconds();
        List<Long> epochEnds = new ArrayList<>();
        List<Double> epochCpu = new ArrayList<>();
        TrainingOptions opt = TrainingOptions.defaults().withRepeats(1).withBatchSize(batchSize).withTraitBatches(traitBatches)
                .withEpochs(fixedEpochs > 0 ? fixedEpochs : 1, fixedEpochs > 0 ? fixedEpochs : maxEpochs);
        var outcome = new EnsembleTrainer(opt).train(data,
                new EnsembleTrainer.Provenance(VariantFilter.DEFAULT, DeepRvatInputs.PLOF_FLAGS, "bench"),
                line -> {
                    if (line.contains(" epoch ")) {
                        epochEnds.add(System.nanoTime());
                        epochCpu.add(cpuSeconds());
                    }
                    System.out.println(line);
                });
        long t2 = System.nanoTime();
        double cpu = cpuSeconds() - cpuTrain0;
        System.out.printf(Locale.ROOT, "training CPU time: %.1f s%n", cpu);
        var m = outcome.description().members().get(0);
        // Seconds per epoch: the median gap between epoch ends, leaving out the first epoch (engine start-up).
        double[] gaps = new double[Math.max(0, epochEnds.size() - 1)];
        for (int i = 1; i < epochEnds.size(); i++) gaps[i - 1] = (epochEnds.get(i) - epochEnds.get(i - 1)) / 1e9;
        double[] cpuGaps = new double[gaps.length];
        for (int i = 1; i < epochCpu.size(); i++) cpuGaps[i - 1] = epochCpu.get(i) - epochCpu.get(i - 1);
        java.util.Arrays.sort(gaps);
        java.util.Arrays.sort(cpuGaps);
        System.out.printf(Locale.ROOT, "seconds per epoch (median of %d after the first, %s batches): %.3f wall, %.3f CPU%n",
                gaps.length, traitBatches.name().toLowerCase(Locale.ROOT), gaps.length == 0 ? Double.NaN : gaps[gaps.length / 2],
                cpuGaps.length == 0 ? Double.NaN : cpuGaps[cpuGaps.length / 2]);
        System.out.printf(Locale.ROOT, "trained one network: %d epochs (best %d), %.1f s, %.2f s per epoch%n",
                m.epochs(), m.best_epoch(), (t2 - t1) / 1e9, (t2 - t1) / 1e9 / m.epochs());
        // Same seed, same bits: two runs must print the same checksum (the determinism check at this size).
        int checksum = 1;
        for (float[] v : outcome.weights().get(0).asMap().values()) checksum = 31 * checksum + java.util.Arrays.hashCode(v);
        System.out.printf(Locale.ROOT, "network checksum %08x, best validation loss %s%n", checksum,
                Double.toString(m.validation_loss()));
        if (scoreGenes > 0) score(outcome.ensemble(), scoreGenes, rowsPerGene, samples, xm, alpha, threads);
    }

    /** CPU time of this process (all threads, including PyTorch's). */
    static double cpuSeconds() {
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os.getProcessCpuTime() / 1e9;
    }

    /**
     * Scores {@code nGenes} synthetic genes (same row and carrier distributions, generated on the
     * fly) for every sample with a 6-member ensemble of the trained network (the default ensemble
     * size; the cost is that of 6 distinct networks), keeping only a checksum.
     */
    static void score(org.rareset.deepset.model.TrainedEnsemble trained, int nGenes, int rowsPerGene, int samples,
                      double xm, double alpha, int threads) {
        var net = trained.members().get(0);
        java.util.List<org.rareset.deepset.model.MlpDeepSet> six = java.util.Collections.nCopies(6, net);
        org.rareset.deepset.model.ScoringEnsemble ens = new org.rareset.deepset.model.ScoringEnsemble() {
            public List<String> annotations() { return trained.annotations(); }
            public List<org.rareset.deepset.model.MlpDeepSet> members() { return six; }
            public String describe() { return "6 x trained network"; }
        };
        var engine = new org.rareset.deepset.score.GeneScoringEngine(ens);
        int w = trained.annotations().size();
        java.util.Iterator<org.rareset.deepset.score.GeneRows> generator = new java.util.Iterator<>() {
            int g = 0;
            public boolean hasNext() { return g < nGenes; }
            public org.rareset.deepset.score.GeneRows next() {
                SplittableRandom rng = new SplittableRandom(1000L + g);
                double[] values = new double[rowsPerGene * w];
                int[][] carriers = new int[rowsPerGene][];
                for (int r = 0; r < rowsPerGene; r++) {
                    for (int j = 0; j < w; j++) values[r * w + j] = rng.nextGaussian();
                    int n = (int) Math.min(2 * samples * 0.01, Math.max(1, Math.round(xm / Math.pow(1 - rng.nextDouble(), 1 / alpha))));
                    int[] c = new int[n];
                    for (int k = 0; k < n; k++) c[k] = rng.nextInt(samples);
                    carriers[r] = java.util.Arrays.stream(c).sorted().distinct().toArray();
                }
                return new org.rareset.deepset.score.GeneRows("G" + (g++), w, values, carriers);
            }
        };
        // Genes are generated before the clock starts, so only scoring is timed.
        List<org.rareset.deepset.score.GeneRows> all = new ArrayList<>();
        generator.forEachRemaining(all::add);
        java.util.Iterator<org.rareset.deepset.score.GeneRows> genes = all.iterator();
        double cpu0 = cpuSeconds();
        long t0 = System.nanoTime();
        double[] checksum = new double[1];
        long[] carried = new long[1];
        engine.scoreAll(genes, threads, s -> {
            checksum[0] += s.emptyScore();
            carried[0] += s.carriers().length;
            for (double x : s.carrierScores()) checksum[0] += x;
        });
        double sec = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "scored %d genes x %d samples (%d carrier pairs) with 6 networks on %d threads "
                + "in %.1f s (%.2f ms per gene; checksum %.3f)%n", nGenes, samples, carried[0], threads, sec,
                sec * 1000 / nGenes, checksum[0]);
        System.out.printf(Locale.ROOT, "scoring CPU time (all threads): %.1f s%n", cpuSeconds() - cpu0);
    }
}
