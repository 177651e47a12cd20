package org.rareset.cli.pipeline;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.function.Supplier;
import org.rareset.cli.log.LinePrefixWriter;
import org.rareset.core.concurrent.Chunk;
import org.rareset.core.InputException;
import org.rareset.core.output.ExitCleanup;
import org.rareset.core.output.OutputFiles;
import picocli.CommandLine;

/**
 * Runs a plan step by step, in process. A step whose manifest matches (same commands, parameters,
 * input checksums and RareSet version) is skipped; otherwise it runs into {@code OUT/.partial/STEP},
 * writes its manifest there, and only then replaces {@code OUT/STEP} by renames
 * ({@link OutputFiles#commitFolder}): a killed run leaves
 * complete step folders and at most one partial folder, which the next run discards and redoes.
 * Killed between those renames, it leaves the old step folder under a hidden name beside
 * {@code OUT/STEP}, which the next run puts back ({@link OutputFiles#recoverFolder}) before
 * deciding whether the step is up to date.
 * {@link #runOne} runs a single step the same way: that is what a workflow engine's job calls.
 */
public final class PipelineRunner {
    /** How each step ended. */
    public enum Status { RAN, UP_TO_DATE, GIVEN, SWITCHED_OFF, NOT_AVAILABLE, FAILED }

    public record Outcome(String step, Status status, String detail) {}

    private final StudyConfig cfg;
    private final PrintWriter log;
    private final boolean force;
    private final Supplier<CommandLine> commandLine;

    /** @param commandLine builds the {@code rareset} command line that runs each step's commands */
    public PipelineRunner(StudyConfig cfg, PrintWriter log, boolean force, Supplier<CommandLine> commandLine) {
        this.cfg = cfg;
        this.log = log;
        this.force = force;
        this.commandLine = commandLine;
    }

    /** Runs the steps; stops at the first failure, whose exit code is in the last outcome's detail. */
    public List<Outcome> run(List<Step> plan) throws IOException {
        List<Outcome> outcomes = new ArrayList<>();
        for (Step step : plan) {
            Outcome o = runStep(step);
            outcomes.add(o);
            if (o.status() == Status.FAILED) return outcomes;
        }
        deleteTree(partial());
        return outcomes;
    }

