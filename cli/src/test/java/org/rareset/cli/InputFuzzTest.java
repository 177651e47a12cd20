package org.rareset.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rareset.core.InputException;
import org.rareset.genotypes.store.GenotypeStore;
import org.rareset.genotypes.store.GenotypeStoreWriter;
import org.rareset.core.table.Row;
import org.rareset.core.table.TableReader;
import org.rareset.core.table.TableReaders;
import org.rareset.genotypes.vcf.Variant;
import org.rareset.genotypes.vcf.VcfReadOptions;
import org.rareset.genotypes.vcf.VcfVariantSource;
import org.rareset.association.mask.MaskExpression;
import org.rareset.cli.pipeline.StudyConfig;

/**
 * Seeded mutation fuzzing of every decoder that reads user files: VCF text, BGZF, BCF, the genotype
 * store, table files, mask expressions and study.yaml. Each target starts from the bundled valid
 * files and applies random byte-level and line-level mutations (bit flips, interesting bytes,
 * deletions, duplications, insertions, truncation, splices); every mutated input must either be
 * read or be refused with the project's {@link InputException} (exit 2 on the command line), never
 * any other exception and never a hang ({@link #PER_INPUT_SECONDS} per input).
 *
 * <p>Deterministic for a seed ({@code -Drareset.fuzz.seed}) and a count: {@code mvn verify} tries
 * {@code -Drareset.fuzz.runs} inputs per target, the same inputs on every machine, so a build does
 * not pass or fail with the machine's speed. For a long run give {@code -Drareset.fuzz.seconds}
 * (e.g. 600, over all targets) instead. A failing input is written to {@code target/fuzz-failures/}
 * with the seed and iteration.
 *
 * <p>Why not Jazzer: its JUnit integration fuzzes only when {@code JAZZER_FUZZ} is set (otherwise it
 * replays a stored corpus) and loads a native agent; this runs the same way in every build.
 */
@Tag("slow")
class InputFuzzTest {
    static final Path TESTDATA = Path.of(System.getProperty("rareset.testdata", "../testdata"));
    static final long SEED = Long.getLong("rareset.fuzz.seed", 20261204L);
    static final int RUNS = Integer.getInteger("rareset.fuzz.runs", 120);
    static final double SECONDS = Double.parseDouble(System.getProperty("rareset.fuzz.seconds", "0"));
    static final int PER_INPUT_SECONDS = 20;
    static final byte[] INTERESTING = "\t\n\r.,;:/|<>*[]=\"'# 0123456789-+eE".getBytes(StandardCharsets.US_ASCII);

    @TempDir static Path dir;
    static ExecutorService worker;
    static volatile Thread workerThread;

    enum Target { VCF_TEXT, BGZF, BCF, STORE, TABLE, MASK, STUDY_YAML }

