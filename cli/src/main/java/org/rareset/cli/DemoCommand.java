package org.rareset.cli;

import java.util.concurrent.Callable;
import org.rareset.cli.options.RuntimeOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Runs the main job on the bundled cohort in testdata/ and prints what it found. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the pipeline on the bundled demo cohort and print what it found.")
public final class DemoCommand implements Callable<Integer> {
    @Mixin RuntimeOptions runtime;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println("RareSet demo: nothing to run yet.");
        return 0;
    }
}
