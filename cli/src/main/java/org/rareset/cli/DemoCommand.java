package org.rareset.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rareset.core.InputException;
import org.rareset.simulate.CohortSummary;
import org.rareset.cli.options.RuntimeOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs the main job on the bundled cohort in testdata/demo and prints what it found. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the pipeline on the bundled demo cohort (testdata/demo) and print what it found.",
            "Describes the cohort, runs 'rareset pipeline --config DATA/study.yaml' (resumable: a second run",
            "only redoes what changed), then lists the significant genes per trait next to the true causal",
            "genes and prints where the HTML report is."},
        footer = {"", "Examples:", "  rareset demo", "  rareset demo --output /tmp/demo-run --threads 2",
            "  rareset demo --summary-only", "  rareset demo --data my-simulated-cohort"})
public final class DemoCommand implements Callable<Integer> {
    @Mixin RuntimeOptions runtime;
    @Spec CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Cohort folder as written by rareset simulate (default: the bundled testdata/demo).")
    Path data;

    @Option(names = "--summary-only", description = "Only describe the cohort; do not run the pipeline.")
    boolean summaryOnly;

    @Option(names = "--output", paramLabel = "DIR", description = "Output folder (default: the 'output' of DATA/study.yaml).")
    Path output;

    @Override
    public Integer call() {
        Path folder = data != null ? data : bundledCohort();
        CohortSummary summary = CohortSummary.read(folder);
        summary.describe().forEach(spec.commandLine().getOut()::println);
        spec.commandLine().getOut().flush();
        if (summaryOnly) return 0;
        return DemoRun.run(folder, output, runtime, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /**
     * testdata/demo of this checkout: from the {@code rareset.testdata} property (tests), beside the
     * jar ({@code cli/target/rareset.jar}), or under the working folder.
     */
    static Path bundledCohort() {
        String prop = System.getProperty("rareset.testdata");
        if (prop != null && Files.isDirectory(Path.of(prop, "demo"))) return Path.of(prop, "demo");
        try {
            Path jar = Path.of(DemoCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = jar.getParent(); p != null; p = p.getParent()) {
                if (Files.isDirectory(p.resolve("testdata/demo"))) return p.resolve("testdata/demo");
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // No code location: fall back to the working folder.
        }
        Path local = Path.of("testdata", "demo");
        if (Files.isDirectory(local)) return local;
        throw new InputException("testdata/demo", null, "the bundled demo cohort was not found",
                "run from the RareSet checkout or pass --data DIR");
    }
}
