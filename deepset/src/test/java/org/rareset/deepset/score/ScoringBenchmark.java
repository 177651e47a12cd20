package org.rareset.deepset.score;

import org.rareset.deepset.model.ScoringEnsemble;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.rareset.deepset.model.MlpDeepSet;
import org.rareset.deepset.pretrained.PretrainedEnsemble;
import org.rareset.deepset.score.output.ScoresWriter;

/**
 * Scoring benchmark on a synthetic sparse cohort (run by bench/score.sh, not a unit test).
 *
 * <p>Genes get a Poisson number of annotation rows; each row's carrier count follows a heavy
 * tail (most variants are singletons, a few reach MAF 0.5%); carriers are uniform over samples.
 * Annotation values are DeepRVAT-like (MAF_MB from the carrier count, the rest random). The
 * ensemble is DeepRVAT's 30 published models when {@code --pretrained DIR} is given, else
 * {@code --models N} random DeepRVAT-shaped networks (34 -> 20 -> 20, 20 -> 10 -> 10 -> 1).
 *
 * <p>Arguments: {@code --genes 20000 --samples 100000 --rows-per-gene 50 --threads 2
 * [--pretrained DIR | --models 6] [--write-genes 200 --out DIR] [--sparse true --out DIR]}.
 *
 * <p>{@code --sparse true} then scores every gene again while writing the default sparse layout to
 * Parquet, and prints that time against the engine-only time of the same process (the ratio the
 * biobank-scale target is stated in) and the file's size.
 */
public final class ScoringBenchmark {
    public static void main(String[] args) throws Exception {
        int genes = 20_000;
        int samples = 100_000;
        double rowsPerGene = 50;
        int threads = 2;
        int models = 6;
        Path pretrained = null;
        int writeGenes = 0;
        boolean sparse = false;
        Path outDir = Path.of(System.getProperty("java.io.tmpdir"));
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--genes" -> genes = Integer.parseInt(args[i + 1]);
                case "--samples" -> samples = Integer.parseInt(args[i + 1]);
                case "--rows-per-gene" -> rowsPerGene = Double.parseDouble(args[i + 1]);
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                case "--models" -> models = Integer.parseInt(args[i + 1]);
                case "--pretrained" -> pretrained = Path.of(args[i + 1]);
                case "--write-genes" -> writeGenes = Integer.parseInt(args[i + 1]);
                case "--out" -> outDir = Path.of(args[i + 1]);
                case "--sparse" -> sparse = Boolean.parseBoolean(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        ScoringEnsemble ensemble = pretrained != null ? PretrainedEnsemble.load(pretrained) : random(models, 34);
        System.out.println("ensemble: " + ensemble.describe());

        long t0 = System.nanoTime();
        List<GeneRows> cohort = cohort(genes, samples, rowsPerGene, ensemble.annotations().size(), new Random(42));
        long rows = 0;
        long carrierEntries = 0;
        for (GeneRows g : cohort) {
            rows += g.nRows();
            for (int[] c : g.carriers()) carrierEntries += c.length;
        }
        long t1 = System.nanoTime();
        System.out.printf(Locale.ROOT, "cohort: %d genes x %d samples, %d annotation rows, %d carrier entries (built in %.1f s)%n",
                genes, samples, rows, carrierEntries, (t1 - t0) / 1e9);

        GeneScoringEngine engine = new GeneScoringEngine(ensemble);
        long[] scored = {0, 0};
        long c2 = cpuNanos();
        long t2 = System.nanoTime();
        engine.scoreAll(cohort.iterator(), threads, gs -> {
            scored[0]++;
            scored[1] += gs.carriers().length;
        });
        long t3 = System.nanoTime();
        long c3 = cpuNanos();
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "scoring: %d genes, %d carrier (sample, gene) pairs, %d models, %d threads: %.2f s wall,"
                        + " %.2f s CPU (%.0f genes/s); %d (sample, gene) scores in all; heap in use %.0f MB%n",
                scored[0], scored[1], ensemble.members().size(), threads, (t3 - t2) / 1e9, (c3 - c2) / 1e9,
                scored[0] / ((t3 - t2) / 1e9), (long) genes * samples, (rt.totalMemory() - rt.freeMemory()) / 1e6);

        if (sparse) {
            List<String> names = new ArrayList<>(samples);
            for (int s = 0; s < samples; s++) names.add(String.format("S%06d", s + 1));
            Path out = outDir.resolve("bench-sparse-scores.parquet");
            long w0 = System.nanoTime();
            long wc0 = cpuNanos();
            try (ScoresWriter w = ScoresWriter.open(out, names, ScoresWriter.Layout.SPARSE)) {
                engine.scoreAll(cohort.iterator(), threads, w::write);
                w.commit();
            }
            long w1 = System.nanoTime();
            long wc1 = cpuNanos();
            System.out.printf(Locale.ROOT, "sparse Parquet, all %d genes: scoring + writing %.2f s wall, %.2f s CPU, %.1f MB;"
                            + " ratio to scoring alone: %.2fx wall, %.2fx CPU%n",
                    genes, (w1 - w0) / 1e9, (wc1 - wc0) / 1e9, Files.size(out) / 1e6,
                    (double) (w1 - w0) / (t3 - t2), (double) (wc1 - wc0) / (c3 - c2));
            Files.delete(out);
        }

        if (writeGenes > 0) {
            List<String> names = new ArrayList<>(samples);
            for (int s = 0; s < samples; s++) names.add(String.format("S%06d", s + 1));
            List<GeneRows> subset = cohort.subList(0, Math.min(writeGenes, cohort.size()));
            for (String name : List.of("scores.parquet", "scores.tsv.gz")) {
                Path out = outDir.resolve("bench-" + name);
                long w0 = System.nanoTime();
                long wc0 = cpuNanos();
                try (ScoresWriter w = ScoresWriter.open(out, names, ScoresWriter.Layout.LONG)) {
                    engine.scoreAll(subset.iterator(), threads, w::write);
                    w.commit();
                }
                long w1 = System.nanoTime();
                long wc1 = cpuNanos();
                double perRow = (w1 - w0) / 1e9 / ((long) subset.size() * samples);
                System.out.printf(Locale.ROOT, "long %s: %d genes x %d samples = %d rows in %.1f s wall, %.1f s CPU, %.0f MB;"
                                + " all %d genes would take about %.0f s%n",
                        name, subset.size(), samples, (long) subset.size() * samples, (w1 - w0) / 1e9, (wc1 - wc0) / 1e9,
                        Files.size(out) / 1e6, genes, perRow * genes * samples);
                Files.delete(out);
            }
        }
    }

