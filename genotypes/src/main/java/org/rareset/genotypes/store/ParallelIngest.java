package org.rareset.genotypes.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.rareset.core.concurrent.DaemonPools;
import org.rareset.core.output.OutputFiles;
import org.rareset.genotypes.GenotypeSources;
import org.rareset.genotypes.input.GenotypeInput;
import org.rareset.genotypes.input.ImportOptions;
import org.rareset.genotypes.vcf.GenotypeFileSource;
import org.rareset.genotypes.vcf.VcfReadOptions;

/**
 * Ingests several inputs of one cohort at once: each input into a shard store under a temporary
 * name beside the output (up to {@code threads} at a time, the rest of the threads inflating or
 * decoding within them), then {@link StoreJoin} joins the shards in the order given and the shards'
 * reports are summed. The store is byte-identical to a one-thread ingest of the same inputs, and so
 * are its QC files (every count is an integer sum). Each input's samples are checked against the
 * first input's as soon as it is opened; the first failure stops the other shards, and no shard,
 * store or QC file is left.
 *
 * <p>Disk: the shards take about as much space as the store until the join has finished.
 *
 * <p>The two steps are public for runners that ingest the shards elsewhere (the Spark runner):
 * {@link #shard} ingests one input into one shard store, and {@link #join} joins the shards and
 * writes the summed QC files, so that their store and QC files are this class's, byte for byte.
 */
public final class ParallelIngest {
    private ParallelIngest() {}

    /** The samples of the first input (after {@code read}'s sample subset): every shard must have these. */
    public static List<String> samples(GenotypeInput first, VcfReadOptions read, ImportOptions options) {
        return GenotypeSources.samples(first, read, options);
    }

    static IngestReport run(List<GenotypeInput> inputs, VcfReadOptions read, ImportOptions options, int threads, Path out,
                            VariantFilters filters, IngestEngine.Progress progress) {
        int parallel = Math.min(threads, inputs.size());
        int decodeThreads = Math.max(1, threads / parallel);
        List<String> samples = samples(inputs.get(0), read, options);
        List<Path> shards = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) shards.add(OutputFiles.temp(out, ".shard" + i + ".tmp"));
        AtomicBoolean failed = new AtomicBoolean();
        SummedProgress summed = progress == null ? null : new SummedProgress(inputs.size(), progress);
        ExecutorService pool = DaemonPools.fixed(parallel, "rareset-ingest-shard");
        try {
            List<Future<IngestReport>> reports = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                int k = i;
                reports.add(pool.submit(() -> {
                    if (failed.get()) throw new CancellationException("another input failed");
                    try {
                        return shard(inputs.get(k), inputs.get(0).file(), samples, read, options, decodeThreads, shards.get(k),
                                filters, summed == null ? null : (r, kept) -> summed.update(k, r, kept), failed::get);
                    } catch (RuntimeException | Error e) {
                        failed.set(true);
                        throw e;
                    }
                }));
            }
            IngestReport total = null;
            RuntimeException failure = null;
            for (Future<IngestReport> f : reports) {
                try {
                    IngestReport r = await(f);
                    if (total == null) total = r;
                    else total.add(r);
                } catch (CancellationException e) {
                    if (failure == null) failure = e;
                } catch (RuntimeException e) {
                    // the first input's own failure, not a shard stopped because of it
                    if (failure == null || failure instanceof CancellationException) failure = e;
                }
            }
            if (failure != null) throw failure;
            return join(shards, inputs, List.of(total), out);
        } finally {
            failed.set(true);
            pool.shutdownNow();
            awaitQuietly(pool);
            for (Path s : shards) OutputFiles.discard(s);
        }
    }

    /**
     * Joins the shard stores of {@code inputs} (in that order) into {@code out} and writes the QC
     * files of the shards' {@code reports} summed (in order; the first report becomes the total).
     * The shards are left for the caller to delete.
     */
    public static IngestReport join(List<Path> shards, List<GenotypeInput> inputs, List<IngestReport> reports, Path out) {
        IngestReport total = reports.get(0);
        for (IngestReport r : reports.subList(1, reports.size())) total.add(r);
        try {
            StoreJoin.join(shards, inputs.stream().map(GenotypeInput::file).toList(), StoreIngest.ORDER_HINT, out,
                    StoreJoin.CHUNK_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot join the shards of " + out + ": " + e.getMessage(), e);
        }
        total.write(out);
        return total;
    }

    /**
     * One input into one shard store, with {@code threads} inflating or decoding; its samples must
     * be the first input's ({@code samples}, read from {@code firstFile}). Stops early when
     * {@code cancelled} says so (null: never); on failure no shard is left.
     */
    public static IngestReport shard(GenotypeInput input, Path firstFile, List<String> samples, VcfReadOptions read,
                                     ImportOptions options, int threads, Path shard, VariantFilters filters,
                                     IngestEngine.Progress progress, java.util.function.BooleanSupplier cancelled) {
        StoreIngest ingest = new StoreIngest(shard, filters, progress, cancelled);
        try (GenotypeFileSource source = GenotypeSources.open(input, read, options, threads)) {
            SampleLists.require(source.file(), source.samples(), firstFile, samples, "the first file",
                    "files ingested into one store need the same samples in the same order (bcftools view -s can reorder them)");
            ingest.add(source);
            return ingest.commit();
        } finally {
            ingest.abandonUnlessCommitted();
        }
    }

    /** The shard's report, or its failure as thrown (an {@link Error} too). */
    private static IngestReport await(Future<IngestReport> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("ingest interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        }
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The shards' progress added up for one progress line. */
    private static final class SummedProgress {
        private final long[] read;
        private final long[] kept;
        private final IngestEngine.Progress to;

        SummedProgress(int shards, IngestEngine.Progress to) {
            this.read = new long[shards];
            this.kept = new long[shards];
            this.to = to;
        }

        synchronized void update(int shard, long r, long k) {
            read[shard] = r;
            kept[shard] = k;
            long sr = 0;
            long sk = 0;
            for (int i = 0; i < read.length; i++) {
                sr += read[i];
                sk += kept[i];
            }
            to.update(sr, sk);
        }
    }
}
