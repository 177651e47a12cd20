package org.rareset.simulate;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.rareset.genotypes.store.GenotypeStoreWriter;
import org.rareset.genotypes.vcf.RecordCalls;
import org.rareset.genotypes.vcf.VariantSplitter;

/**
 * Writes the simulated genotypes straight into a genotype store ({@code simulate --store}), for
 * cohorts whose VCF would be too large to write or read (a VCF line holds 4 bytes per sample: 2 MB
 * per site at 500,000 samples). Each site's sparse calls are handed to ingest's own
 * {@link RecordCalls} and {@link VariantSplitter}, as the VCF reader hands over the same record, so
 * the store is byte-identical to {@code rareset ingest} of the VCF the same seed writes. Work per
 * site is proportional to its carriers and missing calls.
 */
final class SimulatedStoreWriter implements SimulatedGenotypes {
    private final GenotypeStoreWriter writer;
    private final RecordCalls calls;
    private final int samples;
    private final int[] alleles = new int[2];

    SimulatedStoreWriter(Path store, List<String> sampleNames) {
        this.writer = GenotypeStoreWriter.create(store, sampleNames);
        this.calls = new RecordCalls(sampleNames.size());
        this.samples = sampleNames.size();
    }

    @Override
    public void write(SimSite site, GenotypeSampler g) {
        calls.reset(site.alts().length);
        // Carriers and missing calls in increasing sample order; a missing carrier is a missing call (./.).
        int c = 0;
        int m = 0;
        int called = 0;
        while (c < g.carriers || m < g.missing) {
            int cs = c < g.carriers ? g.carrierSample[c] : Integer.MAX_VALUE;
            int ms = m < g.missing ? g.missingSample[m] : Integer.MAX_VALUE;
            if (ms <= cs) {
                calls.missingCall(ms);
                m++;
                if (ms == cs) c++;
            } else {
                alleles[0] = g.allele0[c];
                alleles[1] = g.allele1[c];
                calls.call(cs, alleles, 2);
                called++;
                c++;
            }
        }
        calls.refRun(samples - g.missing - called);
        VariantSplitter.split(site.chrom(), site.pos(), site.ids(), site.ref(), Arrays.asList(site.alts()), calls, writer::add);
    }

    /** Completes the store under its (temporary) name. */
    @Override
    public void finish() {
        writer.commit();
    }

    @Override
    public void abort() {
        writer.close();
    }
}
