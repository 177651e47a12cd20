package org.rareset.annotate.store;

import java.nio.file.Path;
import org.rareset.annotate.vcf.Variant;
import org.rareset.annotate.vcf.VcfVariantSource;

/**
 * Converts a VCF source into a genotype store, applying the QC filters and collecting the QC
 * report. The store appears under its name only when everything succeeded; on any failure no
 * store (and no temporary file) is left.
 */
public final class IngestEngine {
    /** Told how far the work has got, every few thousand records. */
    public interface Progress {
        void update(long variantsRead, long variantsKept);
    }

    private static final int PROGRESS_EVERY = 4096;

    private IngestEngine() {}

    public static IngestReport run(VcfVariantSource source, Path out, VariantFilters filters, Progress progress) {
        int n = source.samples().size();
        IngestReport report = new IngestReport(source.samples());
        try (GenotypeStoreWriter writer = GenotypeStoreWriter.create(out, source.samples())) {
            for (Variant v : source) {
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
            report.readStats = source.stats();
            writer.commit();
        }
        report.write(out);
        return report;
    }
}
