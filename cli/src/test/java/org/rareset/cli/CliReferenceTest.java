package org.rareset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The checked-in docs/cli-reference.md matches the commands; every command has examples and a version. */
class CliReferenceTest {
    static final String UPDATE = "rareset.update-docs";

    static Path reference() {
        return Path.of(System.getProperty("rareset.testdata", "../testdata")).getParent().resolve("docs/cli-reference.md");
    }

    @Test
    void referenceIsUpToDate() throws Exception {
        String expected = CliReference.markdown();
        Path file = reference();
        if (Boolean.getBoolean(UPDATE)) {
            Files.writeString(file, expected, StandardCharsets.UTF_8);
        }
        String actual = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        assertEquals(expected, actual, "docs/cli-reference.md is out of date: regenerate it with "
                + "mvn -o -q -pl cli -am test -Dtest=CliReferenceTest -Dsurefire.failIfNoSpecifiedTests=false -D" + UPDATE + "=true");
    }

    @Test
    void updateSwitchIsOff() {
        // Left on (in a pom or CI), the reference test would rewrite the file instead of checking it.
        assertFalse(Boolean.getBoolean(UPDATE) && System.getenv("CI") != null, UPDATE + " must not be set in CI");
    }

    @Test
    void everyCommandHasHelpWithExamplesAndAVersion() {
        CommandLine root = RareSetCommand.newCommandLine();
        List<String> problems = new ArrayList<>();
        root.getSubcommands().forEach((name, cl) -> {
            if (name.equals("help")) return;
            String usage = cl.getUsageMessage(CommandLine.Help.Ansi.OFF);
            if (!usage.contains("Examples:")) problems.add(name + ": no 'Examples:' in --help");
            if (cl.getCommandSpec().usageMessage().description().length == 0) problems.add(name + ": no description");
            CliRun version = CliRun.run(name, "--version");
            if (version.exit() != 0 || !version.out().startsWith("rareset ")) {
                problems.add(name + ": --version gave rc " + version.exit() + ": " + version.out());
            }
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void completionScriptCoversCommandsAndOptions() {
        CliRun r = CliRun.run("completion");
        assertEquals(0, r.exit());
        String script = r.out();
        assertTrue(script.startsWith("#!/usr/bin/env bash"), script.substring(0, 40));
        assertTrue(script.contains("complete -F _complete_rareset"), "registers the completion function");
        for (String s : new String[] {"pipeline", "report", "merge", "--chunk", "--log-file", "--config"}) {
            assertTrue(script.contains(s), "completion knows " + s);
        }
    }

    @Test
    void logFileGetsTimestampedLinesOfAFailedRun() throws Exception {
        Path log = Files.createTempFile("rareset", ".log");
        CliRun r = CliRun.run("report", "--results", "/nonexistent/results.tsv", "--out", log.getParent().toString(), "--log-file", log.toString());
        assertEquals(2, r.exit());
        String text = Files.readString(log);
        assertTrue(text.matches("(?s)\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d rareset: error: /nonexistent/results.tsv: file not found.*"), text);
        assertTrue(r.err().contains("rareset: error: /nonexistent/results.tsv: file not found"), "also on stderr");
        Files.delete(log);
    }
}
