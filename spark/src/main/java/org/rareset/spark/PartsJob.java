package org.rareset.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.VoidFunction;
import org.rareset.cli.MergeCommand;
import org.rareset.core.InputException;
import org.rareset.core.output.OutputFiles;

/**
 * Runs a plan's work units on the cluster and joins their parts: each unit writes
 * {@code <out>.chunkK-of-N.<ext>} (with its side files) into a hidden folder beside {@code out},
 * the same names {@code --chunk K/N} gives, and when every unit has finished the driver joins them
 * with {@code rareset merge}'s code ({@link MergeCommand#merge}), which writes each output under a
 * temporary name and renames it when complete. The folder of parts is deleted either way.
 *
 * <p>A unit that fails fails the job (Spark retries a task {@code spark.task.maxFailures} times
 * first): nothing is merged, and the failure is one message. Bad input (an
 * {@link InputException} thrown by a task) stays bad input, exit 2.
 */
final class PartsJob {
    private PartsJob() {}

    /** The folder of parts lives beside {@code out}, so it is on the same (shared) file system. */
    static void run(JavaSparkContext jsc, Path out, WorkPlanner.Plan plan, UnitWork work, PrintWriter err) throws IOException {
        run(jsc, out, plan, work, err, () -> { });
    }

    /** As {@link #run(JavaSparkContext, Path, WorkPlanner.Plan, UnitWork, PrintWriter)}; {@code unitsDone} runs between the units and the merge. */
    static void run(JavaSparkContext jsc, Path out, WorkPlanner.Plan plan, UnitWork work, PrintWriter err, Runnable unitsDone) throws IOException {
        inFolderBeside(out, folder -> {
            String name = out.getFileName().toString();
            int n = plan.size();
            onCluster(() -> jsc.parallelize(plan.bySize(), n).foreach(new RunUnit(work, folder.toString(), name, n)));
            unitsDone.run();
            List<Path> parts = new ArrayList<>(n);
            for (int k = 1; k <= n; k++) parts.add(folder.resolve(MergeCommand.chunkName(name, k, n)));
            MergeCommand.merge(out, parts, err);
            return null;
        });
    }

    /** Work done in a folder of parts. */
    interface FolderWork<T> {
        T run(Path folder) throws IOException;
    }

    /**
     * Runs {@code work} in a new hidden folder beside {@code out} (so on the same, shared, file
     * system, where the driver can join what the tasks wrote), deleted afterwards either way.
     */
    static <T> T inFolderBeside(Path out, FolderWork<T> work) throws IOException {
        Path folder = OutputFiles.temp(out, ".spark" + OutputFiles.TEMP_SUFFIX);
        try {
            Files.createDirectories(folder);
            return work.run(folder);
        } finally {
            OutputFiles.discard(folder);
        }
    }

    /** Runs a Spark job; its failure becomes one message ({@link #failure}). */
    static void onCluster(Runnable job) {
        onCluster(() -> {
            job.run();
            return null;
        });
    }

    /** Runs a Spark job and returns its result; its failure becomes one message ({@link #failure}). */
    static <T> T onCluster(java.util.function.Supplier<T> job) {
        try {
            return job.get();
        } catch (Exception e) { // Spark throws its SparkException unchecked
            throw failure(e);
        }
    }

    /** One unit on an executor; serializable, holding only names. */
    private record RunUnit(UnitWork work, String folder, String name, int n) implements VoidFunction<WorkPlanner.Unit> {
        @Override
        public void call(WorkPlanner.Unit unit) throws Exception {
            Path part = Path.of(folder).resolve(MergeCommand.chunkName(name, unit.index(), n));
            try {
                work.run(unit, part);
            } catch (InputException e) {
                throw e;
            } catch (Exception e) {
                throw new UnitFailure("work unit " + unit.index() + " of " + n + " (genes " + (unit.from() + 1) + " to "
                        + unit.to() + "): " + e, e);
            }
        }
    }

    /** A unit's failure, naming the unit. */
    static final class UnitFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnitFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * One message for a failed job: the task's own bad-input error when there is one, else the
     * deepest cause Spark carried back (its own text holds the whole remote stack trace).
     */
    static RuntimeException failure(Exception e) {
        Throwable deepest = e;
        String unit = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InputException ie) {
                return new InputException(ie.source(), ie.location(), ie.problem() + " (in a Spark task: nothing was written)", ie.hint(), e);
            }
            if (t instanceof UnitFailure && unit == null) unit = t.getMessage();
            deepest = t;
        }
        String text = unit != null ? unit : deepest == e ? e.getMessage() : deepest.toString();
        return new IllegalStateException("a Spark task failed, nothing was written: " + firstLine(text), e);
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
