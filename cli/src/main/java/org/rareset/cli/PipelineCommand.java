package org.rareset.cli;

import org.rareset.core.output.FileRoles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.rareset.cli.options.RuntimeOptions;
import org.rareset.cli.pipeline.PipelineRunner;
import org.rareset.cli.pipeline.PlanExport;
import org.rareset.cli.pipeline.Preflight;
import org.rareset.cli.pipeline.Step;
import org.rareset.cli.pipeline.StepPlanner;
import org.rareset.cli.pipeline.Steps;
import org.rareset.cli.pipeline.StudyConfig;
import org.rareset.core.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rareset pipeline}: a whole study from one YAML configuration, resumable. */
@Command(name = "pipeline", mixinStandardHelpOptions = true, versionProvider = org.rareset.cli.VersionProvider.class,
        description = {"Run a whole study from one configuration: ingest, annotate, seed genes, train, score, associate, risk and report.",
            "Everything goes into the output folder (layout in docs/pipeline.md).",
            "The configuration, every input file and the phenotype and covariate tables (every trait named is",
            "a column) are checked before anything runs, --dry-run included. Each finished step records its",
            "commands, parameters and input checksums in OUT/<step>/manifest.json and is skipped next time",
            "when nothing changed (the RareSet version counts); an interrupted run resumes at the step it was in.",
            "--dry-run lists each step with why it would run (not run yet, option changed, input changed, output",
            "missing, version changed) or that it is up to date. Workflow engines run the same plan one step per",
            "job with --step (workflows/Snakefile, workflows/main.nf), reading it from --plan; the Snakefile runs",
            "assoc in N gene chunks (chunks: N, --step assoc --chunk K/N) joined by --merge-chunks N.",
            "Steps whose command this build lacks are listed as not available (exit code 1)."},
        footer = {"%nExamples:",
            "  rareset pipeline --config testdata/demo/study.yaml",
            "  rareset pipeline --config study.yaml --threads 8 --log-file study.log",
            "  rareset pipeline --config study.yaml --dry-run     # what would run, and why",
            "  rareset pipeline --config study.yaml --step assoc  # one step, as a workflow job runs it",
            "  rareset pipeline --config study.yaml --plan        # the plan as JSON for workflow engines",
            "  rareset pipeline --config study.yaml --step assoc --chunk 2/8   # one gene chunk, as a cluster job",
            "  rareset pipeline --config study.yaml --step assoc --merge-chunks 8",
            "  rareset pipeline --config study.yaml --force       # rerun every step",
            "  rareset pipeline --config study.yaml --output /scratch/study1"})
