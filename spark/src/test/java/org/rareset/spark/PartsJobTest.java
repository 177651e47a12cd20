package org.rareset.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.core.InputException;

/**
 * The driver's side of a Spark run on {@code local[2]}: units handed out largest first still join
 * in output order, and a unit that fails fails the job with one message, no output and no parts left.
 */
class PartsJobTest {
    /** Gene costs 1, 1, 1, 1, 12, 1, 1, 1: the fifth gene alone is the largest unit and runs first. */
    private static final long[] COSTS = {1, 1, 1, 1, 12, 1, 1, 1};

    /** Writes genes G1..G8 of its unit as a gene table part; fails on unit {@code failOn} when given. */
    private record GeneTable(int failOn, boolean badInput) implements UnitWork {
        @Override
        public void run(WorkPlanner.Unit unit, Path part) throws IOException {
            if (unit.index() == failOn) {
                if (badInput) throw new InputException("pheno.tsv", "line 7", "'x' is not a number", "fix the value");
                throw new IllegalStateException("disk gone\n\tat somewhere");
            }
            StringBuilder t = new StringBuilder("gene\tunit\n");
            for (int i = unit.from(); i < unit.to(); i++) t.append("G").append(i + 1).append('\t').append(unit.index()).append('\n');
            Files.writeString(part, t);
        }
    }

    @Test
    void partsJoinInOutputOrderWhateverOrderTheyRan(@TempDir Path tmp) throws IOException {
        WorkPlanner.Plan plan = WorkPlanner.plan(COSTS, 4);
        assertEquals(4, plan.bySize().get(0).from(), "the big (fifth) gene is handed out first");
        Path out = tmp.resolve("genes.tsv");
        StringWriter err = new StringWriter();
        PartsJob.run(LocalSpark.context(), out, plan, new GeneTable(0, false), new PrintWriter(err, true));
        List<String> lines = Files.readAllLines(out);
        assertEquals(9, lines.size(), lines.toString());
        for (int i = 1; i <= 8; i++) assertTrue(lines.get(i).startsWith("G" + i + "\t"), lines.toString());
        assertTrue(err.toString().contains("merge: 8 rows from " + plan.size() + " chunk(s)"), err.toString());
        assertEquals(List.of("genes.tsv"), names(tmp), "no part or temporary folder left");
    }

    @Test
    void aTaskWithBadInputFailsTheJobWithItsOwnMessage(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("genes.tsv");
        InputException e = assertThrows(InputException.class, () -> PartsJob.run(LocalSpark.context(), out,
                WorkPlanner.plan(COSTS, 4), new GeneTable(2, true), new PrintWriter(new StringWriter())));
        assertEquals("pheno.tsv", e.source());
        assertEquals("line 7", e.location());
        assertEquals("'x' is not a number (in a Spark task: nothing was written)", e.problem());
        assertEquals("fix the value", e.hint());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertEquals(List.of(), names(tmp), "no output, no parts");
    }

    @Test
    void aTaskThatThrowsFailsTheJobWithOneLine(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("genes.tsv");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PartsJob.run(LocalSpark.context(), out,
                WorkPlanner.plan(COSTS, 4), new GeneTable(3, false), new PrintWriter(new StringWriter())));
        assertTrue(e.getMessage().startsWith("a Spark task failed, nothing was written: "), e.getMessage());
        assertTrue(e.getMessage().contains("work unit 3 of") && e.getMessage().contains("disk gone"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertEquals(List.of(), names(tmp), "no output, no parts");
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
