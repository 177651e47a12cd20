package org.rareset.cli.pipeline;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.rareset.cli.log.LinePrefixWriter;
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
        if (cfg.stepEnabled(step.name()) && step.available()) {
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
        return runStep(step);
    }

    /** Why {@code step} would run now, or null when it is up to date; the words of {@code --dry-run}. */
    public String whyRun(Step step) {
        if (force) return "--force";
        Manifest.Content previous = Manifest.read(step.dir());
        Manifest.Content expected = Manifest.expected(step, Manifest.byPath(previous));
        String why = Manifest.difference(previous, expected);
        if (why != null) return why;
        for (Path p : step.outputs().values()) if (!Files.exists(p)) return "output missing: " + p;
        return null;
    }

    private Outcome runStep(Step step) throws IOException {
        if (!cfg.stepEnabled(step.name())) return say(new Outcome(step.name(), Status.SWITCHED_OFF, "switched off in " + cfg.file().getFileName()));
        if (!step.available()) return say(new Outcome(step.name(), Status.NOT_AVAILABLE, String.join("; ", step.unavailable())));
        if (!step.runsCommands()) return say(new Outcome(step.name(), Status.GIVEN, "using " + step.inputs().get(0)));
        Manifest.Content previous = Manifest.read(step.dir());
        Manifest.Content expected = Manifest.expected(step, Manifest.byPath(previous));
        String why = force ? "--force" : Manifest.difference(previous, expected);
        if (why == null) {
            for (Path p : step.outputs().values()) if (!Files.exists(p)) why = "output missing: " + p;
        }
        if (why == null) return say(new Outcome(step.name(), Status.UP_TO_DATE, "inputs and parameters unchanged, skipped"));
        Path staging = partial().resolve(step.dir().getFileName());
        deleteTree(staging);
        Files.createDirectories(staging);
        ExitCleanup.register(staging); // a stopped run (SIGTERM, SIGINT) leaves no partial folder
        log.printf("pipeline: step %s: running (%s)%n", step.name(), why);
        log.flush();
        long t0 = System.nanoTime();
        for (Step.Invocation inv : step.invocations()) {
            List<String> args = new ArrayList<>();
            args.add(inv.command());
            args.addAll(inv.argsIn(staging));
            log.println("pipeline: step " + step.name() + ": rareset " + String.join(" ", args));
            log.flush();
            int rc = execute(step.name(), args);
            if (rc != 0) {
                OutputFiles.discard(staging);
                return say(new Outcome(step.name(), Status.FAILED, "'rareset " + inv.command() + "' exited with code " + rc));
            }
        }
        expected.finished = java.time.Instant.now().toString();
        expected.seconds = Math.round((System.nanoTime() - t0) / 1e7) / 100.0;
        Manifest.write(staging, expected);
        OutputFiles.commitFolder(staging, step.dir());
        return say(new Outcome(step.name(), Status.RAN, String.format(Locale.ROOT, "done in %.1f s", expected.seconds)));
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
