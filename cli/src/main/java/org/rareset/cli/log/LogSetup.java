package org.rareset.cli.log;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ParseResult;

/**
 * Logging and help conventions shared by every command: stderr lines carry a timestamp when run
 * from the launcher, {@code --log-file FILE} appends the same log (timestamped) to a file, usage
 * errors print one line and a pointer to --help (not the whole usage), and every subcommand answers
 * {@code --version}.
 *
 * <p>This package knows nothing of the commands: the root passes in what runs before each command
 * (the input/output check) and who answers {@code --version}.
 */
public final class LogSetup {
    public static final String LOG_FILE_OPTION = "--log-file";

    private LogSetup() {}

    /**
     * @param beforeRun runs on the parse result before the log file is opened and the command runs
     *                  (it may throw to refuse the command line)
     * @param versions  answers {@code --version} for subcommands without their own provider
     */
    public static void install(CommandLine cl, Consumer<ParseResult> beforeRun, IVersionProvider versions) {
        cl.setExecutionStrategy(pr -> executeWithLogFile(cl, pr, beforeRun));
        cl.setParameterExceptionHandler(LogSetup::usageError);
        // Notes from readers (a skipped byte-order mark...) go where the command's stderr goes, log file included.
        org.rareset.core.InputNotes.setSink(line -> {
            PrintWriter err = cl.getErr();
            err.println("rareset: note: " + line);
            err.flush();
        });
        for (CommandLine sub : cl.getSubcommands().values()) {
            CommandLine.Model.CommandSpec s = sub.getCommandSpec();
            if (s.version().length == 0 && s.versionProvider() == null) s.versionProvider(versions);
        }
    }

    /** stderr of the launcher, each line prefixed with the local time. */
    public static PrintWriter timestampedStderr() {
        return new PrintWriter(LinePrefixWriter.timestamped(new OutputStreamWriter(System.err, StandardCharsets.UTF_8)), true);
    }

    static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("rareset: usage error: " + UsageHints.message(ex));
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options and examples.");
        err.flush();
        return cmd.getExitCodeExceptionMapper() != null ? cmd.getExitCodeExceptionMapper().getExitCode(ex)
                : cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static Path logFile(ParseResult pr) {
        for (ParseResult p = pr; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption(LOG_FILE_OPTION)) return p.matchedOptionValue(LOG_FILE_OPTION, (Path) null);
        }
        return null;
    }

    private static int executeWithLogFile(CommandLine root, ParseResult pr, Consumer<ParseResult> beforeRun) {
        beforeRun.accept(pr); // before the log file is opened: it may be the input the check protects
        Path log = logFile(pr);
        if (log == null) return new CommandLine.RunLast().execute(pr);
        PrintWriter original = root.getErr();
        Writer file;
        try {
            Path abs = log.toAbsolutePath();
            if (abs.getParent() != null) Files.createDirectories(abs.getParent());
            file = Files.newBufferedWriter(abs, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            original.println("rareset: error: " + log + ": cannot open the log file: " + e.getMessage() + " (check the folder)");
            original.flush();
            return 2;
        }
        PrintWriter tee = new PrintWriter(new TeeWriter(original, LinePrefixWriter.timestamped(file)), true);
        root.setErr(tee);
        try {
            return new CommandLine.RunLast().execute(pr);
        } catch (CommandLine.ExecutionException ex) {
            // Handle here, while stderr still goes to the log file too.
            if (!(ex.getCause() instanceof Exception cause)) throw ex;
            try {
                return root.getExecutionExceptionHandler().handleExecutionException(cause, ex.getCommandLine(), pr);
            } catch (Exception e) {
                throw ex;
            }
        } finally {
            tee.flush();
            root.setErr(original);
            try {
                file.close();
            } catch (IOException e) {
                original.println("rareset: warning: could not close the log file " + log + ": " + e.getMessage());
            }
        }
    }
}
