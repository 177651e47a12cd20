package org.rareset.deepset.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The index arrays of one training batch: how to compute every (sample, seed gene) score of the
 * batch from phi evaluated once per distinct variant row.
 *
 * <ul>
 *   <li>{@link #rows}: the distinct variant rows carried in the batch (global row indexes); phi
 *       runs on these only.</li>
 *   <li>{@link #buckets}: the (sample, gene) pairs that carry something, grouped by how many rows
 *       they carry (1, 2, 3-4, 5-8, ...). A bucket with width k holds {@code n x k} local row
 *       indexes; a pair with fewer than k rows repeats its first row, which cannot change a max, so
 *       no mask is needed and padding costs at most a factor 2.</li>
 *   <li>Pooled embeddings are stacked as {@code [empty, bucket 0 pairs..., bucket 1 pairs...]}, so
 *       position 0 is the learned empty-gene embedding and pair p sits at 1 + p.</li>
 *   <li>{@link #seedCells}: for each batch position, the traits' seed genes one trait after another
 *       (trait 0's, then trait 1's, ...; a gene that is a seed gene of two traits occurs twice), the
 *       position of its score in that stack (0 when the sample carries nothing in the gene), row-major
 *       {@code positions x S} with S the sum of the traits' seed-gene counts;
 *       {@link #cellsOfAllGenes} the same over every seed gene once ({@link #cellPosition}, made into
 *       an index only when asked for: training needs the seed-gene cells only).</li>
 * </ul>
 * Samples that carry nothing in a gene cost one index entry, no computation.
 */
public record SparseBatch(int[] samples, int[] itemTraits, long[] rows, List<Bucket> buckets, int nPairs,
                          long[] seedCells, int[] cellPosition) {

    /** Whether batch position {@code i} counts for trait {@code t}'s loss (every trait when positions are samples). */
    public boolean counts(int i, int t) {
        return itemTraits == null || itemTraits[i] == t;
    }

    /** Row-major {@code positions x genes}: each (position, gene slot)'s place in the score stack. */
    public long[] cellsOfAllGenes() {
        long[] all = new long[cellPosition.length];
        for (int i = 0; i < all.length; i++) all[i] = cellPosition[i];
        return all;
    }

    /** Pairs carrying between {@code width/2 + 1} and {@code width} rows, padded to {@code width}. */
    public record Bucket(int width, int nPairs, long[] index) {}

    /** Builds batches; reuses scratch arrays, so one builder serves one thread. */
    public static final class Builder {
        private final TrainingData data;
        private final int[] localOf;
        private final boolean[][] seedOf;
        private final int[] seeds;

        public Builder(TrainingData data) {
            this.data = data;
            this.seedOf = seedMasks(data);
            this.seeds = allSeedSlots(data);
            this.localOf = new int[data.nRows()];
            Arrays.fill(localOf, -1);
        }

        /** A batch of samples, each counting for every trait. */
        public SparseBatch build(int[] samples) {
            return build(samples, null);
        }

        /**
         * A batch of (trait, sample) items: position i is sample {@code samples[i]} for trait
         * {@code itemTraits[i]} only, so only that trait's seed genes are pooled for it. A sample may
         * occur at several positions (once per trait). {@code itemTraits == null}: every position
         * counts for every trait.
         */
        public SparseBatch build(int[] samples, int[] itemTraits) {
            int nGenes = data.genes().size();
            int b = samples.length;
            long[] rowList = new long[16];
            int nLocal = 0;
            // Pairs: for each, its cell (batch sample * nGenes + gene) and its local rows, pair p's rows
            // being pairRows[pairStart[p] .. pairStart[p + 1]) (flat arrays: this runs once per batch).
            int[] pairRows = new int[256];
            int[] pairStart = new int[65];
            int[] pairCell = new int[64];
            int nPairs = 0;
            int nPairRows = 0;
            for (int i = 0; i < b; i++) {
                int s = samples[i];
                int end = data.entryStart(s + 1);
                for (int e = data.entryStart(s); e < end; ) {
                    int g = data.entryGene(e);
                    if (itemTraits != null && !seedOf[itemTraits[i]][g]) {
                        while (e < end && data.entryGene(e) == g) e++;
                        continue;
                    }
                    for (; e < end && data.entryGene(e) == g; e++) {
                        int row = data.entryRow(e);
                        if (localOf[row] < 0) {
                            if (nLocal == rowList.length) rowList = Arrays.copyOf(rowList, nLocal * 2);
                            rowList[nLocal] = row;
                            localOf[row] = nLocal++;
                        }
                        if (nPairRows == pairRows.length) pairRows = Arrays.copyOf(pairRows, nPairRows * 2);
                        pairRows[nPairRows++] = localOf[row];
                    }
                    if (nPairs == pairCell.length) {
                        pairCell = Arrays.copyOf(pairCell, nPairs * 2);
                        pairStart = Arrays.copyOf(pairStart, nPairs * 2 + 1);
                    }
                    pairCell[nPairs] = i * nGenes + g;
                    pairStart[++nPairs] = nPairRows;
                }
            }
            for (int r = 0; r < nLocal; r++) localOf[(int) rowList[r]] = -1;

            // Bucket by width class (ceil to a power of two), keeping the build order inside a bucket.
            int maxClass = 0;
            int[] classOf = new int[nPairs];
            for (int p = 0; p < nPairs; p++) {
                classOf[p] = widthClass(pairStart[p + 1] - pairStart[p]);
                maxClass = Math.max(maxClass, classOf[p]);
            }
            int[] perClass = new int[maxClass + 1];
            for (int c : classOf) perClass[c]++;
            int[] position = new int[nPairs];
            List<Bucket> buckets = new ArrayList<>();
            int next = 1;
            for (int c = 0; c <= maxClass; c++) {
                if (perClass[c] == 0) continue;
                int width = 1 << c;
                long[] index = new long[perClass[c] * width];
                int n = 0;
                for (int p = 0; p < nPairs; p++) {
                    if (classOf[p] != c) continue;
                    int from = pairStart[p];
                    int k = pairStart[p + 1] - from;
                    for (int j = 0; j < width; j++) index[n * width + j] = pairRows[from + (j < k ? j : 0)];
                    position[p] = next++;
                    n++;
                }
                buckets.add(new Bucket(width, n, index));
            }

            int[] cellPosition = new int[b * nGenes];
            for (int p = 0; p < nPairs; p++) cellPosition[pairCell[p]] = position[p];
            long[] seedCells = new long[b * seeds.length];
            for (int i = 0; i < b; i++) {
                for (int j = 0; j < seeds.length; j++) seedCells[i * seeds.length + j] = cellPosition[i * nGenes + seeds[j]];
            }
            return new SparseBatch(samples.clone(), itemTraits == null ? null : itemTraits.clone(),
                    Arrays.copyOf(rowList, nLocal), buckets, nPairs, seedCells, cellPosition);
        }

        /** The traits' seed-gene slots, trait 0's first: the columns of {@link SparseBatch#seedCells}. */
        static int[] allSeedSlots(TrainingData data) {
            return data.traits().stream().flatMapToInt(t -> Arrays.stream(t.seedSlots())).toArray();
        }

        /** Per trait, which gene slots are its seed genes. */
        private static boolean[][] seedMasks(TrainingData data) {
            boolean[][] m = new boolean[data.traits().size()][data.genes().size()];
            for (int t = 0; t < m.length; t++) for (int g : data.traits().get(t).seedSlots()) m[t][g] = true;
            return m;
        }

        /** Smallest c with 2^c >= k. */
        static int widthClass(int k) {
            return 32 - Integer.numberOfLeadingZeros(k - 1);
        }
    }
}
