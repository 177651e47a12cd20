package org.rareset.annotate.vcf;

import java.nio.file.Path;
import java.util.List;

/**
 * What to read from a VCF/BCF: regions (through the tabix or CSI index), a sample subset, and whether
 * only records passing all filters are kept. Immutable; start from {@link #all()} and use the
 * {@code with...} methods.
 *
 * @param regions     regions {@code chrom:start-end}; empty for the whole file
 * @param regionsFile a file of regions (BED when named {@code .bed}/{@code .bed.gz}, else
 *                    {@code chrom pos [end]} 1-based inclusive, as {@code bcftools -R}); may be null
 * @param samples     sample names to keep; null keeps every sample
 * @param samplesFile a file with one sample name per line; may be null
 * @param passOnly    keep only records whose FILTER is {@code PASS} or {@code .}
 */
public record VcfReadOptions(List<String> regions, Path regionsFile, List<String> samples,
                             Path samplesFile, boolean passOnly) {

    public VcfReadOptions {
        regions = regions == null ? List.of() : List.copyOf(regions);
        samples = samples == null ? null : List.copyOf(samples);
    }

    /** Every record and every sample of the file. */
    public static VcfReadOptions all() {
        return new VcfReadOptions(List.of(), null, null, null, false);
    }

    public VcfReadOptions withRegions(List<String> r) {
        return new VcfReadOptions(r, regionsFile, samples, samplesFile, passOnly);
    }

    public VcfReadOptions withRegion(String r) {
        return withRegions(List.of(r));
    }

    public VcfReadOptions withRegionsFile(Path f) {
        return new VcfReadOptions(regions, f, samples, samplesFile, passOnly);
    }

    public VcfReadOptions withSamples(List<String> s) {
        return new VcfReadOptions(regions, regionsFile, s, samplesFile, passOnly);
    }

    public VcfReadOptions withSamplesFile(Path f) {
        return new VcfReadOptions(regions, regionsFile, samples, f, passOnly);
    }

    public VcfReadOptions withPassOnly(boolean p) {
        return new VcfReadOptions(regions, regionsFile, samples, samplesFile, p);
    }

    /** True when only part of the genome is asked for. */
    public boolean hasRegions() {
        return !regions.isEmpty() || regionsFile != null;
    }
}
