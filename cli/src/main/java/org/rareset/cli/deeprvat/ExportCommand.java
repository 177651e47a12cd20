package org.rareset.cli.deeprvat;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code rareset export}: RareSet results in other tools' layouts. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write RareSet results in another tool's file layout.",
        footer = {"", "Examples:", "  rareset export deeprvat --results run/6-assoc/deeprvat.tsv --results run/6-assoc/results.tsv --out eval/"},
        subcommands = {ExportDeepRvatCommand.class})
public final class ExportCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
