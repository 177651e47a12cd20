package org.rareset.cli.options;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Options every command shares: debugging, quiet mode, threads. Mix in with {@code @Mixin}. */
public final class RuntimeOptions {
    @Option(names = "--debug", description = "Print stack traces for errors.")
    public boolean debug;

    @Option(names = {"-q", "--quiet"}, description = "No progress output.")
    public boolean quiet;

    /** 0 when not given: every core. */
    @Option(names = "--threads", paramLabel = "N", defaultValue = "${sys:rareset.threads}", converter = PositiveCount.class,
            description = "Worker threads, 1 or more (default: number of cores).")
    public int threads;

    public int effectiveThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** Progress goes to a terminal only: never into pipes, logs or CI output. */
    public boolean showProgress() {
        return !quiet && System.console() != null && System.getenv("CI") == null;
    }

    /** A whole number of at least 1; anything else is a usage error naming the value. */
    public static final class PositiveCount implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n;
            try {
                n = Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a whole number");
            }
            if (n < 1) throw new TypeConversionException("'" + value + "' is not 1 or more (leave the option out to use every core)");
            return n;
        }
    }
}
