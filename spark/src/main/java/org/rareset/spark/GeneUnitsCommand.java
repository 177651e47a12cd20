package org.rareset.spark;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.rareset.cli.files.WritesFiles;
import org.rareset.core.InputException;
import org.rareset.core.output.FileRoles;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What the Spark commands that split genes into work units share ({@code assoc}, {@code score}):
 * the {@code rareset} command's options and files ({@link #local}), {@code --units}, and the refusal
 * of options whose outputs the parts cannot be merged into.
 *
 * @param <C> the {@code rareset} command whose options this one takes
 */
abstract class GeneUnitsCommand<C extends WritesFiles> implements Callable<Integer>, WritesFiles {
    /** The refusal of {@code --chunk}, in both commands' words. */
    static final String CHUNK = "--chunk (the Spark runner splits the genes itself)";

    /** The {@code rareset} command's options; picocli mixes in the instance given (declared first: its options come first in --help). */
    @Mixin C local;
    @Mixin SparkRun.Options spark;
    @Spec CommandSpec spec;

    GeneUnitsCommand(C local) {
        this.local = local;
    }

    @Override
    public Set<String> outputOptions() {
        return local.outputOptions();
    }

    @Override
    public void declareFiles(FileRoles files) {
        local.declareFiles(files);
    }

    /**
     * Refuses, before any work, the options named in {@code refused} (each with its reason), pointing
     * to {@code rareset <command>}; nothing when the list is empty.
     */
    static void refuse(List<String> refused, String command) {
        if (!refused.isEmpty()) {
            throw new InputException(null, null, "the Spark runner does not support " + String.join(", ", refused),
                    "run rareset " + command + " for these outputs");
        }
    }
}
