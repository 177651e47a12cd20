package org.rareset.genotypes.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rareset.core.output.OutputFiles;
import org.rareset.genotypes.vcf.AlleleKind;
import org.rareset.genotypes.vcf.ReadStats;

/**
 * What ingest read, split, dropped and kept, with missingness per variant (summary) and per
 * sample. Written beside the store as {@code <store>.qc.tsv} and {@code <store>.samples.tsv}.
 */
public final class IngestReport implements java.io.Serializable {
    /** Serializable so that a shard ingested on another machine (the Spark runner) sends its report back. */
    private static final long serialVersionUID = 1L;

    /** Upper bounds of the variant missing-rate classes in the summary. */
    static final double[] MISSING_CLASSES = {0.0, 0.01, 0.05, 0.10, 0.50, 1.0};
    static final String[] MISSING_CLASS_NAMES = {"variants_missing_none", "variants_missing_le_1pct",
        "variants_missing_le_5pct", "variants_missing_le_10pct", "variants_missing_le_50pct", "variants_missing_gt_50pct"};

    final List<String> samples;
    final long[] sampleMissing;
    final long[] missingClassCounts = new long[MISSING_CLASSES.length];
    long variantsRead;
    long variantsKept;
    long droppedMissing;
    long droppedAc;
    long droppedHwe;
    long hweNotTested;
    /** Missing calls over all variants read: an exact sum, so the mean does not depend on how shards were added up. */
    long missingCalls;
    long maxVariantMissing;
    ReadStats readStats;

    IngestReport(List<String> samples) {
        this.samples = samples;
        this.sampleMissing = new long[samples.size()];
    }

    public long variantsRead() { return variantsRead; }
    public long variantsKept() { return variantsKept; }
    public long droppedMaxMissing() { return droppedMissing; }
    public long droppedMinAc() { return droppedAc; }
    public long droppedHwe() { return droppedHwe; }
    public long hweNotTested() { return hweNotTested; }
    public ReadStats readStats() { return readStats; }

    /** Missing calls of sample {@code s} over the kept variants. */
    public long sampleMissing(int s) { return sampleMissing[s]; }

    void recordVariantMissing(int missing) {
        double rate = samples.isEmpty() ? 0 : (double) missing / samples.size();
        missingCalls += missing;
        maxVariantMissing = Math.max(maxVariantMissing, missing);
        int k = 0;
        while (k < MISSING_CLASSES.length - 1 && rate > MISSING_CLASSES[k]) k++;
        missingClassCounts[k]++;
    }

    /**
     * Adds {@code other}, the report of the next part of the same cohort (same samples), as if one
     * ingest had read both: counts and per-sample missing calls are summed, maxima taken.
     */
    void add(IngestReport other) {
        if (!other.samples.equals(samples)) throw new IllegalArgumentException("reports of different sample lists");
        for (int s = 0; s < sampleMissing.length; s++) sampleMissing[s] += other.sampleMissing[s];
        for (int k = 0; k < missingClassCounts.length; k++) missingClassCounts[k] += other.missingClassCounts[k];
        variantsRead += other.variantsRead;
        variantsKept += other.variantsKept;
        droppedMissing += other.droppedMissing;
        droppedAc += other.droppedAc;
        droppedHwe += other.droppedHwe;
        hweNotTested += other.hweNotTested;
        missingCalls += other.missingCalls;
        maxVariantMissing = Math.max(maxVariantMissing, other.maxVariantMissing);
        readStats.add(other.readStats);
    }

