package org.rareset.genotypes.store;

import java.nio.file.Path;
import java.util.List;
import org.rareset.genotypes.input.GenotypeInput;
import org.rareset.genotypes.GenotypeSources;
import org.rareset.genotypes.input.ImportOptions;
import org.rareset.genotypes.vcf.GenotypeFileSource;
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

    private IngestEngine() {}

    /** Ingests {@code source} alone. */
    public static IngestReport run(GenotypeFileSource source, Path out, VariantFilters filters, Progress progress) {
        StoreIngest ingest = new StoreIngest(out, filters, progress, null);
        try {
            ingest.add(source);
            IngestReport report = ingest.commit();
            report.write(out);
            return report;
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
     * alleles and sample ids are read. With several inputs and {@code threads > 1}, up to
     * {@code threads} inputs are ingested at once, each into a shard store, which {@link StoreJoin}
     * then joins ({@link ParallelIngest}): the store and its QC files are the same as with one thread.
     */
    public static IngestReport run(List<GenotypeInput> inputs, VcfReadOptions read, ImportOptions options, int threads,
                                   Path out, VariantFilters filters, Progress progress) {
        if (inputs.size() > 1 && threads > 1) {
            return ParallelIngest.run(inputs, read, options, threads, out, filters, progress);
        }
        StoreIngest ingest = new StoreIngest(out, filters, progress, null);
        try {
            for (GenotypeInput input : inputs) {
                try (GenotypeFileSource source = GenotypeSources.open(input, read, options, threads)) {
                    ingest.add(source);
                }
            }
            IngestReport report = ingest.commit();
            report.write(out);
            return report;
        } finally {
            ingest.abandonUnlessCommitted();
        }
    }
}
