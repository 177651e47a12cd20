package org.rareset.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * One in-process run of the {@code rareset} command line, as the tests see it: the exit code and what
 * the command printed on its out and err writers (picocli's documented way of testing output).
 */
public record CliRun(int exit, String out, String err) {
    /**
     * Runs {@code rareset args...} on a fresh command line, built as {@code main} builds it, and
     * captures out, err and the exit code.
     */
    public static CliRun run(String... args) {
        CommandLine cl = RareSetCommand.forArgs(args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter outWriter = new PrintWriter(out, true);
        PrintWriter errWriter = new PrintWriter(err, true);
        cl.setOut(outWriter);
        cl.setErr(errWriter);
        int exit = cl.execute(args);
        outWriter.flush();
        errWriter.flush();
        return new CliRun(exit, out.toString(), err.toString());
    }

    /** {@link #run(String...)} with the arguments in a list. */
    public static CliRun run(List<String> args) {
        return run(args.toArray(String[]::new));
    }
}
