package org.rareset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rareset.cli.CliRun.run;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Usage mistakes are exit 2 with one line that says what was meant. */
class UsageErrorsTest {
    @TempDir Path dir;

    static String firstLine(CliRun r) {
        return r.err().strip().lines().findFirst().orElse("");
    }

    @Test
    void anUnknownCommandNamesTheClosestOne() {
        CliRun r = run("asoc");
        assertEquals(2, r.exit(), r.err());
        assertTrue(firstLine(r).startsWith("rareset: usage error: unknown command 'asoc'; did you mean 'assoc'?"), r.err());
        CliRun far = run("frobnicate");
        assertEquals(2, far.exit());
        assertTrue(firstLine(far).contains("unknown command 'frobnicate'; commands: "), far.err());
        assertFalse(firstLine(far).contains("did you mean"), far.err());
    }

    @Test
    void aMistypedOptionIsNamedBeforeTheMissingOneItHides() {
        CliRun r = run("ingest", "--vcff", "x.vcf", "--out", dir.resolve("x.rsg").toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(firstLine(r).contains("unknown option '--vcff' for 'rareset ingest'; did you mean '--vcf'?"), r.err());
        assertFalse(r.err().contains("Missing required option"), r.err());
    }

    @Test
    void threadsMustBeOneOrMore() throws Exception {
        Path vcf = Files.writeString(dir.resolve("x.vcf"), "##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n");
        for (String bad : new String[] {"0", "-2", "two"}) {
            CliRun r = run("ingest", "--vcf", vcf.toString(), "--out", dir.resolve("x.rsg").toString(), "--threads", bad);
            assertEquals(2, r.exit(), bad + ": " + r.err());
            assertTrue(firstLine(r).contains("--threads") && firstLine(r).contains("'" + bad + "'"), r.err());
        }
    }

    @Test
    void anEmptySamplesFileIsAnError() throws Exception {
        SmallCohort cohort = new SmallCohort(dir, 10, 1);
        Path empty = Files.writeString(dir.resolve("keep.txt"), "\n# nobody\n");
        Path out = dir.resolve("x.rsg");
        CliRun r = run("ingest", "--vcf", cohort.vcf.toString(), "--out", out.toString(), "--samples-file", empty.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("rareset: error: " + empty + ": lists no sample"), r.err());
        assertFalse(Files.exists(out));
    }
}
