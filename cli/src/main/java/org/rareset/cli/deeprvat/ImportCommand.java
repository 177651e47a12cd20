package org.rareset.cli.deeprvat;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code rareset import}: other tools' study files into RareSet's. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Convert another tool's input files into a RareSet study.",
        footer = {"", "Examples:", "  rareset import deeprvat experiment/deeprvat_input_config.yaml --out study/"},
        subcommands = {ImportDeepRvatCommand.class})
public final class ImportCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
