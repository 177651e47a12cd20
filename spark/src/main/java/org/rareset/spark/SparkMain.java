package org.rareset.spark;

import org.rareset.cli.RareSetCommand;
import org.rareset.cli.VersionProvider;
import org.rareset.cli.log.LogSetup;
import org.rareset.cli.options.LogFileOption;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The Spark runner's entry point: {@code spark-submit --class org.rareset.spark.SparkMain
 * rareset-spark.jar assoc|score|ingest OPTIONS}, with {@code rareset}'s options, error handling and exit
 * codes (0 success, 1 internal error, 2 bad input or usage).
 */
@Command(name = "rareset-spark", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "RareSet's assoc, score and ingest on Apache Spark (docs/spark.md).",
        subcommands = {SparkAssocCommand.class, SparkScoreCommand.class, SparkIngestCommand.class})
public final class SparkMain implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin LogFileOption logFile;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** The command line with {@code rareset}'s error handling; tests call this too. */
    public static CommandLine commandLine() {
        return RareSetCommand.configure(new CommandLine(new SparkMain()));
    }

    public static void main(String[] args) {
        CommandLine cl = commandLine();
        cl.setErr(LogSetup.timestampedStderr());
        int code = cl.execute(args);
        SparkRun.stop(); // the context a run started (or spark-submit's), before the JVM goes
        if (code != 0) System.exit(code);
    }
}