    /** CPU time of the whole process: wall time means little on a busy machine. */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static ScoringEnsemble random(int n, int width) {
        Random rnd = new Random(1);
        List<MlpDeepSet> members = new ArrayList<>();
        for (int m = 0; m < n; m++) members.add(RandomNetworks.deepRvat(rnd, width, 20, m % 2 == 1));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < width; i++) names.add("a" + i);
        return new ScoringEnsemble() {
            public List<String> annotations() { return names; }
            public List<MlpDeepSet> members() { return members; }
            public String describe() { return n + " random DeepRVAT-shaped networks"; }
        };
    }

    /** The synthetic cohort, built up front so that only scoring is timed. */
    static List<GeneRows> cohort(int genes, int samples, double rowsPerGene, int width, Random rnd) {
        List<GeneRows> out = new ArrayList<>(genes);
        int maxCarriers = Math.max(1, samples / 100);
        for (int g = 0; g < genes; g++) {
            int nRows = Math.max(1, poisson(rnd, rowsPerGene));
            double[] values = new double[nRows * width];
            int[][] carriers = new int[nRows][];
            for (int r = 0; r < nRows; r++) {
                // Pareto-like allele counts: P(count >= k) ~ 1/k, so about half are singletons.
                int count = (int) Math.min(maxCarriers, Math.floor(1 / (1 - rnd.nextDouble() * 0.999)));
                int[] c = new int[count];
                for (int i = 0; i < count; i++) c[i] = rnd.nextInt(samples);
                Arrays.sort(c);
                carriers[r] = Arrays.stream(c).distinct().toArray();
                double af = carriers[r].length / (2.0 * samples);
                values[r * width] = Math.pow(af * (1 - af) + 1e-8, -0.5);
                for (int a = 1; a < width; a++) {
                    values[r * width + a] = a >= 4 && a <= 14 ? (rnd.nextDouble() < 0.1 ? 1 : 0) : rnd.nextGaussian();
                }
            }
            out.add(new GeneRows("GENE" + g, width, values, carriers));
        }
        return out;
    }

    private static int poisson(Random rnd, double mean) {
        // Normal approximation is fine for the means used here (tens of rows).
        return (int) Math.round(mean + Math.sqrt(mean) * rnd.nextGaussian());
    }

    private ScoringBenchmark() {}

}
