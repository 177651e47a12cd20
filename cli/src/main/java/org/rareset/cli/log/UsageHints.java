package org.rareset.cli.log;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The one-line message for a usage error. An argument the command does not know comes first, with
 * the closest command or option name ({@code rareset asoc}: did you mean 'assoc'?), so that a typo
 * such as {@code --vcff} is not reported as a missing {@code --vcf}.
 */
final class UsageHints {
    private UsageHints() {}

    static String message(CommandLine.ParameterException ex) {
        CommandLine cmd = ex.getCommandLine();
        List<String> unmatched = unmatched(ex);
        if (unmatched.isEmpty()) return ex.getMessage();
        String arg = unmatched.get(0);
        CommandSpec spec = cmd.getCommandSpec();
        if (arg.startsWith("-")) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            List<String> names = new ArrayList<>();
            for (OptionSpec o : spec.options()) names.addAll(List.of(o.names()));
            return "unknown option '" + name + "' for '" + spec.qualifiedName() + "'" + didYouMean(name, names);
        }
        if (!cmd.getSubcommands().isEmpty()) {
            String hint = didYouMean(arg, cmd.getSubcommands().keySet());
            return "unknown command '" + arg + "'" + (hint.isEmpty() ? "; commands: " + String.join(", ", cmd.getSubcommands().keySet()) : hint);
        }
        return "unexpected argument '" + arg + "' for '" + spec.qualifiedName() + "'";
    }

    private static List<String> unmatched(CommandLine.ParameterException ex) {
        if (ex instanceof CommandLine.UnmatchedArgumentException u) return u.getUnmatched();
        CommandLine.ParseResult pr = ex.getCommandLine().getParseResult();
        return pr == null ? List.of() : pr.unmatched();
    }

    /** {@code "; did you mean 'x'?"} for the closest candidate within a few edits, else "". */
    static String didYouMean(String typed, Collection<String> candidates) {
        String best = closest(typed, candidates);
        return best == null ? "" : "; did you mean '" + best + "'?";
    }

    /**
     * The candidate with the fewest edits (Levenshtein) from {@code typed}, if at most a third of
     * its length (dashes not counted; at least 1, at most 3) edits away.
     */
    static String closest(String typed, Collection<String> candidates) {
        String t = typed.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(t, c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        int allowed = Math.max(1, Math.min(3, t.replaceFirst("^-+", "").length() / 3));
        return best != null && bestDistance <= allowed ? best : null;
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return prev[b.length()];
    }
}
