package org.rareset.association.gene;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.rareset.association.genotype.GeneGenotypes;

/**
 * A gene's columns grouped by shared carriers, for the discrete SKAT laws ({@link UltraRareSkat},
 * {@link DiscreteSkat}): columns that share a carrier are dependent and must be enumerated
 * together, while separate blocks are independent and their laws convolve. Union-find over the
 * columns' entries.
 */
final class CarrierBlocks {
    /** Whether entry {@code k} of column {@code j} links the column to other columns of that sample. */
    interface EntryLinks {
        boolean links(int j, int k);
    }

    private CarrierBlocks() {}

    /**
     * The columns {@code taken} accepts, grouped: two columns are in one block when a sample links
     * both (directly or through other columns). Each block's columns are in increasing order, and
     * the blocks are ordered by their first column.
     */
    static List<int[]> group(GeneGenotypes g, int columns, IntPredicate taken, EntryLinks links) {
        int[] parent = new int[columns];
        Map<Integer, Integer> owner = new HashMap<>();
        List<Integer> kept = new ArrayList<>();
        for (int j = 0; j < columns; j++) {
            parent[j] = j;
            if (!taken.test(j)) continue;
            kept.add(j);
            int[] samples = g.column(j).samples();
            for (int k = 0; k < samples.length; k++) {
                if (!links.links(j, k)) continue;
                Integer other = owner.putIfAbsent(samples[k], j);
                if (other != null) parent[find(parent, j)] = find(parent, other);
            }
        }
        Map<Integer, List<Integer>> groups = new HashMap<>();
        for (int j : kept) groups.computeIfAbsent(find(parent, j), r -> new ArrayList<>()).add(j);
        List<int[]> out = new ArrayList<>(groups.size());
        for (List<Integer> grp : groups.values()) out.add(grp.stream().mapToInt(Integer::intValue).sorted().toArray());
        out.sort((x, y) -> Integer.compare(x[0], y[0]));   // deterministic order
        return out;
    }

    private static int find(int[] parent, int j) {
        while (parent[j] != j) {
            parent[j] = parent[parent[j]];
            j = parent[j];
        }
        return j;
    }
}
