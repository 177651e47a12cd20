package org.rareset.association.input;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.function.Consumer;
import org.rareset.genotypes.store.GenotypeStore;
import org.rareset.genotypes.vcf.Variant;

/**
 * The genes of a genotype store, as {@link GeneGrouper#group} gives them (same genes, order,
 * variants and annotation rows), but holding only each gene's store rows: a gene's variants are
 * read from the store each time it is asked for. So a run over a biobank cohort holds the carriers
 * of the genes being tested, not of every gene: at 500,000 samples the carriers take about
 * 370 MB per 1,000 genes in memory, 7 GB for 20,000 genes, while the store reads a gene with one
 * positional read. Each {@link #get} reads again; callers that need a gene several times keep it.
 *
 * <p>Safe for several threads (the store is). The store stays open as long as the list is used.
 */
public final class StoreGenes extends AbstractList<GeneVariants> implements RandomAccess {
    private final GenotypeStore store;
    private final String[] names;
    /** Per gene: the store rows of its variants, in store order (a row twice when two annotation rows give it the gene). */
    private final long[][] rows;
    private final int[][] annotationRows;

    private StoreGenes(GenotypeStore store, String[] names, long[][] rows, int[][] annotationRows) {
        this.store = store;
        this.names = names;
        this.rows = rows;
        this.annotationRows = annotationRows;
    }

    /**
     * Indexes {@code store} by gene through {@code annotations}: one pass over the store, keeping
     * row numbers only. Logs the same counts as {@link GeneGrouper#group}.
     */
    public static StoreGenes index(GenotypeStore store, AnnotationTable annotations, Consumer<String> log) {
        Map<String, Rows> genes = new LinkedHashMap<>();
        BitSet used = new BitSet(annotations.rowCount());
        long row = 0;
        long unannotated = 0;
        for (Variant v : store) {
            int[] r = annotations.rowsFor(v);
            if (r.length == 0) unannotated++;
            for (int a : r) {
                used.set(a);
                genes.computeIfAbsent(annotations.gene(a), g -> new Rows()).add(row, a);
            }
            row++;
        }
        int n = genes.size();
        String[] names = new String[n];
        long[][] rows = new long[n][];
        int[][] ann = new int[n][];
        int i = 0;
        for (Map.Entry<String, Rows> e : genes.entrySet()) {
            names[i] = e.getKey();
            rows[i] = Arrays.copyOf(e.getValue().rows, e.getValue().size);
            ann[i] = Arrays.copyOf(e.getValue().annotationRows, e.getValue().size);
            i++;
        }
        GeneGrouper.logCounts(log, row, unannotated, n, annotations.rowCount() - used.cardinality());
        return new StoreGenes(store, names, rows, ann);
    }

    @Override
    public int size() {
        return names.length;
    }

    /** Gene {@code i} with its variants, read from the store now: consecutive rows with one read each run. */
    @Override
    public GeneVariants get(int i) {
        return new GeneVariants(names[i], List.copyOf(store.variantsAtRows(rows[i])), annotationRows[i].clone());
    }

    /** A gene's rows while the store is indexed. */
    private static final class Rows {
        long[] rows = new long[4];
        int[] annotationRows = new int[4];
        int size;

        void add(long row, int annotationRow) {
            if (size == rows.length) {
                rows = Arrays.copyOf(rows, size * 2);
                annotationRows = Arrays.copyOf(annotationRows, size * 2);
            }
            rows[size] = row;
            annotationRows[size] = annotationRow;
            size++;
        }
    }
}
