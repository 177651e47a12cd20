package org.rareset.cli.pipeline;

import org.rareset.core.output.FileRoles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.rareset.cli.options.RuntimeOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rareset pipeline}: a whole study from one YAML configuration, resumable. */
@Command(name = "pipeline", mixinStandardHelpOptions = true, versionProvider = org.rareset.cli.VersionProvider.class,
        description = {"Run a whole study from one configuration: ingest, annotate, seed genes, train, score,",
            "associate, risk and report, into the output folder (layout in docs/pipeline.md).",
            "The configuration, every input file and the phenotype and covariate tables (every trait named is",
            "a column) are checked before anything runs, --dry-run included. Each finished step records its",
            "commands, parameters and input checksums in OUT/<step>/manifest.json and is skipped next time",
            "when nothing changed; an interrupted run resumes at the step it was in.",
            "Steps whose command this build lacks are listed as not available (exit code 1)."},
        footer = {"%nExamples:",
            "  rareset pipeline --config testdata/demo/study.yaml",
            "  rareset pipeline --config study.yaml --threads 8 --log-file study.log",
            "  rareset pipeline --config study.yaml --dry-run     # check the configuration, show the plan",
            "  rareset pipeline --config study.yaml --force       # rerun every step",
            "  rareset pipeline --config study.yaml --output /scratch/study1"})
public final class PipelineCommand implements Callable<Integer>, org.rareset.cli.files.WritesFiles {
    @Mixin RuntimeOptions runtime;
    @Spec CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "YAML", description = "Study configuration (see testdata/demo/study.yaml).")
    Path config;

    @Option(names = "--output", paramLabel = "DIR", description = "Output folder instead of the configuration's 'output'.")
    Path output;

    @Option(names = "--dry-run", description = "Check the configuration and print the plan without running it.")
    boolean dryRun;

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

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StudyConfig cfg = StudyConfig.read(config);
        if (output != null) cfg = cfg.withOutput(output.toAbsolutePath().normalize());
        int threads = runtime.threads > 0 ? runtime.threads : cfg.threads() != null ? cfg.threads() : runtime.effectiveThreads();
        StepPlanner planner = new StepPlanner(cfg, threads);
        List<Step> plan = planner.plan();
        Preflight.check(cfg, plan);
        for (String w : planner.warnings()) err.println("pipeline: warning: " + w);
        err.printf("pipeline: study %s, %d step(s), output %s, %d thread(s)%n", cfg.study(), plan.size(), cfg.output(), threads);
        if (dryRun) {
            for (Step s : plan) {
                String state = !cfg.stepEnabled(s.name()) ? "switched off" : !s.available() ? "NOT AVAILABLE: " + String.join("; ", s.unavailable())
                        : s.invocations().isEmpty() ? "given" : "planned";
                out.printf("%-10s %s%n", s.name(), state);
                for (Step.Invocation inv : s.invocations()) out.println("           " + inv.display().replace(Step.STAGING, s.dir().toString()));
            }
            return 0;
        }
        List<PipelineRunner.Outcome> outcomes = new PipelineRunner(cfg, err, force).run(plan);
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
}
