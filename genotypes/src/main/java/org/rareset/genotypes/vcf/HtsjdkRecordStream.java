package org.rareset.genotypes.vcf;

import htsjdk.samtools.util.CloseableIterator;
import htsjdk.variant.variantcontext.Allele;
import htsjdk.variant.variantcontext.Genotype;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFFileReader;
import htsjdk.variant.vcf.VCFHeader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.rareset.core.InputException;
import org.rareset.core.region.GenomicRegion;
import org.rareset.core.region.RegionIndex;
import org.rareset.core.region.RegionSet;
import org.rareset.core.region.StaleIndex;

/**
 * Records through htsjdk's {@link VCFFileReader} and {@link VariantContext}: used for BCF and as
 * the independent reference the fast text decoder is tested against. Region queries go through
 * the tabix index ({@code query}); records are kept when their POS lies in a region.
 */
final class HtsjdkRecordStream implements RecordStream {
    private final Path file;
    private final VCFFileReader reader;
    private final VCFHeader header;
    private final BcfReader bcf;
    private final Iterator<GenomicRegion> regions;
    private final RegionSet streamFilter;
    private final boolean queryIndex;
    private GenomicRegion region;
    private CloseableIterator<VariantContext> it;
    private VariantContext vc;
    private SampleSelection selection;
    private List<String> alts;
    private final int[] alleles = new int[8];
    /** A BCF read by region through its CSI index: the index and the regions, contigs spelled as in the header. */
    private RegionIndex bcfIndex;
    private Path bcfIndexFile;
    private Iterator<GenomicRegion> bcfRegions;

    /**
     * @param regions    regions to read, or null for the whole file
     * @param queryIndex whether regions are fetched through the index (else the file is streamed
     *                   and filtered by position)
     */
    HtsjdkRecordStream(Path file, RegionSet regions, boolean queryIndex) {
        this.file = file;
        this.queryIndex = queryIndex && regions != null;
        this.regions = this.queryIndex ? regions.regions().iterator() : null;
        this.streamFilter = this.queryIndex ? null : regions;
        if (VcfVariantSource.isBcf(file)) {
            BcfReader bcf = HtsjdkErrors.call(file, () -> new BcfReader(file));
            this.bcf = bcf;
            this.reader = null;
            this.header = bcf.header();
            this.it = bcf;
        } else {
            this.bcf = null;
            this.reader = HtsjdkErrors.call(file, () -> new VCFFileReader(file, this.queryIndex));
            this.header = reader.getFileHeader();
            if (!this.queryIndex) it = reader.iterator();
        }
    }

    @Override
    public List<String> headerSamples() {
        return header.getGenotypeSamples();
    }

    List<String> headerContigs() {
        List<String> out = new ArrayList<>();
        header.getContigLines().forEach(c -> out.add(c.getID()));
        return out;
    }

    @Override
    public void select(SampleSelection selection) {
        this.selection = selection;
    }

    @Override
    public boolean advance() {
        return HtsjdkErrors.call(file, this::advanceUnchecked);
    }

    /**
     * Reads a BCF's {@code regions} through {@code index} instead of streaming the whole file;
     * the regions must be sorted in the file's contig order, with contigs spelled as in its header.
     */
    void readBcfByIndex(Path indexFile, RegionIndex index, List<GenomicRegion> regions) {
        this.bcfIndexFile = indexFile;
        this.bcfIndex = index;
        this.bcfRegions = regions.iterator();
        this.it = null;
    }

    /** True when regions of a BCF are read through its CSI index. */
    boolean readsBcfByIndex() {
        return bcfIndex != null;
    }

    private boolean advanceBcfByIndex() {
        while (true) {
            if (region != null && bcf.hasNext()) {
                VariantContext next = bcf.next();
                if (!next.getContig().equals(region.chrom()) || next.getStart() > region.end()) {
                    region = null;
                    continue;
                }
                if (next.getStart() < region.start()) continue;
                vc = next;
                alts = null;
                return true;
            }
            if (!bcfRegions.hasNext()) return false;
            region = bcfRegions.next();
            long offset = bcfIndex.firstOffset(region.chrom(), region.start(), region.end());
            if (offset < 0) {
                region = null;
            } else {
                StaleIndex.checkOffset(file, bcfIndexFile, offset);
                bcf.seek(offset);
            }
        }
    }

