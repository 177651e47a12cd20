package org.rareset.cli.pipeline;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.rareset.core.output.ExitCleanup;
import org.rareset.core.output.OutputFiles;
import org.rareset.cli.RareSetCommand;
import org.rareset.cli.log.LinePrefixWriter;
import picocli.CommandLine;

/**
 * Runs a plan step by step, in process. A step whose manifest matches (same commands, parameters
 * and input checksums) is skipped; otherwise it runs into {@code OUT/.partial/STEP}, writes its
 * manifest there, and only then replaces {@code OUT/STEP} by a rename: a killed run leaves complete
 * step folders and at most one partial folder, which the next run discards and redoes.
 */
public final class PipelineRunner {
    /** How each step ended. */
    public enum Status { RAN, UP_TO_DATE, GIVEN, SWITCHED_OFF, NOT_AVAILABLE, FAILED }

    public record Outcome(String step, Status status, String detail) {}

    private final StudyConfig cfg;
    private final PrintWriter log;
    private final boolean force;

    public PipelineRunner(StudyConfig cfg, PrintWriter log, boolean force) {
        this.cfg = cfg;
        this.log = log;
        this.force = force;
    }

    /** Runs the steps; stops at the first failure, whose exit code is in the last outcome's detail. */
    public List<Outcome> run(List<Step> plan) throws IOException {
        Path out = cfg.output();
        Files.createDirectories(out);
        Path partial = out.resolve(".partial");
        List<Outcome> outcomes = new ArrayList<>();
        for (Step step : plan) {
            if (!cfg.stepEnabled(step.name())) {
                outcomes.add(say(new Outcome(step.name(), Status.SWITCHED_OFF, "switched off in " + cfg.file().getFileName())));
                continue;
            }
            if (!step.available()) {
                outcomes.add(say(new Outcome(step.name(), Status.NOT_AVAILABLE, String.join("; ", step.unavailable()))));
                continue;
            }
            if (step.invocations().isEmpty()) {
                outcomes.add(say(new Outcome(step.name(), Status.GIVEN, "using " + step.inputs().get(0))));
                continue;
            }
            Manifest.Content previous = Manifest.read(step.dir());
            Manifest.Content expected = Manifest.expected(step, Manifest.byPath(previous));
            if (!force && Manifest.sameWork(previous, expected) && outputsExist(step)) {
                outcomes.add(say(new Outcome(step.name(), Status.UP_TO_DATE, "inputs and parameters unchanged, skipped")));
                continue;
            }
            Path staging = partial.resolve(step.dir().getFileName());
            deleteTree(staging);
            Files.createDirectories(staging);
            ExitCleanup.register(staging); // a stopped run (SIGTERM, SIGINT) leaves no partial folder
            log.printf("pipeline: step %s: running%n", step.name());
            log.flush();
            long t0 = System.nanoTime();
            for (Step.Invocation inv : step.invocations()) {
                List<String> args = new ArrayList<>();
                args.add(inv.command());
                for (String a : inv.args()) args.add(a.replace(Step.STAGING, staging.toString()));
                log.println("pipeline: step " + step.name() + ": rareset " + String.join(" ", args));
                log.flush();
                int rc = execute(step.name(), args);
                if (rc != 0) {
                    deleteTree(staging);
                    outcomes.add(say(new Outcome(step.name(), Status.FAILED, "'rareset " + inv.command() + "' exited with code " + rc)));
                    return outcomes;
                }
            }
            expected.finished = java.time.Instant.now().toString();
            expected.seconds = Math.round((System.nanoTime() - t0) / 1e7) / 100.0;
            Manifest.write(staging, expected);
            OutputFiles.commitFolder(staging, step.dir());
            ExitCleanup.forget(staging);
            outcomes.add(say(new Outcome(step.name(), Status.RAN, String.format(Locale.ROOT, "done in %.1f s", expected.seconds))));
        }
        deleteTree(partial);
        return outcomes;
    }

    /** Runs one subcommand with its output and errors going to the log, each line tagged with the step. */
    private int execute(String step, List<String> args) {
        CommandLine cl = RareSetCommand.newCommandLine();
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

    private static boolean outputsExist(Step step) {
        for (Path p : step.outputs().values()) if (!Files.exists(p)) return false;
        return true;
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            for (Path f : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(f);
        }
    }
}
