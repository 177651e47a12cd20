package org.rareset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code rareset} process stopped by SIGTERM while it writes (a large {@code simulate},
 * killed as soon as its first temporary file appears) leaves no temporary file and no output behind:
 * the shutdown hook of {@link org.rareset.core.output.ExitCleanup} deletes them.
 */
class SigtermCleanupTest {
    @TempDir Path dir;

    static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.toList();
        }
    }

    @Test
    void sigtermLeavesNoTemporaryFiles() throws Exception {
        Path out = dir.resolve("sim");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the test's own class path (surefire's manifest jar or the folder list): the classes under test
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.rareset.cli.RareSetCommand",
                "simulate", "--out", out.toString(), "--samples", "20000", "--genes", "4000", "--threads", "1", "-q")
                .redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            boolean writing = false;
            while (!writing && p.isAlive() && System.nanoTime() < deadline) {
                writing = Files.isDirectory(out) && files(out).stream().anyMatch(f -> f.getFileName().toString().endsWith(".tmp"));
                if (!writing) Thread.sleep(20);
            }
            assertTrue(writing, "the process wrote no temporary file while it ran: " + Files.readString(dir.resolve("log.txt")));
            Thread.sleep(300); // let it write into them for a moment
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the process ends after SIGTERM");
        } finally {
            p.destroyForcibly();
        }
        assertEquals(128 + 15, p.exitValue(), "stopped by SIGTERM, not finished: " + Files.readString(dir.resolve("log.txt")));
        assertEquals(List.of(), files(out), "no temporary file and no half output is left in " + out + File.separator);
    }
}
