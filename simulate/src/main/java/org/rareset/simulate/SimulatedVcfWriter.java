package org.rareset.simulate;

import htsjdk.tribble.SimpleFeature;
import htsjdk.tribble.index.Index;
import htsjdk.tribble.index.tabix.TabixFormat;
import htsjdk.tribble.index.tabix.TabixIndexCreator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.rareset.core.bgzf.ParallelBgzfOutputStream;

/**
 * Writes the simulated cohort as a bgzipped VCFv4.2 (GT only, unphased, records sorted) and builds
 * its tabix index on the fly from the BGZF virtual offsets of the records.
 */
final class SimulatedVcfWriter implements SimulatedGenotypes {
    private final ParallelBgzfOutputStream bgzf;
    private final TabixIndexCreator index = new TabixIndexCreator(TabixFormat.VCF);
    private final GenotypeLine line;
    private final Path indexPath;
    private boolean done;

    SimulatedVcfWriter(Path vcf, Path indexPath, List<String> samples, Genome genome, SimulationSettings s, String commandLine)
            throws IOException {
        this.indexPath = indexPath;
        this.bgzf = new ParallelBgzfOutputStream(new BufferedOutputStream(Files.newOutputStream(vcf), 1 << 20),
                s.compressionLevel(), s.threads());
        this.line = new GenotypeLine(samples.size());
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("##fileformat=VCFv4.2\n");
        h.append("##source=rareset simulate\n");
        h.append("##rareset_simulate=\"").append(commandLine).append("\"\n");
        h.append("##reference=GRCh38 (contig lengths only; alleles are synthetic)\n");
        for (int c = 0; c < genome.size(); c++) {
            h.append("##contig=<ID=").append(genome.contigs().get(c)).append(",length=").append(genome.lengths()[c]).append(">\n");
        }
        h.append("##FILTER=<ID=PASS,Description=\"All filters passed\">\n");
        h.append("##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n");
        h.append("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT");
        for (String sample : samples) h.append('\t').append(sample);
        h.append('\n');
        bgzf.write(h.toString().getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public void write(SimSite site, GenotypeSampler g) throws IOException {
        SimpleFeature feature = new SimpleFeature(site.chrom(), site.pos(), site.end());
        bgzf.mark(v -> index.addFeature(feature, v));
        StringBuilder r = new StringBuilder(128);
        r.append(site.chrom()).append('\t').append(site.pos()).append('\t');
        r.append(site.ids()).append('\t').append(site.ref()).append('\t');
        for (int a = 0; a < site.alts().length; a++) r.append(a == 0 ? "" : ",").append(site.alts()[a]);
        r.append("\t.\tPASS\t.\tGT\t");
        bgzf.write(r.toString().getBytes(StandardCharsets.US_ASCII));
        line.patch(g);
        try {
            bgzf.write(line.bytes());
        } finally {
            line.restore(g);
        }
    }

    /** Finishes the BGZF file and writes its tabix index. */
    @Override
    public void finish() throws IOException {
        if (done) return;
        done = true;
        bgzf.close();
        Index tbi = index.finalizeIndex(bgzf.endVirtualOffset());
        tbi.write(indexPath);
    }

    @Override
    public void abort() {
        done = true;
        bgzf.abort();
    }
}
