package org.rareset.annotate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rareset.core.region.Contigs;

/**
 * Finds the genes whose body, widened by {@code window} bases on each side, contains a position.
 * Genes are sorted by start per contig ({@code 1} and {@code chr1} alike); a lookup binary-searches
 * the last gene starting at or before the position and walks back while a gene that long could
 * still reach it.
 */
public final class GeneMapper {
    /** A contig's genes sorted by start, and the longest one's length (how far back a lookup looks). */
    private record ContigGenes(Gene[] genes, int maxLength) {}

    private final Map<String, ContigGenes> byContig = new HashMap<>();
    private final int window;
    private final int geneCount;

    public GeneMapper(List<Gene> genes, int window) {
        if (window < 0) throw new IllegalArgumentException("window must be >= 0");
        this.window = window;
        Map<String, List<Gene>> lists = new HashMap<>();
        for (Gene g : genes) lists.computeIfAbsent(Contigs.canonical(g.chrom()), k -> new ArrayList<>()).add(g);
        for (var e : lists.entrySet()) {
            Gene[] arr = e.getValue().toArray(new Gene[0]);
            Arrays.sort(arr, Comparator.comparingInt(Gene::start).thenComparing(Gene::id));
            int max = 0;
            for (Gene g : arr) max = Math.max(max, g.end() - g.start() + 1);
            byContig.put(e.getKey(), new ContigGenes(arr, max));
        }
        this.geneCount = genes.size();
    }

    public int geneCount() { return geneCount; }

    public boolean hasContig(String chrom) {
        return byContig.containsKey(Contigs.canonical(chrom));
    }

    public java.util.Set<String> contigs() {
        return byContig.keySet();
    }

    /** Genes overlapping {@code pos} (± window), in order of start. */
    public List<Gene> genesAt(String chrom, int pos) {
        ContigGenes contig = byContig.get(Contigs.canonical(chrom));
        if (contig == null) return List.of();
        Gene[] arr = contig.genes();
        long reach = (long) pos + window;
        // Last index with start <= pos + window.
        int lo = 0;
        int hi = arr.length - 1;
        int last = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (arr[mid].start() <= reach) {
                last = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (last < 0) return List.of();
        long minStart = (long) pos - window - contig.maxLength();
        List<Gene> out = null;
        for (int i = last; i >= 0 && arr[i].start() >= minStart; i--) {
            Gene g = arr[i];
            if ((long) g.end() + window >= pos) {
                if (out == null) out = new ArrayList<>(2);
                out.add(g);
            }
        }
        if (out == null) return List.of();
        if (out.size() > 1) java.util.Collections.reverse(out);
        return out;
    }
}
