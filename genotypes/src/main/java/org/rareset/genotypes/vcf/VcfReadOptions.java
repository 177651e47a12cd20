package org.rareset.genotypes.vcf;

import java.nio.file.Path;
import java.util.List;
import org.rareset.core.region.RegionSet;

/**
 * What to read from a VCF/BCF: regions (through the tabix or CSI index), a sample subset, whether
 * only records passing all filters are kept, whether symbolic SV alleles are kept, and how
 * half-missing calls are read. Immutable; start from {@link #all()} and use the {@code with...} methods.
 *
 * @param regions      regions {@code chrom:start-end}; empty for the whole file
 * @param regionsFile  a file of regions (BED when named {@code .bed}/{@code .bed.gz}, else
 *                     {@code chrom pos [end]} 1-based inclusive, as {@code bcftools -R}); may be null
 * @param samples      sample names to keep; null keeps every sample
 * @param samplesFile  a file with one sample name per line; may be null
 * @param passOnly     keep only records whose FILTER is {@code PASS} or {@code .}
 * @param keepSymbolic keep symbolic SV alleles ({@code <DEL>}, {@code <DUP>}, ...) as variants of
 *                     their own; by default they are skipped and counted ({@link AlleleKind})
 * @param halfCall     how {@code 0/.} and {@code 1/.} are read
 */
public record VcfReadOptions(List<String> regions, Path regionsFile, List<String> samples,
                             Path samplesFile, boolean passOnly, boolean keepSymbolic, HalfCall halfCall) {

    /** rareset's default for half-missing calls (see {@link HalfCall#HAPLOID}). */
    public static final HalfCall DEFAULT_HALF_CALL = HalfCall.HAPLOID;

    public VcfReadOptions {
        regions = regions == null ? List.of() : List.copyOf(regions);
        samples = samples == null ? null : List.copyOf(samples);
        halfCall = halfCall == null ? DEFAULT_HALF_CALL : halfCall;
    }

    /** Every record and every sample of the file. */
    public static VcfReadOptions all() {
        return new VcfReadOptions(List.of(), null, null, null, false, false, DEFAULT_HALF_CALL);
    }

    public VcfReadOptions withRegions(List<String> r) {
        return new VcfReadOptions(r, regionsFile, samples, samplesFile, passOnly, keepSymbolic, halfCall);
    }

    public VcfReadOptions withRegion(String r) {
        return withRegions(List.of(r));
    }

    public VcfReadOptions withRegionsFile(Path f) {
        return new VcfReadOptions(regions, f, samples, samplesFile, passOnly, keepSymbolic, halfCall);
    }

    public VcfReadOptions withSamples(List<String> s) {
        return new VcfReadOptions(regions, regionsFile, s, samplesFile, passOnly, keepSymbolic, halfCall);
    }

    public VcfReadOptions withSamplesFile(Path f) {
        return new VcfReadOptions(regions, regionsFile, samples, f, passOnly, keepSymbolic, halfCall);
    }

    public VcfReadOptions withPassOnly(boolean p) {
        return new VcfReadOptions(regions, regionsFile, samples, samplesFile, p, keepSymbolic, halfCall);
    }

    public VcfReadOptions withKeepSymbolic(boolean k) {
        return new VcfReadOptions(regions, regionsFile, samples, samplesFile, passOnly, k, halfCall);
    }

    public VcfReadOptions withHalfCall(HalfCall h) {
        return new VcfReadOptions(regions, regionsFile, samples, samplesFile, passOnly, keepSymbolic, h);
    }

    /** True when only part of the genome is asked for. */
    public boolean hasRegions() {
        return !regions.isEmpty() || regionsFile != null;
    }

    /** The regions and the regions file's regions, sorted and merged. */
    public RegionSet regionSet() {
        return RegionSet.parse(regions, regionsFile);
    }
}
