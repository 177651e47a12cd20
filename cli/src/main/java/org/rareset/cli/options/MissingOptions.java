package org.rareset.cli.options;

import java.util.ArrayList;
import java.util.List;
import org.rareset.core.table.MissingValues;
import picocli.CommandLine.Option;

/**
 * {@code --missing}: which phenotype/covariate cell texts mean "no value". One declaration for every
 * command that reads phenotypes, so one file is read the same way by {@code assoc}, {@code seed-genes}
 * and {@code train}; the default is {@link MissingValues#DEFAULT}.
 */
public final class MissingOptions {
    @Option(names = "--missing", split = ",", paramLabel = "TOKEN",
            description = "Texts meaning a missing phenotype or covariate besides an empty cell (default: NA,-9; "
                    + "numeric ones match by value, so -9.0 too).")
    public List<String> tokens = new ArrayList<>(MissingValues.DEFAULT);

    public MissingValues values() {
        return new MissingValues(tokens);
    }
}
