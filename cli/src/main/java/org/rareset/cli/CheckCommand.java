package org.rareset.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rareset.genotypes.store.GenotypeStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import org.rareset.cli.options.RuntimeOptions;

/** {@code rareset check}: verifies a whole genotype store. The work is {@link GenotypeStore#verify()}. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check a genotype store (.rsg) completely: every variant's table row and carrier data against "
                + "their CRC32 checksums, rows sorted within contigs, data blocks back to back, sample indexes in range.",
                "Opening a store for other commands checks only its header, footer and sample/contig names (cheap); "
                        + "each variant read is checked as it is read. Exit 0 when the store is sound, 2 at the first problem."},
        footer = {"%nExamples:", "  rareset check cohort.rsg", "  rareset check chr*.rsg"})
public final class CheckCommand implements Callable<Integer> {
    @Parameters(paramLabel = "STORE", arity = "1..*", description = "Genotype store(s) written by `rareset ingest`.")
    java.util.List<Path> stores;

    @Mixin RuntimeOptions runtime;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        for (Path store : stores) {
            long t0 = System.nanoTime();
            try (GenotypeStore s = GenotypeStore.open(store)) {
                long n = s.verify();
                if (!runtime.quiet) {
                    o.printf(Locale.ROOT, "%s: OK, %,d variants x %,d samples, every checksum matches (%.1f s)%n",
                            store, n, s.samples().size(), (System.nanoTime() - t0) / 1e9);
                }
            }
        }
        o.flush();
        return RareSetCommand.EXIT_OK;
    }
}
