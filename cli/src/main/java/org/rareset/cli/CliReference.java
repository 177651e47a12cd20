package org.rareset.cli;

import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/**
 * The Markdown command reference (docs/cli-reference.md), generated from the commands themselves so
 * that it cannot drift: each command's and subcommand's full --help text at a fixed width. CliReferenceTest fails
 * when the checked-in file differs and rewrites it with -Drareset.update-docs=true.
 */
public final class CliReference {
    static final int WIDTH = 100;

    private CliReference() {}

    public static String markdown() {
        CommandLine root = RareSetCommand.newCommandLine();
        root.setUsageHelpAutoWidth(false);
        root.setUsageHelpWidth(WIDTH);
        StringBuilder b = new StringBuilder();
        b.append("# rareset command reference\n\n")
                .append("Generated from the commands' own help (`rareset <command> --help`); do not edit by hand.\n")
                .append("Regenerate with `mvn -o -q -pl cli -am test -Dtest=CliReferenceTest -Dsurefire.failIfNoSpecifiedTests=false -Drareset.update-docs=true`.\n\n")
                .append("Exit codes of every command: `0` success, `1` internal error (a bug: rerun with `--debug` and report it), ")
                .append("`2` bad input or usage (one line names the file, line and problem).\n")
                .append("Every command logs to stderr (each line timestamped when run through `./rareset`) and, with ")
                .append("`--log-file FILE`, also appends its log to FILE. Shell completion: `source <(./rareset completion)`.\n\n")
                .append("## Commands\n\n");
        Map<String, CommandLine> subs = root.getSubcommands();
        for (Map.Entry<String, CommandLine> e : subs.entrySet()) {
            if (e.getKey().equals("help")) continue;
            String first = e.getValue().getCommandSpec().usageMessage().description().length > 0
                    ? e.getValue().getCommandSpec().usageMessage().description()[0] : "";
            b.append("- [`rareset ").append(e.getKey()).append("`](#rareset-").append(e.getKey()).append("): ")
                    .append(first.replace("%n", " ")).append('\n');
        }
        b.append("\n## rareset\n\n```text\n").append(usage(root)).append("```\n");
        for (Map.Entry<String, CommandLine> e : subs.entrySet()) {
            if (e.getKey().equals("help")) continue;
            section(b, "rareset " + e.getKey(), e.getValue());
        }
        return b.toString();
    }

    /** A command's help, then that of each of its own subcommands (import deeprvat, export deeprvat). */
    private static void section(StringBuilder b, String name, CommandLine cl) {
        b.append("\n## ").append(name).append("\n\n```text\n").append(usage(cl)).append("```\n");
        for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
            if (!e.getKey().equals("help")) section(b, name + " " + e.getKey(), e.getValue());
        }
    }

    private static String usage(CommandLine cl) {
        String u = cl.getUsageMessage(Ansi.OFF);
        // Trailing spaces would make the file fragile under editors that strip them.
        return u.replaceAll("[ \t]+\n", "\n");
    }
}
