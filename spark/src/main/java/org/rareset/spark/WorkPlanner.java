package org.rareset.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits genes (in output order) into work units of similar cost, for a cluster to test in parallel.
 *
 * <p>A unit is a contiguous block of genes, so the parts it writes join in unit order into the
 * file one run writes. With total cost {@code C} and {@code n} units asked for, the target is
 * {@code t = C / n}: genes are added to the open unit until the next one would take it past
 * {@code t}, and a gene costing {@code t} or more gets a unit of its own. Every unit then costs at
 * most {@code max(t, c_max)}; two neighbouring units together cost more than {@code t}, so there
 * are at most {@code 2n + 1} of them.
 *
 * <p>A gene is the smallest piece of work (its tests need all its variants at once), so a gene as
 * large as TTN cannot be split; what keeps it from being the straggler is its place in the
 * schedule: {@link Plan#bySize()} lists units largest first (longest processing time first), the
 * order in which they are handed to the cluster, so it starts at once and the small units fill
 * the other task slots around it. Greedy LPT finishes within {@code 4/3} of the best schedule.
 */
public final class WorkPlanner {
    private WorkPlanner() {}

    /** Genes {@code from} (inclusive) to {@code to} (exclusive); {@code index} is 1-based in output order. */
    public record Unit(int index, int from, int to, long cost) implements Serializable {
        public int genes() {
            return to - from;
        }
    }

    /** The units of one run, in output order. */
    public record Plan(List<Unit> units, long totalCost) {
        public int size() {
            return units.size();
        }

        /** The units largest first: the order in which they are handed to the cluster. */
        public List<Unit> bySize() {
            List<Unit> sorted = new ArrayList<>(units);
            sorted.sort(Comparator.comparingLong(Unit::cost).reversed().thenComparingInt(Unit::index));
            return sorted;
        }

        /** The largest unit's share of the whole work. */
        public double largestShare() {
            long max = 0;
            for (Unit u : units) max = Math.max(max, u.cost());
            return totalCost == 0 ? 0 : (double) max / totalCost;
        }
    }

    /**
     * @param costs  each gene's cost (positive), in output order
     * @param target how many units to aim for (at least 1)
     */
    public static Plan plan(long[] costs, int target) {
        if (target < 1) throw new IllegalArgumentException("units " + target + " < 1");
        long total = 0;
        for (long c : costs) {
            if (c < 1) throw new IllegalArgumentException("gene cost " + c + " < 1");
            total += c;
        }
        double limit = (double) total / target;
        List<Unit> units = new ArrayList<>();
        int from = 0;
        long acc = 0;
        for (int i = 0; i < costs.length; i++) {
            if (i > from && acc + costs[i] > limit) { // the next gene would take the open unit past the target
                units.add(new Unit(units.size() + 1, from, i, acc));
                from = i;
                acc = 0;
            }
            acc += costs[i];
            if (costs[i] >= limit) { // a gene as large as a unit stays alone
                units.add(new Unit(units.size() + 1, from, i + 1, acc));
                from = i + 1;
                acc = 0;
            }
        }
        if (from < costs.length) units.add(new Unit(units.size() + 1, from, costs.length, acc));
        return new Plan(units, total);
    }
}
