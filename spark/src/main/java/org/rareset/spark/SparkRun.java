package org.rareset.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * What the Spark commands share: the Spark context, the options only the Spark runner has, and
 * the arguments every executor parses again to get the same settings as the driver.
 */
final class SparkRun {
    /** The options of the Spark runner itself, mixed into each Spark command. */
    static final class Options {
        @Option(names = "--units", paramLabel = "N",
                description = "Work units to split the genes into (default: 4 x spark.default.parallelism, the cluster's task slots): "
                        + "contiguous blocks of genes of similar cost, largest first; a gene is never split.")
        Integer units;
    }

    /** The context this process's commands used, so that the entry point can stop it. */
    private static volatile SparkContext used;

    private SparkRun() {}

    /** The running context (a test's or spark-submit's), else a new one from the spark.* system properties (local[*] without a master). */
    static JavaSparkContext context(String app) {
        SparkConf conf = new SparkConf().setAppName(app);
        if (!conf.contains("spark.master")) conf.setMaster("local[*]");
        used = SparkContext.getOrCreate(conf);
        return JavaSparkContext.fromSparkContext(used);
    }

    /** Stops the context a command used, if any (the entry point, before the JVM exits). */
    static void stop() {
        SparkContext sc = used;
        if (sc != null) sc.stop();
    }

    /** Units to aim for: --units, or 4 per task slot so that units of unequal cost still even out. */
    static int units(Options options, JavaSparkContext jsc) {
        return options.units != null ? Math.max(1, options.units) : 4 * Math.max(1, jsc.defaultParallelism());
    }

    /**
     * "what: X s (Y s CPU since the JVM started)": the driver logs its phases this way, so that
     * Spark's own start, the preparation, the units and the merge can be told apart (docs/spark.md).
     */
    static String phase(String what, long sinceNanos) {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0L;
        return String.format(java.util.Locale.ROOT, "%s: %.1f s (%.1f s CPU since the JVM started)", what, (System.nanoTime() - sinceNanos) / 1e9, cpu / 1e9);
    }

    /** A fresh id for one run (the key of what executors prepare, {@link JvmCache}). */
    static String newRunId() {
        return UUID.randomUUID().toString();
    }

    /**
     * The arguments of this subcommand as given, plus {@code --threads T} (T = spark.task.cpus) when
     * they do not set the threads: a task uses the cores Spark gave it, not every core of the machine.
     */
    static String[] executorArgs(CommandSpec spec, JavaSparkContext jsc) {
        List<String> all = spec.commandLine().getParseResult().originalArgs();
        int at = all.indexOf(spec.name());
        List<String> args = new ArrayList<>(all.subList(at + 1, all.size()));
        boolean threads = args.stream().anyMatch(a -> a.equals("--threads") || a.startsWith("--threads="));
        if (!threads) {
            args.add("--threads");
            args.add(String.valueOf(jsc.getConf().getInt("spark.task.cpus", 1)));
        }
        return args.toArray(String[]::new);
    }

    /** {@code command} with {@code args} parsed, as the driver's subcommand was. */
    static <T> T parse(T command, String[] args) {
        new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args); // as RareSetCommand.configure
        return command;
    }
}
