package org.rareset.genotypes.store;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.rareset.core.InputException;
import org.rareset.genotypes.vcf.ContigOrder;
import org.rareset.genotypes.vcf.GenotypeFileSource;
import org.rareset.genotypes.vcf.ReadStats;
import org.rareset.genotypes.vcf.Variant;

/**
 * One store being written from one or more sources read one after another: the QC filters, the
 * order and sample checks across files, and the report's counts. The caller commits (and writes
 * the report where it belongs) or abandons.
 */
final class StoreIngest {
    private static final int PROGRESS_EVERY = 4096;
    static final String ORDER_HINT = "give the files in genomic order (each contig's records in consecutive files, positions increasing)";

    private final Path out;
    private final VariantFilters filters;
    private final IngestEngine.Progress progress;
    private final BooleanSupplier cancelled;
    private final ReadStats stats = new ReadStats();
    private final ContigOrder order = new ContigOrder();
    private GenotypeStoreWriter writer;
    private IngestReport report;
    private Path firstFile;
    private Path lastFile;
    private Variant lastVariant;
    private boolean committed;

    /** @param cancelled polled every few thousand variants; when true, {@link #add} stops with a {@link CancellationException} (null: never) */
    StoreIngest(Path out, VariantFilters filters, IngestEngine.Progress progress, BooleanSupplier cancelled) {
        this.out = out;
        this.filters = filters;
        this.progress = progress;
        this.cancelled = cancelled;
    }

    void add(GenotypeFileSource source) {
        List<String> samples = source.samples();
        if (writer == null) {
            report = new IngestReport(samples);
            writer = GenotypeStoreWriter.create(out, samples);
            firstFile = source.file();
        } else {
            SampleLists.require(source.file(), samples, firstFile, report.samples, "the first file",
                    "files ingested into one store need the same samples in the same order (bcftools view -s can reorder them)");
        }
        int n = samples.size();
        boolean first = true;
        for (Variant v : source) {
            ContigOrder.Step step = order.next(v.chrom(), v.pos());
            // The source checks its own order, so only a file's first variant can be out of order here.
            if (step == ContigOrder.Step.CONTIG_AGAIN || step == ContigOrder.Step.POSITION_BACK) {
                throw notContinuing(source.file(), v, lastFile, order.contig(), order.lastPos(), ORDER_HINT);
            }
            if (first && lastVariant != null && sameVariant(v, lastVariant)) {
                throw overlapping(source.file(), v, lastFile, ORDER_HINT);
            }
            first = false;
            report.variantsRead++;
            report.recordVariantMissing(v.missingCount());
            if (filters.minHweP() != null && !VariantFilters.allDiploid(v, n)) report.hweNotTested++;
            switch (filters.check(v, n)) {
                case MAX_MISSING -> report.droppedMissing++;
                case MIN_AC -> report.droppedAc++;
                case HWE -> report.droppedHwe++;
                case KEPT -> {
                    writer.add(v);
                    report.variantsKept++;
                    for (int s : v.missingSamples()) report.sampleMissing[s]++;
                }
            }
            if (report.variantsRead % PROGRESS_EVERY == 0) {
                if (progress != null) progress.update(report.variantsRead, report.variantsKept);
                if (cancelled != null && cancelled.getAsBoolean()) throw new CancellationException("ingest of " + out + " stopped");
            }
            lastVariant = v;
        }
        stats.add(source.stats());
        lastFile = source.file();
    }

    /** The same site and alleles: what overlapping inputs (regions cut with overlap) repeat at their boundary. */
    static boolean sameVariant(Variant a, Variant b) {
        return a.chrom().equals(b.chrom()) && a.pos() == b.pos() && a.ref().equals(b.ref()) && a.alt().equals(b.alt());
    }

    /**
     * A later file (or shard, {@link StoreJoin}) must carry on where the files before it ended: {@code file}
     * starts at {@code head}, but {@code before} already reached {@code chrom:pos}.
     */
    static InputException notContinuing(Path file, Variant head, Path before, String chrom, int pos, String hint) {
        return InputException.of(file, "starts at " + head.chrom() + ":" + head.pos() + ", but " + before.getFileName()
                + " before it already reached " + chrom + ":" + pos, hint);
    }

    /** {@code file} (or shard) starts with the variant {@code before} ended with: inputs cut from regions that overlap. */
    static InputException overlapping(Path file, Variant head, Path before, String hint) {
        return InputException.of(file, "starts with " + head.key() + ", which " + before.getFileName()
                + " before it already ends with: the files overlap", hint);
    }

    /** Completes the store (renamed to its name) and returns the report, not yet written anywhere. */
    IngestReport commit() {
        if (writer == null) throw new IllegalStateException("no source was added");
        report.readStats = stats;
        writer.commit();
        committed = true;
        return report;
    }

    void abandonUnlessCommitted() {
        if (writer != null && !committed) writer.close();
    }
}
