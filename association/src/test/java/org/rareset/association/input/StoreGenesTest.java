package org.rareset.association.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.core.table.TextTable;
import org.rareset.genotypes.store.GenotypeStore;
import org.rareset.genotypes.store.GenotypeStoreWriter;
import org.rareset.genotypes.vcf.Variant;

/**
 * {@link StoreGenes} gives the genes {@link GeneGrouper#group} reads from the same store: the same
 * genes in the same order, each with the same variants (equal carriers) and annotation rows, and
 * the same log line. The store has a gene whose variants are not next to each other in the store, a
 * variant in two genes, an unannotated variant, a second contig and an annotation row without a
 * genotyped variant.
 */
class StoreGenesTest {

    @Test
    void givesTheGenesTheGrouperReads(@TempDir Path tmp) {
        Path file = tmp.resolve("c.rsg");
        List<String> samples = List.of("s0", "s1", "s2", "s3", "s4");
        try (GenotypeStoreWriter w = GenotypeStoreWriter.create(file, samples)) {
            w.add(variant("1", 100, new int[] {0, 3}, new byte[] {1, 2}, new int[] {}));
            w.add(variant("1", 200, new int[] {1}, new byte[] {1}, new int[] {4}));
            w.add(variant("1", 300, new int[] {2, 4}, new byte[] {1, 1}, new int[] {}));
            w.add(variant("1", 400, new int[] {0}, new byte[] {1}, new int[] {}));
            w.add(variant("1", 500, new int[] {1, 2, 3}, new byte[] {1, 1, 1}, new int[] {0}));
            w.add(variant("2", 50, new int[] {4}, new byte[] {2}, new int[] {}));
            w.commit();
        }
        // GA: rows 0, 2, 4 (not contiguous); GB: rows 1, 2 (row 2 also in GA); row 3 unannotated; GC: contig 2;
        // the last annotation row has no genotyped variant
        AnnotationTable ann = AnnotationTable.from(new TextTable("a.tsv", List.of("chrom", "pos", "ref", "alt", "gene", "score"),
                List.of(row("1", 100, "GA"), row("1", 200, "GB"), row("1", 300, "GA"), row("1", 300, "GB"),
                        row("1", 500, "GA"), row("2", 50, "GC"), row("2", 60, "GC")),
                new long[] {2, 3, 4, 5, 6, 7, 8}));
        try (GenotypeStore store = GenotypeStore.open(file)) {
            List<String> grouperLog = new ArrayList<>();
            List<String> indexLog = new ArrayList<>();
            List<GeneVariants> expected = GeneGrouper.group(store, ann, grouperLog::add);
            StoreGenes genes = StoreGenes.index(store, ann, indexLog::add);
            assertEquals(grouperLog, indexLog);
            assertEquals(List.of("GA", "GB", "GC"), expected.stream().map(GeneVariants::gene).toList());
            assertEquals(expected.size(), genes.size());
            for (int i = 0; i < expected.size(); i++) {
                GeneVariants e = expected.get(i);
                GeneVariants g = genes.get(i);
                assertEquals(e.gene(), g.gene());
                assertEquals(e.variants(), g.variants(), e.gene());
                assertArrayEquals(e.annotationRows(), g.annotationRows(), e.gene());
                assertNotSame(g.variants().get(0), genes.get(i).variants().get(0), "each get reads the gene again");
            }
            assertEquals(List.of(100, 300, 500), genes.get(0).variants().stream().map(Variant::pos).toList());
            assertEquals(expected.subList(1, 3).stream().map(GeneVariants::gene).toList(),
                    genes.subList(1, 3).stream().map(GeneVariants::gene).toList());
        }
    }

    private static Variant variant(String chrom, int pos, int[] carriers, byte[] counts, int[] missing) {
        int an = 2 * (5 - missing.length);
        int ac = 0;
        for (byte c : counts) ac += c;
        return new Variant(chrom, pos, "A", "G", ".", ac, an, true, carriers, counts, missing);
    }

    private static String[] row(String chrom, int pos, String gene) {
        return new String[] {chrom, String.valueOf(pos), "A", "G", gene, "1"};
    }
}
