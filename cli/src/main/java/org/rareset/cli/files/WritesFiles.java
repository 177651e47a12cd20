package org.rareset.cli.files;

import java.util.Set;
import org.rareset.core.output.FileRoles;

/**
 * A command that writes files. Before it runs, {@link FileCheck} takes every path given to its
 * {@code Path} options and parameters as an input (except the {@link #outputOptions}), adds what
 * {@link #declareFiles} names, and refuses an output that is an input.
 */
public interface WritesFiles {
    /** Long names of the options that name outputs, not inputs: {@code --out} unless a command says otherwise. */
    default Set<String> outputOptions() {
        return Set.of("--out");
    }

    /**
     * Adds every file or folder the command writes, side files included (e.g. {@code <out>.summary.tsv}),
     * and the inputs that are not held in a {@code Path} option (e.g. the FILE of {@code --table FILE:COL}).
     */
    void declareFiles(FileRoles files);
}