    /** The summary as ordered key/value pairs (also the rows of {@code .qc.tsv}). */
    public Map<String, String> summary() {
        Map<String, String> m = new LinkedHashMap<>();
        int n = samples.size();
        m.put("samples", Long.toString(n));
        m.put("records_read", Long.toString(readStats.records()));
        m.put("records_dropped_not_pass", Long.toString(readStats.failedFilterRecords()));
        m.put("records_dropped_no_alt", Long.toString(readStats.noAltRecords()));
        m.put("multiallelic_records_split", Long.toString(readStats.multiAllelicRecords()));
        m.put("alleles_skipped_spanning_deletion", Long.toString(readStats.skippedAlleles(AlleleKind.SPANNING_DELETION)));
        m.put("alleles_skipped_unobserved", Long.toString(readStats.skippedAlleles(AlleleKind.UNOBSERVED)));
        m.put("alleles_skipped_symbolic_sv", Long.toString(readStats.skippedAlleles(AlleleKind.SYMBOLIC_SV)));
        m.put("alleles_skipped_breakend", Long.toString(readStats.skippedAlleles(AlleleKind.BREAKEND)));
        m.put("symbolic_sv_alleles_kept", Long.toString(readStats.symbolicKept()));
        m.put("half_calls", Long.toString(readStats.halfCalls()));
        m.put("records_short_read_as_missing", Long.toString(readStats.shortRecords()));
        m.put("records_gt_not_first", Long.toString(readStats.gtNotFirstRecords()));
        m.put("variants_read", Long.toString(variantsRead));
        m.put("variants_dropped_max_missing", Long.toString(droppedMissing));
        m.put("variants_dropped_min_ac", Long.toString(droppedAc));
        m.put("variants_dropped_hwe", Long.toString(droppedHwe));
        m.put("variants_hwe_not_tested_non_diploid", Long.toString(hweNotTested));
        m.put("variants_kept", Long.toString(variantsKept));
        m.put("variant_missing_rate_mean", fmt(variantsRead == 0 || n == 0 ? 0 : (double) missingCalls / n / variantsRead));
        m.put("variant_missing_rate_max", fmt(n == 0 ? 0 : (double) maxVariantMissing / n));
        for (int k = 0; k < MISSING_CLASSES.length; k++) m.put(MISSING_CLASS_NAMES[k], Long.toString(missingClassCounts[k]));
        double sumRate = 0;
        double maxRate = 0;
        long samplesWithMissing = 0;
        for (long c : sampleMissing) {
            double r = variantsKept == 0 ? 0 : (double) c / variantsKept;
            sumRate += r;
            maxRate = Math.max(maxRate, r);
            if (c > 0) samplesWithMissing++;
        }
        m.put("sample_missing_rate_mean", fmt(n == 0 ? 0 : sumRate / n));
        m.put("sample_missing_rate_max", fmt(maxRate));
        m.put("samples_with_missing_calls", Long.toString(samplesWithMissing));
        return m;
    }

    private static String fmt(double x) {
        return String.format(Locale.ROOT, "%.6g", x);
    }

    /** Writes {@code <store>.qc.tsv} and {@code <store>.samples.tsv}, each under a temporary name first. */
    public void write(Path store) {
        writeAtomically(qcFile(store), w -> {
            w.write("metric\tvalue\n");
            for (var e : summary().entrySet()) w.write(e.getKey() + "\t" + e.getValue() + "\n");
        });
        writeAtomically(samplesFile(store), w -> {
            w.write("sample\tcalled\tmissing\tmissing_rate\n");
            // Few distinct missing counts among many samples: format each rate once (String.format is slow).
            Map<Long, String> rates = new HashMap<>();
            for (int s = 0; s < samples.size(); s++) {
                long miss = sampleMissing[s];
                String rate = rates.computeIfAbsent(miss, m -> fmt(variantsKept == 0 ? 0 : (double) m / variantsKept));
                w.write(samples.get(s) + "\t" + (variantsKept - miss) + "\t" + miss + "\t" + rate + "\n");
            }
        });
    }

    public static Path qcFile(Path store) {
        return store.resolveSibling(store.getFileName() + ".qc.tsv");
    }

    public static Path samplesFile(Path store) {
        return store.resolveSibling(store.getFileName() + ".samples.tsv");
    }

    private interface Body {
        void write(Writer w) throws IOException;
    }

    private static void writeAtomically(Path target, Body body) {
        try {
            OutputFiles.write(target, tmp -> {
                try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    body.write(w);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
