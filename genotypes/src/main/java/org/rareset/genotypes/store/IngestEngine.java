package org.rareset.genotypes.store;

import java.nio.file.Path;
import java.util.List;
import org.rareset.core.InputException;
import org.rareset.genotypes.input.GenotypeInput;
import org.rareset.genotypes.GenotypeSources;
import org.rareset.genotypes.input.ImportOptions;
import org.rareset.genotypes.vcf.ContigOrder;
import org.rareset.genotypes.vcf.GenotypeFileSource;
import org.rareset.genotypes.vcf.ReadStats;
import org.rareset.genotypes.vcf.Variant;
import org.rareset.genotypes.vcf.VcfReadOptions;

/**
 * Converts one genotype file (VCF/BCF, PLINK 1 binary, BGEN), or several with the same samples (a
 * cohort split by chromosome or region), into a genotype store, applying the QC filters and collecting the QC report. The store appears
 * under its name only when everything succeeded; on any failure no store (and no temporary file)
 * is left.
 */
public final class IngestEngine {
    /** Told how far the work has got, every few thousand records. */
    public interface Progress {
        void update(long variantsRead, long variantsKept);
    }

    private static final int PROGRESS_EVERY = 4096;

    private IngestEngine() {}

    /** Ingests {@code source} alone. */
    public static IngestReport run(GenotypeFileSource source, Path out, VariantFilters filters, Progress progress) {
        Ingest ingest = new Ingest(out, filters, progress);
        try {
            ingest.add(source);
            return ingest.commit();
        } finally {
            ingest.abandonUnlessCommitted();
        }
    }

    /**
     * Ingests {@code vcfs} in the order given, opening one at a time, into one store. Every file
     * must have the same samples (after {@code read}'s sample subset), and together they must be
     * sorted: a contig's records in one run of files, positions increasing across file boundaries.
     */
    public static IngestReport run(List<Path> vcfs, VcfReadOptions read, int threads, Path out, VariantFilters filters,
                                   Progress progress) {
        return run(vcfs.stream().map(GenotypeInput::vcf).toList(), read, ImportOptions.defaults(), threads, out, filters, progress);
    }

    /**
     * Ingests {@code inputs} (any mix of formats) in the order given, as {@link #run(List, VcfReadOptions,
     * int, Path, VariantFilters, Progress)} does for VCFs; {@code options} says how PLINK and BGEN
     * alleles and sample ids are read.
     */
    public static IngestReport run(List<GenotypeInput> inputs, VcfReadOptions read, ImportOptions options, int threads,
                                   Path out, VariantFilters filters, Progress progress) {
        Ingest ingest = new Ingest(out, filters, progress);
        try {
            for (GenotypeInput input : inputs) {
                try (GenotypeFileSource source = GenotypeSources.open(input, read, options, threads)) {
                    ingest.add(source);
                }
            }
            return ingest.commit();
        } finally {
            ingest.abandonUnlessCommitted();
        }
    }

    /** One store being written from one or more sources. */
    private static final class Ingest {
        private final Path out;
        private final VariantFilters filters;
        private final Progress progress;
        private final ReadStats stats = new ReadStats();
        private final ContigOrder order = new ContigOrder();
        private GenotypeStoreWriter writer;
        private IngestReport report;
        private Path firstFile;
        private Path lastFile;
        private boolean committed;

        Ingest(Path out, VariantFilters filters, Progress progress) {
            this.out = out;
            this.filters = filters;
            this.progress = progress;
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
            for (Variant v : source) {
                ContigOrder.Step step = order.next(v.chrom(), v.pos());
                // The source checks its own order, so only a file's first variant can be out of order here.
                if (step == ContigOrder.Step.CONTIG_AGAIN || step == ContigOrder.Step.POSITION_BACK) {
                    throw notContinuing(source.file(), v);
                }
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
                if (progress != null && report.variantsRead % PROGRESS_EVERY == 0) {
                    progress.update(report.variantsRead, report.variantsKept);
                }
            }
            stats.add(source.stats());
            lastFile = source.file();
        }

        /** A later file must carry on where the files before it ended. */
        private InputException notContinuing(Path file, Variant v) {
            return InputException.of(file, "starts at " + v.chrom() + ":" + v.pos() + ", but " + lastFile.getFileName()
                    + " before it already reached " + order.contig() + ":" + order.lastPos(),
                    "give the files in genomic order (each contig's records in consecutive files, positions increasing)");
        }

        IngestReport commit() {
            if (writer == null) throw new IllegalStateException("no source was added");
            report.readStats = stats;
            writer.commit();
            committed = true;
            report.write(out);
            return report;
        }

        void abandonUnlessCommitted() {
            if (writer != null && !committed) writer.close();
        }
    }
}
