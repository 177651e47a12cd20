package org.rareset.cli.options;

import picocli.CommandLine.Option;

/** Options every command shares: debugging, quiet mode, threads. Mix in with {@code @Mixin}. */
public final class RuntimeOptions {
    @Option(names = "--debug", description = "Print stack traces for errors; assoc also logs the CPU time of each test for every gene.")
    public boolean debug;

    @Option(names = {"-q", "--quiet"}, description = "No progress output.")
    public boolean quiet;

    @Option(names = "--threads", defaultValue = "${sys:rareset.threads:-0}",
            description = "Worker threads (default: number of cores).")
    public int threads;

    public int effectiveThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** Progress goes to a terminal only: never into pipes, logs or CI output. */
    public boolean showProgress() {
        return !quiet && System.console() != null && System.getenv("CI") == null;
    }
}
