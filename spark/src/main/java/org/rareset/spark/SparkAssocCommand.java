package org.rareset.spark;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.rareset.association.input.TraitData;
import org.rareset.association.run.AssociationJob;
import org.rareset.association.run.AssociationRun;
import org.rareset.association.run.AssociationSettings;
import org.rareset.cli.AssocCommand;
import picocli.CommandLine.Command;

/**
 * {@code rareset-spark assoc}: {@code rareset assoc} on a Spark cluster, with the same options.
 *
 * <p>The driver prepares the run as {@code assoc} does ({@link AssociationJob#prepare}: phenotypes,
 * covariates, masks, the store's genes), fits every trait's null model once and broadcasts the
 * traits and models; the genes are split into work units by {@link WorkPlanner} with cost
 * variants x carrier entries per gene. Each executor prepares once per JVM and per run
 * ({@link JvmCache}) and tests its units with {@link AssociationJob.Prepared#testAndWrite}, the
 * engine {@code assoc} runs; {@link PartsJob} merges the parts as {@code rareset merge} does, so
 * the files equal those of one {@code rareset assoc} run.
 */
@Command(name = "assoc", description = {"rareset assoc on Spark: the genes are tested in work units on the executors and the parts merged as rareset merge does (docs/spark.md). Options as for rareset assoc, plus --units.",
        "Not on Spark (refused; run rareset assoc for them): --chunk, --write-burdens, --single-variant, --out-format regenie|saige. "
                + "--threads is the threads per task (default: spark.task.cpus).", ""},
        footer = {"%nExample:", "  spark-submit --class org.rareset.spark.SparkMain rareset-spark.jar assoc \\",
            "      --store /shared/cohort.rsg --annotations /shared/annotations.tsv \\",
            "      --pheno /shared/pheno.tsv --covar /shared/covar.tsv \\",
            "      --out /shared/results/results.tsv.gz"})
public final class SparkAssocCommand extends GeneUnitsCommand<AssocCommand> {
    public SparkAssocCommand() {
        super(new AssocCommand());
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        long t0 = System.nanoTime();
        JavaSparkContext jsc = SparkRun.context("rareset assoc");
        String[] args = SparkRun.executorArgs(spec, jsc);
        AssociationSettings settings = settingsOf(args);
        refuseUnsupported(settings);
        String runId = SparkRun.newRunId();
        Consumer<String> log = msg -> { err.println("assoc: " + msg); err.flush(); };
        log.accept(SparkRun.phase("Spark context", t0));
        Mutable driverLog = new Mutable(log);
        try {
            AssociationJob.Prepared prepared = JvmCache.get(runId, AssociationJob.Prepared.class,
                    () -> new AssociationJob(settings, driverLog, AssociationJob.Progress.NONE).prepare());
            log.accept(SparkRun.phase("prepared (inputs read, genes indexed)", t0));
            AssociationRun.NullModels models = prepared.fitNullModels();
            driverLog.mute(); // in local mode the units run on this prepared job: their own counts are left out
            long[] costs = new long[prepared.geneCount()];
            for (int i = 0; i < costs.length; i++) costs[i] = prepared.cost(i);
            WorkPlanner.Plan plan = WorkPlanner.plan(costs, SparkRun.units(spark, jsc));
            log.accept(String.format(Locale.ROOT, "%d genes in %d work units on %s (the largest unit holds %.1f%% of the work)",
                    costs.length, plan.size(), jsc.master(), 100 * plan.largestShare()));
            Broadcast<ArrayList<TraitData>> traits = jsc.broadcast(new ArrayList<>(prepared.traits()));
            Broadcast<AssociationRun.NullModels> fitted = jsc.broadcast(models);
            log.accept(SparkRun.phase("null models fitted and broadcast, units planned", t0));
            PartsJob.run(jsc, settings.out(), plan, new AssocUnit(runId, args, traits, fitted), err,
                    () -> log.accept(SparkRun.phase("units tested", t0)));
            log.accept(SparkRun.phase("parts merged", t0));
            traits.destroy();
            fitted.destroy();
        } finally {
            JvmCache.release(runId);
        }
        return 0;
    }

    /** The settings an executor gets from the same arguments. */
    static AssociationSettings settingsOf(String[] args) {
        return SparkRun.parse(new SparkAssocCommand(), args).local.settings();
    }

    /** Outputs that {@code rareset merge} does not join are refused before any work. */
    private static void refuseUnsupported(AssociationSettings s) {
        List<String> refused = new ArrayList<>();
        if (s.chunk() != null) refused.add(CHUNK);
        if (s.writeBurdens() != null) refused.add("--write-burdens");
        if (s.singleVariant()) refused.add("--single-variant");
        if (!s.outFormat().equalsIgnoreCase("rareset")) refused.add("--out-format " + s.outFormat());
        refuse(refused, "assoc");
    }

    /** One unit on an executor: the run prepared once per JVM, the driver's traits and null models. */
    private record AssocUnit(String runId, String[] args, Broadcast<ArrayList<TraitData>> traits,
                             Broadcast<AssociationRun.NullModels> models) implements UnitWork {
        @Override
        public void run(WorkPlanner.Unit unit, Path part) throws Exception {
            AssociationJob.Prepared prepared = JvmCache.get(runId, AssociationJob.Prepared.class,
                    () -> new AssociationJob(settingsOf(args), msg -> { }, AssociationJob.Progress.NONE).prepare());
            prepared.testAndWrite(unit.from(), unit.to(), traits.value(), models.value(), part, AssociationJob.Progress.NONE);
        }
    }

    /** The driver's log: the preparation's lines are shown, the units' own lines are not (the merge reports the whole). */
    static final class Mutable implements Consumer<String> {
        private final Consumer<String> log;
        private volatile boolean muted;

        Mutable(Consumer<String> log) {
            this.log = log;
        }

        void mute() {
            muted = true;
        }

        @Override
        public void accept(String s) {
            if (!muted) log.accept(s);
        }
    }
}
