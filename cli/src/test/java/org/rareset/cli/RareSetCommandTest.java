package org.rareset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The root command line: which subcommands a run builds, and that root options still reach them. */
class RareSetCommandTest {
    @TempDir Path dir;

    @Test
    void aSubcommandRunBuildsOnlyThatSubcommand() {
        assertEquals(Set.of("ingest"), RareSetCommand.forArgs(new String[] {"ingest", "--vcf", "x"}).getSubcommands().keySet());
        int all = RareSetCommand.SUBCOMMANDS.size();
        assertEquals(all, RareSetCommand.forArgs(new String[] {"help", "ingest"}).getSubcommands().size());
        assertEquals(all, RareSetCommand.forArgs(new String[] {"--log-file", "l.txt", "ingest"}).getSubcommands().size());
        assertEquals(all, RareSetCommand.forArgs(new String[] {"ingst"}).getSubcommands().size());
        assertEquals(all, RareSetCommand.forArgs(new String[0]).getSubcommands().size());
    }

    @Test
    void inheritedLogFileOptionWorksOnTheSingleSubcommandRoot() throws Exception {
        Path log = dir.resolve("run.log");
        CliRun r = CliRun.run("ingest", "--vcf", dir.resolve("missing.vcf.gz").toString(), "--out",
                dir.resolve("x.rsg").toString(), "--log-file", log.toString());
        assertEquals(RareSetCommand.EXIT_INPUT, r.exit());
        assertTrue(Files.readString(log).contains("missing.vcf.gz: file not found"), Files.readString(log));
    }

    @Test
    void helpStillListsEveryCommand() {
        CliRun r = CliRun.run("--help");
        for (String name : new String[] {"demo", "simulate", "ingest", "annotate", "seed-genes", "train", "score", "assoc",
                "report", "risk", "pipeline", "merge", "completion"}) {
            assertTrue(r.out().contains("  " + name + " "), name + " missing from --help:\n" + r.out());
        }
    }
}