    private boolean advanceUnchecked() {
        if (bcfIndex != null) return advanceBcfByIndex();
        while (true) {
            if (it != null && it.hasNext()) {
                VariantContext next = it.next();
                if (region != null && (next.getStart() < region.start() || next.getStart() > region.end())) continue;
                if (streamFilter != null && !streamFilter.contains(next.getContig(), next.getStart())) continue;
                vc = next;
                alts = null;
                return true;
            }
            if (!queryIndex || !regions.hasNext()) return false;
            if (it != null) it.close();
            region = regions.next();
            it = reader.query(region.chrom(), region.start(), region.end());
        }
    }

    @Override
    public String chrom() {
        return vc.getContig();
    }

    @Override
    public int pos() {
        return vc.getStart();
    }

    @Override
    public String id() {
        return vc.getID();
    }

    @Override
    public String ref() {
        return vc.getReference().getDisplayString();
    }

    @Override
    public List<String> alts() {
        if (alts == null) {
            List<String> a = new ArrayList<>();
            for (Allele al : vc.getAlternateAlleles()) a.add(al.getDisplayString());
            alts = a;
        }
        return alts;
    }

    @Override
    public boolean passes() {
        return vc.isNotFiltered();
    }

    @Override
    public void decodeGenotypes(RecordCalls calls) {
        HtsjdkErrors.call(file, () -> {
            decode(calls);
            return null;
        });
    }

    private void decode(RecordCalls calls) {
        if (!vc.hasGenotypes()) {
            throw new InputException(file.toString(), location(), "record has no genotypes",
                    "give a VCF with a GT field for every sample");
        }
        List<Allele> all = vc.getAlleles();
        calls.reset(all.size() - 1);
        if (bcf != null && vc.getGenotypes() instanceof htsjdk.variant.variantcontext.LazyGenotypesContext lazy
                && lazy.getUnparsedGenotypeData() instanceof htsjdk.variant.bcf2.BCF2Codec.LazyData raw) {
            try {
                if (!BcfGenotypeDecoder.decode(raw.bytes, raw.nGenotypeFields, header.getNGenotypeSamples(),
                        bcf::dictionary, selection, calls, alleles)) {
                    throw new InputException(file.toString(), location(), "record has no GT field",
                            "rareset needs genotypes: give a file with GT for every sample");
                }
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw new InputException(file.toString(), location(), "cannot decode the BCF genotypes (" + e.getMessage() + ")",
                        "check the file with `bcftools view`", e);
            }
            return;
        }
        for (int col = 0; col < selection.columns(); col++) {
            int s = selection.indexOf(col);
            if (s < 0) continue;
            Genotype g = vc.getGenotype(col);
            List<Allele> ga = g.getAlleles();
            int p = ga.size();
            if (p == 0 || p > alleles.length) {
                calls.missingCall(s);
                continue;
            }
            int missing = 0;
            for (int i = 0; i < p; i++) {
                Allele a = ga.get(i);
                if (a.isNoCall()) {
                    alleles[i] = -1;
                    missing++;
                } else {
                    alleles[i] = indexOf(all, a);
                }
            }
            if (missing == p) calls.missingCall(s);
            else if (missing > 0) calls.halfCall(s, alleles, p);
            else calls.call(s, alleles, p);
        }
    }

    private int indexOf(List<Allele> all, Allele a) {
        for (int i = 0; i < all.size(); i++) if (all.get(i).equals(a, true)) return i;
        throw new InputException(file.toString(), location(), "genotype allele " + a + " is not among REF/ALT",
                "fix the record's GT");
    }

    @Override
    public String location() {
        return vc == null ? "header" : "record " + vc.getContig() + ":" + vc.getStart();
    }

    @Override
    public void close() {
        if (it != null) it.close();
        if (bcf != null && it != bcf) bcf.close();
        if (reader != null) reader.close();
    }
}