    /**
     * Runs one step of {@code plan} (a workflow engine's job), after checking that the outputs of the
     * steps it reads exist. Other steps may run at the same time in other processes: each stages in
     * its own folder under {@code .partial}.
     */
    public Outcome runOne(List<Step> plan, String name) throws IOException {
        Step step = plan.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("no step " + name));
        if (cfg.stepEnabled(step.name()) && step.available()) requireUpstream(plan, step);
        return runStep(step);
    }

    /** The outputs of the steps {@code step} reads exist. */
    private static void requireUpstream(List<Step> plan, Step step) {
        for (Step up : plan) {
            if (!step.upstream(plan).contains(up.name())) continue;
            for (Path p : up.outputs().values()) {
                if (step.inputs().contains(p) && !Files.exists(p)) {
                    throw InputException.of(p, "not found: step " + step.name() + " reads it from step " + up.name(),
                            "run step " + up.name() + " first (--step " + up.name() + ")");
                }
            }
        }
    }

    /** Whether {@code step} can run in gene chunks ({@link #runChunk}, {@link #mergeChunks}): its commands all take {@code --chunk}. */
    public static boolean chunkable(String step) {
        return step.equals(Steps.ASSOC);
    }

    /** Where chunk {@code chunk} of {@code step} keeps its outputs until {@link #mergeChunks}: {@code OUT/.chunks/<step folder>/chunkK-of-N}. */
    public static Path chunkFolder(StudyConfig cfg, Step step, Chunk chunk) {
        return cfg.output().resolve(".chunks").resolve(step.dir().getFileName().toString())
                .resolve("chunk" + chunk.k() + "-of-" + chunk.n());
    }

    /**
     * Runs part {@code chunk} of the genes of step {@code name} (a workflow engine's job): the step's
     * commands with {@code --chunk K/N}, into {@link #chunkFolder}, committed as one folder. The
     * step folder and its manifest are left alone: {@link #mergeChunks} writes them.
     */
    public Outcome runChunk(List<Step> plan, String name, Chunk chunk) throws IOException {
        Step step = runnable(plan, name);
        if (!chunkable(name)) throw new IllegalArgumentException("step " + name + " does not run in chunks");
        requireUpstream(plan, step);
        String label = name + " chunk " + chunk.k() + "/" + chunk.n();
        Path staging = partial().resolve(step.dir().getFileName() + ".chunk" + chunk.k() + "-of-" + chunk.n());
        List<List<String>> runs = new ArrayList<>();
        for (Step.Invocation inv : step.invocations()) {
            List<String> args = new ArrayList<>(inv.argsIn(staging));
            args.addAll(List.of("--chunk", chunk.k() + "/" + chunk.n()));
            runs.add(prepend(inv.command(), args));
        }
        return runInto(label, step.name(), staging, runs, chunkFolder(cfg, step, chunk), null);
    }

    /**
     * Joins the outputs of the {@code n} chunks of step {@code name} with {@code rareset merge} into
     * the step's outputs, with the manifest the whole step writes, so the result (and a later
     * {@code --dry-run}) is that of the step run in one job.
     */
    public Outcome mergeChunks(List<Step> plan, String name, int n) throws IOException {
        Step step = runnable(plan, name);
        if (!chunkable(name)) throw new IllegalArgumentException("step " + name + " does not run in chunks");
        List<Path> folders = new ArrayList<>();
        for (int k = 1; k <= n; k++) {
            Path f = chunkFolder(cfg, step, new Chunk(k, n));
            if (!Files.isDirectory(f)) {
                throw InputException.of(f, "not found: chunk " + k + " of " + n + " of step " + name + " has not run",
                        "run it first (--step " + name + " --chunk " + k + "/" + n + ")");
            }
            folders.add(f);
        }
        Path staging = partial().resolve(step.dir().getFileName());
        List<List<String>> runs = new ArrayList<>();
        for (Path out : step.outputs().values()) {
            List<String> args = new ArrayList<>(List.of("merge", "--out", staging.resolve(out.getFileName()).toString()));
            for (Path f : folders) args.add(f.resolve(out.getFileName()).toString());
            runs.add(args);
        }
        Manifest.Content expected = Manifest.expected(step, Manifest.byPath(Manifest.read(step.dir())));
        // The chunk folders stay: a workflow engine removes them (the Snakefile marks them temporary).
        return runInto(name + " merge of " + n + " chunks", step.name(), staging, runs, step.dir(), expected);
    }

    private Step runnable(List<Step> plan, String name) {
        Step step = plan.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("no step " + name));
        if (!cfg.stepEnabled(name)) {
            throw InputException.of(cfg.file(), "step " + name + " is switched off (steps." + name + ": false)", "switch it on, or do not ask for it");
        }
        if (!step.available()) {
            throw InputException.of(cfg.file(), "step " + name + " cannot run: " + String.join("; ", step.unavailable()), "see --dry-run");
        }
        return step;
    }

    private static List<String> prepend(String command, List<String> args) {
        List<String> a = new ArrayList<>();
        a.add(command);
        a.addAll(args);
        return a;
    }

    /**
     * Runs {@code runs} (rareset command lines) into a fresh {@code staging} folder, writes
     * {@code manifest} there when given, and replaces {@code target} with it; on a failure nothing
     * but the log is left.
     */
    private Outcome runInto(String label, String tag, Path staging, List<List<String>> runs, Path target, Manifest.Content manifest)
            throws IOException {
        deleteTree(staging);
        Files.createDirectories(staging);
        ExitCleanup.register(staging);
        long t0 = System.nanoTime();
        for (List<String> args : runs) {
            log.println("pipeline: step " + label + ": rareset " + String.join(" ", args));
            log.flush();
            int rc = execute(tag, args);
            if (rc != 0) {
                OutputFiles.discard(staging);
                return say(new Outcome(label, Status.FAILED, "'rareset " + args.get(0) + "' exited with code " + rc));
            }
        }
        double seconds = Math.round((System.nanoTime() - t0) / 1e7) / 100.0;
        if (manifest != null) {
            manifest.finished = java.time.Instant.now().toString();
            manifest.seconds = seconds;
            Manifest.write(staging, manifest);
        }
        Files.createDirectories(target.getParent());
        OutputFiles.commitFolder(staging, target);
        return say(new Outcome(label, Status.RAN, String.format(Locale.ROOT, "done in %.1f s", seconds)));
    }

    /**
     * The step folders of {@code plan} that a stopped run set aside (no step folder, the old one under
     * its hidden name) and that a run puts back before checking the step ({@link OutputFiles#recoverFolder}):
     * step folder to where it lies now. Moves nothing: this is for {@code --dry-run}.
     */
    public Map<Path, Path> setAsideFolders(List<Step> plan) throws IOException {
        Map<Path, Path> aside = new LinkedHashMap<>();
        for (Step s : plan) {
            if (!cfg.stepEnabled(s.name()) || !s.available() || !s.runsCommands()) continue; // as runStep
            Path p = OutputFiles.setAsideFolder(s.dir());
            if (p != null) aside.put(s.dir().toAbsolutePath().normalize(), p);
        }
        return aside;
    }

    /**
     * Why {@code step} would run now, or null when it is up to date; the words of {@code --dry-run}.
     * Read as a run sees it once the folders in {@code setAside} ({@link #setAsideFolders}) are put
     * back, without moving them.
     */
    public String whyRun(Step step, Map<Path, Path> setAside) {
        UnaryOperator<Path> now = p -> whereNow(p, setAside);
        Manifest.Content previous = Manifest.read(now.apply(step.dir()));
        return why(step, previous, Manifest.expected(step, Manifest.byPath(previous), now), now);
    }

    /** Where {@code p} lies now: inside the folder set aside when it is under a step folder of {@code setAside}. */
    private static Path whereNow(Path p, Map<Path, Path> setAside) {
        Path abs = p.toAbsolutePath().normalize();
        for (Map.Entry<Path, Path> e : setAside.entrySet()) {
            if (abs.startsWith(e.getKey())) return e.getValue().resolve(e.getKey().relativize(abs).toString());
        }
        return p;
    }

    /**
     * Why {@code step} runs, given its last manifest and the one a run now would write; null when up
     * to date. {@code now} says where a file lies now (see {@link #whyRun}).
     */
    private String why(Step step, Manifest.Content previous, Manifest.Content expected, UnaryOperator<Path> now) {
        if (force) return "--force";
        String why = Manifest.difference(previous, expected);
        if (why != null) return why;
        for (Path p : step.outputs().values()) if (!Files.exists(now.apply(p))) return "output missing: " + p;
        return null;
    }

    private Outcome runStep(Step step) throws IOException {
        if (!cfg.stepEnabled(step.name())) return say(new Outcome(step.name(), Status.SWITCHED_OFF, "switched off in " + cfg.file().getFileName()));
        if (!step.available()) return say(new Outcome(step.name(), Status.NOT_AVAILABLE, String.join("; ", step.unavailable())));
        if (!step.runsCommands()) return say(new Outcome(step.name(), Status.GIVEN, "using " + step.inputs().get(0)));
        if (OutputFiles.recoverFolder(step.dir())) {
            log.printf("pipeline: step %s: put back the step folder a stopped run had set aside%n", step.name());
        }
        Manifest.Content previous = Manifest.read(step.dir());
        Manifest.Content expected = Manifest.expected(step, Manifest.byPath(previous));
        String why = why(step, previous, expected, UnaryOperator.identity());
        if (why == null) return say(new Outcome(step.name(), Status.UP_TO_DATE, "inputs and parameters unchanged, skipped"));
        // a stopped run (SIGTERM, SIGINT) leaves no partial folder: runInto registers the staging folder
        Path staging = partial().resolve(step.dir().getFileName());
        log.printf("pipeline: step %s: running (%s)%n", step.name(), why);
        log.flush();
        List<List<String>> runs = new ArrayList<>();
        for (Step.Invocation inv : step.invocations()) {
            List<String> args = new ArrayList<>();
            args.add(inv.command());
            args.addAll(inv.argsIn(staging));
            runs.add(args);
        }
        return runInto(step.name(), step.name(), staging, runs, step.dir(), expected);
    }

    private Path partial() {
        return cfg.output().resolve(".partial");
    }

    /** Runs one subcommand with its output and errors going to the log, each line tagged with the step. */
    private int execute(String step, List<String> args) {
        CommandLine cl = commandLine.get();
        Writer tagged = LinePrefixWriter.fixed(log, "[" + step + "] ");
        PrintWriter w = new PrintWriter(tagged, true);
        cl.setOut(w);
        cl.setErr(w);
        int rc = cl.execute(args.toArray(String[]::new));
        w.flush();
        return rc;
    }

    private Outcome say(Outcome o) {
        log.printf("pipeline: step %s: %s%s%n", o.step(), o.status().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                o.detail().isEmpty() ? "" : " (" + o.detail() + ")");
        log.flush();
        return o;
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (java.util.stream.Stream<Path> s = Files.walk(p)) {
            for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(f);
        }
    }
}