    @BeforeAll
    static void start() {
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-input");
            t.setDaemon(true);
            workerThread = t;
            return t;
        });
    }

    @AfterAll
    static void stop() {
        worker.shutdownNow();
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void mutatedInputsAreReadOrRefusedCleanly(Target target) throws Exception {
        List<byte[]> seeds = seeds(target);
        SplittableRandom rnd = new SplittableRandom(SEED ^ target.ordinal() * 0x9E3779B97F4A7C15L);
        long deadline = System.nanoTime() + (long) (SECONDS / Target.values().length * 1e9);
        int runs = 0;
        int refused = 0;
        while (SECONDS > 0 ? runs < 5 || System.nanoTime() < deadline : runs < RUNS) {
            byte[] input = mutate(seeds, rnd);
            Path file = dir.resolve(target.name().toLowerCase() + "-" + runs + extension(target));
            Files.write(file, input);
            Future<Boolean> f = worker.submit(() -> run(target, file, input));
            try {
                if (!f.get(PER_INPUT_SECONDS, TimeUnit.SECONDS)) refused++;
            } catch (TimeoutException e) {
                Throwable where = new Throwable("where the input was stuck");
                where.setStackTrace(workerThread.getStackTrace());
                f.cancel(true);
                worker.shutdownNow();
                start(); // later targets get a fresh thread
                fail(report(target, runs, input, "no result within " + PER_INPUT_SECONDS + " s (a hang?)", where));
            } catch (java.util.concurrent.ExecutionException e) {
                fail(report(target, runs, input, "threw " + e.getCause(), e.getCause()));
            }
            Files.deleteIfExists(file);
            runs++;
        }
        System.out.printf("fuzz %s: %d inputs, %d refused as bad input (seed %d)%n", target, runs, refused, SEED);
        assertTrue(runs >= 5);
    }

    /** Reads the input as its target does: true when it was accepted, false when refused with InputException. */
    private static boolean run(Target target, Path file, byte[] input) throws IOException {
        try {
            switch (target) {
                case VCF_TEXT, BGZF, BCF -> {
                    try (VcfVariantSource src = VcfVariantSource.open(file, VcfReadOptions.all(), 1)) {
                        for (Variant v : src) v.alleleCount();
                    }
                }
                case STORE -> {
                    try (GenotypeStore s = GenotypeStore.open(file)) {
                        for (Variant v : s) v.alleleCount();
                        s.verify();
                    }
                }
                case TABLE -> {
                    try (TableReader t = TableReaders.open(file)) {
                        for (Row r : t) {
                            for (int c = 0; c < r.size(); c++) r.getString(c);
                        }
                    }
                }
                // A mask file holds one expression per line, so an expression never holds a line break.
                case MASK -> MaskExpression.parse(new String(input, StandardCharsets.UTF_8).replaceAll("[\r\n]", " "),
                        List.of("CADD_PHRED", "Consequence", "SIFT", "PolyPhen", "MAF"), "fuzz");
                case STUDY_YAML -> StudyConfig.read(file);
            }
            return true;
        } catch (InputException e) {
            String m = e.getMessage();
            if (m.contains("\n")) throw new AssertionError("an InputException message spans lines: " + m, e);
            return false;
        }
    }

    private static String extension(Target t) {
        return switch (t) {
            case VCF_TEXT -> ".vcf";
            case BGZF -> ".vcf.gz";
            case BCF -> ".bcf";
            case STORE -> ".rsg";
            case TABLE -> ".tsv";
            case MASK -> ".txt";
            case STUDY_YAML -> ".yaml";
        };
    }

    private static List<byte[]> seeds(Target t) throws IOException {
        List<byte[]> out = new ArrayList<>();
        switch (t) {
            case VCF_TEXT -> {
                for (String f : List.of("vcf-features/symbolic.vcf", "vcf-features/gt-not-first.vcf", "vcf-features/half-calls.vcf",
                        "vcf-features/short-records.vcf", "ingest/mixed-ploidy.vcf")) {
                    out.add(Files.readAllBytes(TESTDATA.resolve(f)));
                }
            }
            case BGZF -> {
                out.add(Files.readAllBytes(TESTDATA.resolve("ingest/valid.vcf.gz")));
                out.add(Files.readAllBytes(TESTDATA.resolve("vcf-features/plain-gzip.vcf.gz")));
            }
            case BCF -> {
                out.add(Files.readAllBytes(TESTDATA.resolve("ingest/valid.bcf")));
                out.add(Files.readAllBytes(TESTDATA.resolve("ingest/mixed-ploidy.bcf")));
            }
            case STORE -> {
                Path store = dir.resolve("seed.rsg");
                try (VcfVariantSource src = VcfVariantSource.open(TESTDATA.resolve("ingest/mixed-ploidy.vcf"));
                     GenotypeStoreWriter w = GenotypeStoreWriter.create(store, src.samples())) {
                    for (Variant v : src) w.add(v);
                    w.commit();
                }
                out.add(Files.readAllBytes(store));
            }
            case TABLE -> {
                out.add(head(TESTDATA.resolve("demo/annotations.tsv"), 40));
                out.add(Files.readAllBytes(TESTDATA.resolve("demo/pheno.tsv")));
                out.add("chrom,pos,ref,alt,gene,score\n1,100,A,G,\"GENE1\",0.5\n1,200,C,T,G2,\n".getBytes(StandardCharsets.UTF_8));
            }
            case MASK -> {
                for (String m : List.of("CADD_PHRED >= 20 && Consequence == \"missense_variant\"", "SIFT < 0.05 || PolyPhen > 0.9",
                        "!(MAF > 0.01) && (CADD_PHRED > 15 || Consequence == 'stop_gained')", "CADD_PHRED >= 1e1")) {
                    out.add(m.getBytes(StandardCharsets.UTF_8));
                }
            }
            case STUDY_YAML -> out.add(Files.readAllBytes(TESTDATA.resolve("demo/study.yaml")));
        }
        return out;
    }

    private static byte[] head(Path file, int lines) throws IOException {
        StringBuilder sb = new StringBuilder();
        List<String> all = Files.readAllLines(file);
        for (int i = 0; i < Math.min(lines, all.size()); i++) sb.append(all.get(i)).append('\n');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One to four random mutations of a random seed. */
    static byte[] mutate(List<byte[]> seeds, SplittableRandom rnd) {
        byte[] b = seeds.get(rnd.nextInt(seeds.size())).clone();
        int n = 1 + rnd.nextInt(4);
        for (int k = 0; k < n; k++) {
            if (b.length == 0) return b;
            int at = rnd.nextInt(b.length);
            switch (rnd.nextInt(9)) {
                case 0 -> b[at] ^= (byte) (1 << rnd.nextInt(8));
                case 1 -> b[at] = INTERESTING[rnd.nextInt(INTERESTING.length)];
                case 2 -> b[at] = (byte) rnd.nextInt(256);
                case 3 -> b = cut(b, at, Math.min(b.length, at + 1 + rnd.nextInt(16)));
                case 4 -> {
                    int from = rnd.nextInt(b.length);
                    b = insert(b, at, java.util.Arrays.copyOfRange(b, from, Math.min(b.length, from + 1 + rnd.nextInt(64))));
                }
                case 5 -> b = java.util.Arrays.copyOf(b, at);
                case 6 -> b = insert(b, at, new byte[] {INTERESTING[rnd.nextInt(INTERESTING.length)]});
                case 7 -> {
                    byte[] other = seeds.get(rnd.nextInt(seeds.size()));
                    int from = rnd.nextInt(other.length);
                    b = insert(java.util.Arrays.copyOf(b, at), at, java.util.Arrays.copyOfRange(other, from, other.length));
                }
                default -> {
                    // Set a little-endian int to an extreme, as a length or count field would be.
                    int v = switch (rnd.nextInt(4)) { case 0 -> -1; case 1 -> Integer.MAX_VALUE; case 2 -> 0; default -> rnd.nextInt(); };
                    for (int i = 0; i < 4 && at + i < b.length; i++) b[at + i] = (byte) (v >>> (8 * i));
                }
            }
        }
        return b;
    }

    private static byte[] cut(byte[] b, int from, int to) {
        byte[] out = new byte[b.length - (to - from)];
        System.arraycopy(b, 0, out, 0, from);
        System.arraycopy(b, to, out, from, b.length - to);
        return out;
    }

    private static byte[] insert(byte[] b, int at, byte[] add) {
        byte[] out = new byte[b.length + add.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(add, 0, out, at, add.length);
        System.arraycopy(b, at, out, at + add.length, b.length - at);
        return out;
    }

    private static String report(Target target, int run, byte[] input, String what, Throwable t) {
        Path failures = Path.of("target", "fuzz-failures");
        String name = target.name().toLowerCase() + "-seed" + SEED + "-run" + run + extension(target);
        try {
            Files.createDirectories(failures);
            Files.write(failures.resolve(name), input);
        } catch (IOException e) {
            // the message below still names the seed and run
        }
        StringWriter sw = new StringWriter();
        if (t != null) t.printStackTrace(new PrintWriter(sw));
        return target + " input " + run + " (seed " + SEED + ", saved as " + failures.resolve(name) + ") " + what + "\n" + sw;
    }
}