public final class PipelineCommand implements Callable<Integer>, org.rareset.cli.files.WritesFiles {
    @Mixin RuntimeOptions runtime;
    @Spec CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "YAML", description = "Study configuration (see testdata/demo/study.yaml).")
    Path config;

    @Option(names = "--output", paramLabel = "DIR", description = "Output folder instead of the configuration's 'output'.")
    Path output;

    @Option(names = "--dry-run", description = "Check the configuration and print the plan, each step with why it would run, without running it.")
    boolean dryRun;

    @Option(names = "--step", paramLabel = "STEP", completionCandidates = StepNames.class,
            description = "Run only this step (${COMPLETION-CANDIDATES}); the steps it reads from must have run.")
    String step;

    @Option(names = "--chunk", paramLabel = "K/N", converter = org.rareset.cli.options.ChunkOptions.Converter.class,
            description = "With --step assoc: run only part K of N of the genes, into OUT/.chunks/ (a workflow job; "
                    + "--merge-chunks N then writes the step's outputs).")
    org.rareset.core.concurrent.Chunk chunk;

    @Option(names = "--merge-chunks", paramLabel = "N",
            description = "With --step assoc: join the outputs of its N --chunk jobs with 'rareset merge' into the step's "
                    + "outputs and manifest, the same files as the step run in one job.")
    Integer mergeChunks;

    @Option(names = "--chunks", paramLabel = "N",
            description = "Gene chunks for workflow engines instead of the configuration's 'chunks' (shown by --plan).")
    Integer chunks;

    @Option(names = "--plan", description = "Print the plan as JSON (steps, inputs, outputs, commands) and run nothing.")
    boolean plan;

    @Option(names = "--force", description = "Run every step even when its manifest says it is up to date.")
    boolean force;

    /** Where the report went (null when the report step did not run); for the demo command. */
    Path reportHtml;

    /** The results tables of the assoc step that exist after the run; for the demo command. */
    final List<Path> results = new ArrayList<>();

    public Path reportHtml() {
        return reportHtml;
    }

    public List<Path> results() {
        return results;
    }

    /** The output folder is checked against the study's inputs by {@link Preflight}, which reads the configuration. */
    @Override
    public java.util.Set<String> outputOptions() {
        return java.util.Set.of("--output");
    }

    @Override
    public void declareFiles(FileRoles files) {
        // --config and --log-file are collected by FileCheck; the study's files need the configuration read
    }

    /** The step names for --step's help and completion. */
    static final class StepNames extends ArrayList<String> {
        StepNames() {
            super(Steps.NAMES);
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StudyConfig cfg = StudyConfig.read(config);
        if (output != null) cfg = cfg.withOutput(output.toAbsolutePath().normalize());
        int threads = runtime.threads > 0 ? runtime.threads : cfg.threads() != null ? cfg.threads() : runtime.effectiveThreads();
        if (step != null && !Steps.NAMES.contains(step)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--step: no step '" + step + "'; the steps are "
                    + String.join(", ", Steps.NAMES));
        }
        checkChunkOptions();
        if (chunks != null) cfg = cfg.withChunks(chunks);
        StepPlanner planner = new StepPlanner(cfg, threads, RareSetCommand::newCommandLine);
        List<Step> plan = planner.plan();
        Preflight.check(cfg, plan);
        if (this.plan) {
            out.println(PlanExport.json(cfg, plan, threads));
            return 0;
        }
        for (String w : planner.warnings()) err.println("pipeline: warning: " + w);
        err.printf("pipeline: study %s, %d step(s), output %s, %d thread(s)%n", cfg.study(), plan.size(), cfg.output(), threads);
        PipelineRunner runner = new PipelineRunner(cfg, err, force, RareSetCommand::newCommandLine);
        if (dryRun) {
            dryRun(cfg, plan, runner, out);
            return 0;
        }
        if (step != null) return runOne(cfg, plan, runner, err);
        List<PipelineRunner.Outcome> outcomes = runner.run(plan);
        PipelineRunner.Outcome last = outcomes.get(outcomes.size() - 1);
        if (last.status() == PipelineRunner.Status.FAILED) {
            err.printf("pipeline: stopped at step %s; completed steps are kept, rerun the same command to resume%n", last.step());
            return last.detail().endsWith("code 2") ? 2 : 1;
        }
        List<String> missing = new ArrayList<>();
        for (PipelineRunner.Outcome o : outcomes) if (o.status() == PipelineRunner.Status.NOT_AVAILABLE) missing.add(o.step() + " (" + o.detail() + ")");
        for (Step s : plan) {
            if (s.name().equals(Steps.ASSOC)) {
                for (Path p : s.outputs().values()) if (java.nio.file.Files.exists(p)) results.add(p);
            }
            if (s.name().equals(Steps.REPORT) && s.output("html") != null && java.nio.file.Files.exists(s.output("html"))) {
                reportHtml = s.output("html");
                out.println("report: " + reportHtml.toAbsolutePath());
            }
        }
        out.println("output: " + cfg.output().toAbsolutePath());
        if (!missing.isEmpty()) {
            err.println("pipeline: not available in this build, so not run: " + String.join("; ", missing));
            return 1;
        }
        return 0;
    }

    /** Each step with what would happen to it and why; a step after one that runs may rerun when that one's outputs change. */
    private void dryRun(StudyConfig cfg, List<Step> plan, PipelineRunner runner, PrintWriter out) throws IOException {
        // a run puts back step folders a stopped run set aside before checking them; the dry run reads them where they lie
        java.util.Map<Path, Path> setAside = runner.setAsideFolders(plan);
        java.util.Set<String> running = new java.util.HashSet<>();
        for (Step s : plan) {
            if (step != null && !s.name().equals(step)) continue;
            String state;
            if (!cfg.stepEnabled(s.name())) {
                state = "switched off";
            } else if (!s.available()) {
                state = "NOT AVAILABLE: " + String.join("; ", s.unavailable());
            } else if (!s.runsCommands()) {
                state = "given";
            } else {
                List<String> first = s.upstream(plan).stream().filter(running::contains).toList();
                String why;
                try {
                    why = runner.whyRun(s, setAside);
                } catch (java.io.UncheckedIOException e) {
                    why = "input missing: " + e.getCause().getMessage();
                }
                if (why == null && !first.isEmpty()) {
                    state = "up to date now; reruns if the outputs of " + String.join(", ", first) + " change";
                    running.add(s.name());
                } else if (why == null) {
                    state = "up to date";
                } else {
                    state = "runs: " + (first.isEmpty() || !why.startsWith("input missing") ? why : "after " + String.join(", ", first));
                    running.add(s.name());
                }
                Path aside = setAside.get(s.dir().toAbsolutePath().normalize());
                if (aside != null) state += " (first puts back the step folder a stopped run set aside: " + aside.getFileName() + ")";
            }
            out.printf("%-10s %s%n", s.name(), state);
            for (Step.Invocation inv : s.invocations()) out.println("           " + inv.display(s.dir()));
        }
    }

    private void checkChunkOptions() {
        if (chunks != null && chunks < 1) throw new InputException("--chunks", null, "value " + chunks + " is not a count", "give 1 or more");
        if (mergeChunks != null && mergeChunks < 1) {
            throw new InputException("--merge-chunks", null, "value " + mergeChunks + " is not a count", "give the N of the --chunk K/N jobs");
        }
        if (chunk == null && mergeChunks == null) return;
        String option = chunk != null ? "--chunk" : "--merge-chunks";
        if (chunk != null && mergeChunks != null) {
            throw new InputException("--chunk", null, "--chunk and --merge-chunks are separate jobs", "give one of them");
        }
        if (step == null || !PipelineRunner.chunkable(step)) {
            throw new InputException(option, null, "runs with --step " + Steps.ASSOC + " only", "add --step " + Steps.ASSOC);
        }
        if (dryRun || plan) throw new InputException(option, null, "runs a job; --dry-run and --plan run nothing", "leave one out");
    }

    /** --step: one step of the plan, as a workflow engine's job runs it. */
    private int runOne(StudyConfig cfg, List<Step> plan, PipelineRunner runner, PrintWriter err) throws IOException {
        PipelineRunner.Outcome o = chunk != null ? runner.runChunk(plan, step, chunk)
                : mergeChunks != null ? runner.mergeChunks(plan, step, mergeChunks) : runner.runOne(plan, step);
        switch (o.status()) {
            case FAILED:
                err.printf("pipeline: step %s failed; rerun the same command after fixing it%n", step);
                return o.detail().endsWith("code 2") ? 2 : 1;
            case NOT_AVAILABLE:
                return 1;
            case SWITCHED_OFF:
                throw InputException.of(cfg.file(), "step " + step + " is switched off (steps." + step + ": false)",
                        "switch it on, or do not ask for it");
            default:
                return 0;
        }
    }
}
