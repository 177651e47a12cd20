package org.rareset.association.input;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.rareset.genotypes.vcf.Variant;

/**
 * Groups the variants of a genotype source into genes through the annotation table. Genes come
 * out in the order of their first variant in the source (positional for a sorted VCF), variants
 * in source order. A variant annotated to several genes is in each of them. Variants without
 * an annotation row, and annotation rows whose variant is not genotyped, are counted and reported.
 */
public final class GeneGrouper {
    private GeneGrouper() {}

    public static List<GeneVariants> group(Iterable<Variant> source, AnnotationTable annotations, Consumer<String> log) {
        Map<String, List<Variant>> variants = new LinkedHashMap<>();
        Map<String, List<Integer>> rows = new LinkedHashMap<>();
        BitSet used = new BitSet(annotations.rowCount());
        long read = 0;
        long unannotated = 0;
        for (Variant v : source) {
            read++;
            int[] r = annotations.rowsFor(v);
            if (r.length == 0) { unannotated++; continue; }
            for (int row : r) {
                used.set(row);
                String gene = annotations.gene(row);
                variants.computeIfAbsent(gene, g -> new ArrayList<>()).add(v);
                rows.computeIfAbsent(gene, g -> new ArrayList<>()).add(row);
            }
        }
        List<GeneVariants> out = new ArrayList<>(variants.size());
        for (Map.Entry<String, List<Variant>> e : variants.entrySet()) {
            int[] r = rows.get(e.getKey()).stream().mapToInt(Integer::intValue).toArray();
            out.add(new GeneVariants(e.getKey(), List.copyOf(e.getValue()), r));
        }
        logCounts(log, read, unannotated, out.size(), annotations.rowCount() - used.cardinality());
        return out;
    }

    /** The one line a grouping logs: variants read and kept, genes, and what matched nothing. */
    static void logCounts(Consumer<String> log, long read, long unannotated, int genes, int ungenotyped) {
        log.accept(String.format("variants: %d read, %d in %d genes, %d without annotation (skipped); %d annotation rows without a genotyped variant",
                read, read - unannotated, genes, unannotated, ungenotyped));
    }
}
