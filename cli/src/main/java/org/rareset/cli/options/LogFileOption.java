package org.rareset.cli.options;

import java.nio.file.Path;
import org.rareset.cli.log.LogSetup;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code --log-file}, declared once for every root command ({@code rareset}, {@code rareset-spark});
 * inherited by their subcommands. {@link LogSetup} reads it from the parse result and tees stderr.
 */
public final class LogFileOption {
    @Option(names = LogSetup.LOG_FILE_OPTION, scope = ScopeType.INHERIT,
            paramLabel = "FILE", description = "Also append the log (what goes to stderr) to FILE, each line timestamped.")
    public Path logFile;
}
