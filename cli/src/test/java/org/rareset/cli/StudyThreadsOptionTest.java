package org.rareset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * pipeline's and demo's --threads: the help names the study configuration's 'threads' as the default
 * (PipelineCommand falls back to it), and the option still reaches the command after its help was
 * rewritten: the bundled study says 'threads: 2', --threads 3 overrides it.
 */
class StudyThreadsOptionTest {
    private static final Path DEMO_STUDY = Path.of(System.getProperty("rareset.testdata", "../testdata"), "demo", "study.yaml");

    @Test
    void helpNamesTheConfigurationsThreads() {
        for (String command : new String[] {"pipeline", "demo"}) {
            String help = String.join(" ", CliRun.run(command, "--help").out().split("\\s+"));
            assertTrue(help.contains("--threads=N Worker threads per step, 1 or more (default: the study configuration's 'threads', else the number of cores)."),
                    command + ": " + help);
        }
        String assocHelp = String.join(" ", CliRun.run("assoc", "--help").out().split("\\s+"));
        assertTrue(assocHelp.contains("(default: number of cores)"), "other commands keep the shared text");
    }

    @Test
    void threadsOptionStillBinds() {
        assertEquals(2, planThreads(CliRun.run("pipeline", "--config", DEMO_STUDY.toString(), "--plan")));
        assertEquals(3, planThreads(CliRun.run("pipeline", "--config", DEMO_STUDY.toString(), "--plan", "--threads", "3")));
        assertEquals(2, CliRun.run("pipeline", "--config", DEMO_STUDY.toString(), "--plan", "--threads", "0").exit());
    }

    private static int planThreads(CliRun r) {
        assertEquals(0, r.exit(), r.err());
        Matcher m = Pattern.compile("\"threads\"\\s*:\\s*(\\d+)").matcher(r.out());
        assertTrue(m.find(), r.out());
        return Integer.parseInt(m.group(1));
    }
}
