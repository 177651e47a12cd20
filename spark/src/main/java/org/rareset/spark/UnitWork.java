package org.rareset.spark;

import java.io.Serializable;
import java.nio.file.Path;

/** What an executor does with one work unit: test or score its genes and write them to {@code part}. */
@FunctionalInterface
interface UnitWork extends Serializable {
    void run(WorkPlanner.Unit unit, Path part) throws Exception;
}
