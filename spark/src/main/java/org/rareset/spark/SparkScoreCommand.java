package org.rareset.spark;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;
import org.rareset.cli.ScoreCommand;
import org.rareset.deepset.score.GeneRows;
import picocli.CommandLine.Command;

/**
 * {@code rareset-spark score}: {@code rareset score} on a Spark cluster, with the same options.
 * The genes are split into work units by {@link WorkPlanner} (cost per gene: its annotation rows,
 * each through the network once, plus its carrier entries, each max-pooled once); each executor
 * loads the ensemble and reads the input once per JVM and run ({@link JvmCache}) and scores its
 * units with {@link ScoreCommand#writeScores}, the code {@code score} runs; the parts are joined
 * as {@code rareset merge} joins score chunks (one sample roster, genes in order).
 */
@Command(name = "score", description = {"rareset score on Spark: genes are scored in work units on the executors and the parts merged as rareset merge does (docs/spark.md). Options as for rareset score, plus --units.",
        "Not on Spark (refused; run rareset score for them): --chunk, --per-variant, --write-bgen, --dense wide. "
                + "--threads is the threads per task (default: spark.task.cpus).", ""},
        footer = {"%nExample:", "  spark-submit --class org.rareset.spark.SparkMain rareset-spark.jar score \\",
            "      --model /shared/model --store /shared/cohort.rsg \\",
            "      --annotations /shared/annotations.tsv --out /shared/scores.parquet"})
public final class SparkScoreCommand extends GeneUnitsCommand<ScoreCommand> {
    public SparkScoreCommand() {
        super(new ScoreCommand());
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        JavaSparkContext jsc = SparkRun.context("rareset score");
        String[] args = SparkRun.executorArgs(spec, jsc);
        ScoreCommand options = SparkRun.parse(new SparkScoreCommand(), args).local;
        List<String> refused = new ArrayList<>();
        if (options.perVariant() != null) refused.add("--per-variant");
        if (options.writeBgen() != null) refused.add("--write-bgen");
        if ("wide".equals(options.dense())) refused.add("--dense wide (parts of a wide table have different columns)");
        if (args.length > 0 && List.of(args).stream().anyMatch(a -> a.equals("--chunk") || a.startsWith("--chunk="))) {
            refused.add(CHUNK);
        }
        refuse(refused, "score");
        String runId = SparkRun.newRunId();
        try {
            ScoreCommand.Prepared prepared = JvmCache.get(runId, ScoreCommand.Prepared.class, () -> options.prepare(err));
            List<GeneRows> genes = prepared.input().genes();
            long[] costs = new long[genes.size()];
            for (int i = 0; i < costs.length; i++) costs[i] = cost(genes.get(i));
            WorkPlanner.Plan plan = WorkPlanner.plan(costs, SparkRun.units(spark, jsc));
            err.println(String.format(Locale.ROOT, "score: %d genes in %d work units on %s (the largest unit holds %.1f%% of the work)",
                    costs.length, plan.size(), jsc.master(), 100 * plan.largestShare()));
            err.flush();
            PartsJob.run(jsc, options.out(), plan, new ScoreUnit(runId, args), err);
        } finally {
            JvmCache.release(runId);
        }
        return 0;
    }

    /** A gene's scoring work: its rows (each through phi once) and its carrier entries (each max-pooled once). */
    static long cost(GeneRows g) {
        long c = g.carriers().length;
        for (int[] rowCarriers : g.carriers()) c += rowCarriers.length;
        return Math.max(1, c);
    }

    /** One unit on an executor: the ensemble and input prepared once per JVM. */
    private record ScoreUnit(String runId, String[] args) implements UnitWork {
        @Override
        public void run(WorkPlanner.Unit unit, Path part) throws Exception {
            ScoreCommand options = SparkRun.parse(new SparkScoreCommand(), args).local;
            ScoreCommand.Prepared prepared = JvmCache.get(runId, ScoreCommand.Prepared.class,
                    () -> options.prepare(new PrintWriter(Writer.nullWriter())));
            options.writeScores(prepared, prepared.input().genes().subList(unit.from(), unit.to()), part, false, g -> { });
        }
    }
}
