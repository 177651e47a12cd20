package org.rareset.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.rareset.cli.IngestCommand;
import org.rareset.cli.files.WritesFiles;
import org.rareset.core.InputException;
import org.rareset.core.output.FileRoles;
import org.rareset.genotypes.input.GenotypeInput;
import org.rareset.genotypes.store.IngestReport;
import org.rareset.genotypes.store.ParallelIngest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code rareset-spark ingest}: {@code rareset ingest} of several files on a Spark cluster, with
 * the same options. One task per input ingests it into a shard store in a hidden folder beside
 * {@code --out} ({@link ParallelIngest#shard}, the code {@code rareset ingest --threads N} runs per
 * input), checking its samples against the first input's; the driver then joins the shards and
 * writes the summed QC files ({@link ParallelIngest#join}). The store and QC files are therefore
 * byte-identical to {@code rareset ingest}'s. A failing shard fails the job: nothing is joined and
 * the folder of shards is deleted.
 */
@Command(name = "ingest", description = {"rareset ingest on Spark: each input file is ingested into a shard store by its own task "
        + "and the driver joins the shards (docs/spark.md); the store and QC files are those of rareset ingest. Options as for rareset ingest; "
        + "--threads is the decoding threads per task (default: spark.task.cpus).", ""},
        footer = {"%nExample:", "  spark-submit --class org.rareset.spark.SparkMain rareset-spark.jar ingest \\",
            "      --vcf /shared/vcf/chr{1..22}.vcf.gz --out /shared/cohort.rsg"})
public final class SparkIngestCommand implements Callable<Integer>, WritesFiles {
    @Mixin IngestCommand ingest;
    @Spec CommandSpec spec;

    @Override
    public java.util.Set<String> outputOptions() {
        return ingest.outputOptions();
    }

    @Override
    public void declareFiles(FileRoles files) {
        ingest.declareFiles(files);
    }

    @Override
    public Integer call() throws IOException {
        IngestCommand.Settings s = ingest.settings();
        PrintWriter err = spec.commandLine().getErr();
        long t0 = System.nanoTime();
        JavaSparkContext jsc = SparkRun.context("rareset ingest");
        String[] args = SparkRun.executorArgs(spec, jsc);
        int n = s.inputs().size();
        // shards in PartsJob's folder of parts, so that the driver can join them
        IngestReport report = PartsJob.inFolderBeside(s.out(), folder -> {
            List<String> samples = new ArrayList<>(ParallelIngest.samples(s.inputs().get(0), s.read(), s.importOptions()));
            err.println(String.format(Locale.ROOT, "ingest: %d input files of %d samples as %d tasks on %s", n, samples.size(), n, jsc.master()));
            err.flush();
            List<IngestReport> reports = PartsJob.onCluster(() -> jsc.parallelize(IntStream.range(0, n).boxed().toList(), n)
                    .map(new IngestShard(args, folder.toString(), samples)).collect());
            return ParallelIngest.join(shards(folder, n), s.inputs(), reports, s.out());
        });
        ingest.printReport(report, (System.nanoTime() - t0) / 1e9, spec.commandLine().getOut(), err);
        return 0;
    }

    static List<Path> shards(Path folder, int n) {
        List<Path> shards = new ArrayList<>(n);
        for (int i = 0; i < n; i++) shards.add(shard(folder, i));
        return shards;
    }

    private static Path shard(Path folder, int i) {
        return folder.resolve("shard" + i + ".rsg");
    }

    /** Input {@code i} into its shard store on an executor; serializable, holding only the arguments and names. */
    private record IngestShard(String[] args, String folder, List<String> samples) implements Function<Integer, IngestReport> {
        @Override
        public IngestReport call(Integer i) {
            IngestCommand.Settings s = SparkRun.parse(new SparkIngestCommand(), args).ingest.settings();
            GenotypeInput input = s.inputs().get(i);
            try {
                return ParallelIngest.shard(input, s.inputs().get(0).file(), samples, s.read(), s.importOptions(), s.threads(),
                        shard(Path.of(folder), i), s.filters(), null, null);
            } catch (InputException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new PartsJob.UnitFailure("ingest of " + input.file() + ": " + e, e);
            }
        }
    }
}
