package org.rareset.genotypes.vcf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rareset.core.InputException;
import org.rareset.core.bgzf.BgzfChunkReader;
import org.rareset.core.region.Contigs;
import org.rareset.core.region.CsiIndex;
import org.rareset.core.region.GenomicRegion;
import org.rareset.core.region.RegionIndex;
import org.rareset.core.region.RegionSet;
import org.rareset.core.region.StaleIndex;

/**
 * The tabix (.tbi) or CSI (.csi) index beside a bgzipped VCF: finds it, and maps region contigs to the file's own
 * spelling ({@code 1} vs {@code chr1}), refusing contigs the file does not have.
 */
final class VcfIndex {
    private final Path indexFile;
    private final RegionIndex index;
    private final Map<String, String> contigByCanonical = new HashMap<>();
    private final List<String> contigs;

    private VcfIndex(Path indexFile, RegionIndex index) {
        this(indexFile, index, index.contigs());
    }

    /** @param fileContigs the file's contigs, as regions are resolved against them */
    private VcfIndex(Path indexFile, RegionIndex index, List<String> fileContigs) {
        this.indexFile = indexFile;
        this.index = index;
        List<String> contigs = new ArrayList<>(fileContigs);
        this.contigs = contigs;
        for (String c : contigs) contigByCanonical.put(Contigs.canonical(c), c);
    }

    /** Loads the {@code .tbi} (else the {@code .csi}) beside {@code vcf}, or says clearly why a region query cannot be done. */
    static VcfIndex require(Path vcf) {
        Path tbi = vcf.resolveSibling(vcf.getFileName() + ".tbi");
        Path csi = vcf.resolveSibling(vcf.getFileName() + ".csi");
        String name = vcf.getFileName().toString();
        if (isPlainGzip(vcf)) {
            String plain = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
            throw InputException.of(vcf, "a region query needs a bgzipped, indexed VCF, but this file is plain gzip, which cannot be indexed",
                    "recompress it with bgzip and index it: gunzip " + name + " && bgzip " + plain + " && tabix -p vcf " + plain + ".gz");
        }
        if (!Files.exists(tbi) && !Files.exists(csi)) {
            if (!name.endsWith(".gz") && !name.endsWith(".bgz")) {
                throw InputException.of(vcf, "a region query needs a bgzipped, indexed VCF",
                        "compress and index it: bgzip " + name + " && tabix -p vcf " + name + ".gz");
            }
            throw InputException.of(vcf, "a region query needs an index, but neither " + tbi.getFileName() + " nor "
                    + csi.getFileName() + " exists", "create it with: tabix -p vcf " + name);
        }
        Path file = Files.exists(tbi) ? tbi : csi;
        StaleIndex.checkAge(vcf, file);
        try {
            return new VcfIndex(file, file == tbi ? RegionIndex.readTabix(tbi) : CsiIndex.read(csi));
        } catch (IOException | RuntimeException e) {
            throw InputException.of(file, "cannot read the index (" + e.getMessage() + ")",
                    "re-create it with: " + StaleIndex.rebuildCommand(vcf, file));
        }
    }

    /** True when {@code file} is gzip but not BGZF (no 'BC' extra field in its first block). */
    static boolean isPlainGzip(Path file) {
        byte[] head = new byte[18];
        int n;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return false;
        }
        return n >= 2 && (head[0] & 0xff) == 31 && (head[1] & 0xff) == 139 && !BgzfChunkReader.isBgzf(head, n);
    }

    /**
     * The CSI index ({@code bcftools index}) beside a BCF, whose contigs the BCF header names; null
     * when there is none (the BCF is then streamed).
     */
    static VcfIndex besideBcf(Path bcf, List<String> headerContigs) {
        Path csi = bcf.resolveSibling(bcf.getFileName() + ".csi");
        if (!Files.isRegularFile(csi)) return null;
        StaleIndex.checkAge(bcf, csi);
        try {
            return new VcfIndex(csi, CsiIndex.read(csi, headerContigs), headerContigs);
        } catch (IOException | RuntimeException e) {
            throw InputException.of(csi, "cannot read the CSI index: " + e.getMessage(),
                    "re-create it with: " + StaleIndex.rebuildCommand(bcf, csi));
        }
    }

    RegionIndex index() {
        return index;
    }

    Path file() {
        return indexFile;
    }

    List<String> contigs() {
        return contigs;
    }

    /** The regions with contigs spelled as in the file, in the file's contig order. */
    RegionSet resolveAll(Path vcf, RegionSet regions) {
        List<GenomicRegion> out = new ArrayList<>();
        for (GenomicRegion r : regions.regions()) out.add(resolve(vcf, r));
        out.sort(java.util.Comparator.comparingInt((GenomicRegion r) -> contigs.indexOf(r.chrom()))
                .thenComparingInt(GenomicRegion::start));
        return RegionSet.ofSorted(out);
    }

    /** The region with its contig spelled as in the file. */
    GenomicRegion resolve(Path vcf, GenomicRegion r) {
        String c = contigByCanonical.get(Contigs.canonical(r.chrom()));
        if (c == null) {
            String known = String.join(", ", contigs.subList(0, Math.min(10, contigs.size())))
                    + (contigs.size() > 10 ? ", ..." : "");
            throw InputException.of(vcf, "region " + r + " is on contig '" + r.chrom() + "', which the file does not have",
                    "use one of its contigs: " + known);
        }
        return new GenomicRegion(c, r.start(), r.end());
    }
}
