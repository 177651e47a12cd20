package org.rareset.cli;

import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.util.List;
import org.rareset.core.InputException;
import org.rareset.core.output.WriteFailure;
import org.rareset.cli.files.FileCheck;
import org.rareset.cli.log.LogSetup;
import org.rareset.cli.options.LogFileOption;
import org.rareset.cli.ReportCommand;
import org.rareset.cli.RiskCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.ParseResult;

/**
 * The {@code rareset} entry point: registers every subcommand and maps failures to exit codes
 * (0 ok, 1 internal error, 2 bad input or usage). The only {@code System.exit} in the project.
 */
@Command(name = "rareset",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Gene-based rare-variant association testing with deep-set gene impairment scores.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:internal error (a bug: please report it with --debug output)",
                "2:bad input or usage"})
public final class RareSetCommand implements Runnable {
    /** The subcommands, in the order {@code --help} lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            CommandLine.HelpCommand.class,
            DemoCommand.class,
            SimulateCommand.class,
            IngestCommand.class,
            CheckCommand.class,
            AnnotateCommand.class,
            SeedGenesCommand.class,
            TrainCommand.class,
            ScoreCommand.class,
            AssocCommand.class,
            ViewCommand.class,
            ReportCommand.class,
            RiskCommand.class,
            PipelineCommand.class,
            MergeCommand.class,
            org.rareset.cli.deeprvat.ImportCommand.class,
            org.rareset.cli.deeprvat.ExportCommand.class,
            CompletionCommand.class);

    public static final int EXIT_OK = 0;
    public static final int EXIT_INTERNAL = 1;
    public static final int EXIT_INPUT = 2;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin LogFileOption logFile;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** Builds the command line with the project's error handling; tests call this too. */
    public static CommandLine newCommandLine() {
        return build(SUBCOMMANDS);
    }

    /**
     * The command line for running {@code args}: when they start with a subcommand's name, a root
     * holding only that subcommand. picocli builds each registered command's model up front by
     * reflection, which costs about 0.2 s for the whole tree; a pipeline step pays it every call.
     * Help and anything else get the whole tree.
     */
    static CommandLine forArgs(String[] args) {
        if (args.length > 0 && !args[0].equals("help")) {
            for (Class<?> sub : SUBCOMMANDS) {
                Command c = sub.getAnnotation(Command.class);
                if (c.name().equals(args[0]) || List.of(c.aliases()).contains(args[0])) return build(List.of(sub));
            }
        }
        return newCommandLine();
    }

    private static CommandLine build(List<Class<?>> subcommands) {
        CommandLine cl = new CommandLine(new RareSetCommand());
        for (Class<?> sub : subcommands) cl.addSubcommand(sub);
        for (String name : List.of("pipeline", "demo")) {
            CommandLine sub = cl.getSubcommands().get(name);
            if (sub != null) threadsFromStudy(sub.getCommandSpec());
        }
        return configure(cl);
    }

    /**
     * pipeline and demo take their threads from the study configuration's 'threads' when --threads
     * is not given (PipelineCommand), so the shared option's "default: number of cores" would be
     * wrong there: the same option, bound to the same field, with that default in its description.
     */
    static void threadsFromStudy(CommandLine.Model.CommandSpec spec) {
        CommandLine.Model.OptionSpec threads = spec.findOption("--threads");
        if (threads == null) return;
        spec.remove(threads);
        spec.addOption(CommandLine.Model.OptionSpec.builder(threads)
                .description("Worker threads per step, 1 or more (default: the study configuration's 'threads', else the number of cores).")
                .build());
    }

    /**
     * The project's error handling, exit codes, log file and file checks on a command line whose
     * subcommands are added; other entry points (the Spark runner) use it to behave as {@code rareset}.
     */
    public static CommandLine configure(CommandLine cl) {
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setExitCodeExceptionMapper(new ExitCodes());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        LogSetup.install(cl, FileCheck::check, new VersionProvider());
        return cl;
    }

    public static void main(String[] args) {
        CommandLine cl = forArgs(args);
        cl.setErr(LogSetup.timestampedStderr());
        System.exit(cl.execute(args));
    }

    static boolean debugRequested(ParseResult parseResult) {
        for (ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
            if (pr.hasMatchedOption("--debug")) return true;
        }
        return false;
    }

    /** Prints one line for bad input, a stack trace only with --debug. */
    static final class ErrorHandler implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
            PrintWriter err = cmd.getErr();
            boolean debug = debugRequested(parseResult);
            Throwable cause = ex;
            if (cause instanceof InputException ie) {
                err.println("rareset: error: " + ie.getMessage());
                if (debug) ie.printStackTrace(err);
                err.flush();
                return EXIT_INPUT;
            }
            InputException writeFailure = writeFailure(ex);
            if (writeFailure != null) {
                err.println("rareset: error: " + writeFailure.getMessage());
                if (debug) ex.printStackTrace(err);
                err.flush();
                return EXIT_INPUT;
            }
            err.println("rareset: internal error: " + ex + (debug ? "" : " (rerun with --debug for details)"));
            if (debug) ex.printStackTrace(err);
            err.flush();
            return EXIT_INTERNAL;
        }
    }

    /**
     * A failed write or folder creation that did not go through an output helper (which names the
     * output itself): the path from the exception, the cause in words ({@link WriteFailure}).
     */
    static InputException writeFailure(Throwable ex) {
        WriteFailure.Cause cause = WriteFailure.causeOf(ex);
        // a missing file or folder here is more likely an unchecked read (a bug) than a write
        if (cause == null || cause == WriteFailure.Cause.NO_FOLDER || cause == WriteFailure.Cause.NOT_A_FOLDER) return null;
        String file = null;
        for (Throwable t = ex; t != null && file == null; t = t.getCause()) {
            if (t instanceof FileSystemException fs && fs.getFile() != null) file = fs.getFile();
        }
        return new InputException(file, null, cause.text, cause.hint, ex);
    }

    static final class ExitCodes implements IExitCodeExceptionMapper {
        @Override
        public int getExitCode(Throwable t) {
            // Usage errors (unknown or missing options, bad values) are bad input too.
            return t instanceof InputException || t instanceof CommandLine.ParameterException ? EXIT_INPUT : EXIT_INTERNAL;
        }
    }
}
