package org.rareset.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WorkPlannerTest {

    /** Every gene once, in order: the units tile 0..G without gap or overlap, and their costs add up. */
    private static void assertTiles(long[] costs, WorkPlanner.Plan plan) {
        int next = 0;
        long total = 0;
        for (int k = 0; k < plan.size(); k++) {
            WorkPlanner.Unit u = plan.units().get(k);
            assertEquals(k + 1, u.index());
            assertEquals(next, u.from());
            assertTrue(u.to() > u.from(), "empty unit " + u);
            long c = 0;
            for (int i = u.from(); i < u.to(); i++) c += costs[i];
            assertEquals(c, u.cost());
            total += c;
            next = u.to();
        }
        assertEquals(costs.length, next);
        assertEquals(total, plan.totalCost());
    }

    /** Finishing time of greedy list scheduling: each unit, in the given order, to the slot free first. */
    private static long makespan(List<WorkPlanner.Unit> order, int slots) {
        PriorityQueue<Long> free = new PriorityQueue<>();
        for (int s = 0; s < slots; s++) free.add(0L);
        long end = 0;
        for (WorkPlanner.Unit u : order) {
            long t = free.poll() + u.cost();
            end = Math.max(end, t);
            free.add(t);
        }
        return end;
    }

    @Test
    void equalGenesMakeEqualUnits() {
        long[] costs = new long[100];
        java.util.Arrays.fill(costs, 7);
        WorkPlanner.Plan plan = WorkPlanner.plan(costs, 4);
        assertTiles(costs, plan);
        assertEquals(4, plan.size());
        for (WorkPlanner.Unit u : plan.units()) assertEquals(25, u.genes());
    }

    /**
     * A TTN-like gene (a third of the whole work among 2,000 genes of random small cost) gets a unit
     * of its own, no other unit exceeds the target C/n, and handed out largest first on 4 slots the
     * plan ends when the big gene ends: within max(c_max, C/slots) x 4/3 (Graham's LPT bound), where
     * the same units in output order would leave the big gene to start late.
     */
    @Test
    void aGiantGeneIsAloneAndStartsFirst() {
        Random random = new Random(14);
        long[] costs = new long[2000];
        long rest = 0;
        for (int i = 0; i < costs.length; i++) {
            costs[i] = 1 + random.nextInt(200);
            rest += costs[i];
        }
        int giant = 1500; // late in output order, as TTN on chromosome 2 is not first
        costs[giant] = (rest - costs[giant]) / 2; // a third of the total
        long total = java.util.Arrays.stream(costs).sum();
        int n = 16;
        WorkPlanner.Plan plan = WorkPlanner.plan(costs, n);
        assertTiles(costs, plan);
        WorkPlanner.Unit big = plan.units().stream().filter(u -> u.from() <= giant && giant < u.to()).findFirst().orElseThrow();
        assertEquals(1, big.genes(), "the giant gene shares its unit: " + big);
        double target = (double) total / n;
        for (WorkPlanner.Unit u : plan.units()) if (u != big) assertTrue(u.cost() <= target, u + " above the target " + target);
        assertTrue(plan.size() <= 2 * n + 1, plan.size() + " units for " + n);
        assertEquals(big, plan.bySize().get(0), "the largest unit is handed out first");
        assertEquals((double) costs[giant] / total, plan.largestShare(), 1e-12);

        int slots = 4;
        long lpt = makespan(plan.bySize(), slots);
        long lowerBound = Math.max(costs[giant], (total + slots - 1) / slots);
        assertEquals(costs[giant], lpt, "the giant gene starts at once and everything else fits beside it");
        assertTrue(lpt <= lowerBound * 4 / 3);
        long inOrder = makespan(plan.units(), slots);
        assertTrue(inOrder > lpt, "in output order the giant gene would start late: " + inOrder + " vs " + lpt);
    }

    @Test
    void fewerGenesThanUnits() {
        long[] costs = {5, 1, 9};
        WorkPlanner.Plan plan = WorkPlanner.plan(costs, 10);
        assertTiles(costs, plan);
        assertEquals(3, plan.size());
    }

    @Test
    void oneUnitHoldsEverything() {
        long[] costs = {3, 4, 5};
        WorkPlanner.Plan plan = WorkPlanner.plan(costs, 1);
        assertTiles(costs, plan);
        assertEquals(1, plan.size());
        assertEquals(new WorkPlanner.Unit(1, 0, 3, 12), plan.units().get(0));
    }

    @Test
    void noGenesNoUnits() {
        WorkPlanner.Plan plan = WorkPlanner.plan(new long[0], 4);
        assertEquals(0, plan.size());
        assertEquals(List.of(), new ArrayList<>(plan.bySize()));
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> WorkPlanner.plan(new long[] {1}, 0));
        assertThrows(IllegalArgumentException.class, () -> WorkPlanner.plan(new long[] {0}, 2));
    }
}
