package org.rareset.spark;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.rareset.cli.RareSetCommand;
import picocli.CommandLine;

/**
 * The tests' Spark: one {@code local[2]} context for the whole test JVM (starting one costs
 * seconds), web UI off, bound to 127.0.0.1; Spark's own shutdown hook stops it. Also runs the
 * {@code rareset} and {@code rareset-spark} command lines in process, capturing what they print.
 */
final class LocalSpark {
    private static JavaSparkContext context;

    private LocalSpark() {}

    static synchronized JavaSparkContext context() {
        if (context == null) {
            SparkConf conf = new SparkConf().setMaster("local[2]").setAppName("rareset-spark tests")
                    .set("spark.ui.enabled", "false")
                    .set("spark.driver.host", "127.0.0.1")
                    .set("spark.driver.bindAddress", "127.0.0.1")
                    .set("spark.ui.showConsoleProgress", "false");
            context = JavaSparkContext.fromSparkContext(SparkContext.getOrCreate(conf));
        }
        return context;
    }

    /** Exit code, standard output and standard error of one in-process run. */
    record Run(int exit, String out, String err) {}

    /** {@code rareset args...}, as the command line runs it. */
    static Run cli(List<String> args) {
        return run(RareSetCommand.newCommandLine(), args);
    }

    /** {@code rareset-spark args...} on the test context. */
    static Run spark(List<String> args) {
        context();
        return run(SparkMain.commandLine(), args);
    }

    private static Run run(CommandLine cl, List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }
}
