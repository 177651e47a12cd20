package org.rareset.cli.pipeline;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What a finished step recorded in {@code manifest.json} in its folder: its command lines (with the
 * step folder as {@link Step#STAGING}), parameters and input checksums. A step is up to date when a
 * new manifest computed before running would be equal (timestamps and durations aside).
 */
final class Manifest {
    static final String FILE = "manifest.json";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /** The JSON content; field names are the file format. */
    static final class Content {
        int format = 1;
        String step;
        String rareset_version;
        List<String> commands;
        Map<String, String> params;
        List<Checksums.Entry> inputs;
        String finished;
        double seconds;
    }

    private Manifest() {}

    static Content expected(Step step, Map<String, Checksums.Entry> previous) {
        return expected(step, previous, UnaryOperator.identity());
    }

    /** The same, reading each input where {@code at} says it lies now (see {@link Checksums#of(Path, Path, Map)}). */
    static Content expected(Step step, Map<String, Checksums.Entry> previous, UnaryOperator<Path> at) {
        Content c = work(step);
        c.inputs = step.inputs().stream().map(p -> Checksums.of(p, at.apply(p), previous)).toList();
        return c;
    }

    /** What the step does, without its inputs' checksums: commands (no --threads), parameters, version. */
    static Content work(Step step) {
        Content c = new Content();
        c.step = step.name();
        c.rareset_version = version();
        c.commands = step.invocations().stream().map(i -> i.command() + " " + String.join(" ", withoutThreads(i.args()))).toList();
        c.params = new LinkedHashMap<>(step.params());
        return c;
    }

    /** --threads changes speed, not results: it is not part of what makes a step up to date. */
    static List<String> withoutThreads(List<String> args) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--threads")) {
                i++;
                continue;
            }
            out.add(args.get(i));
        }
        return out;
    }

    /**
     * Why a step that last recorded {@code previous} must run again to give {@code expected}, in the
     * words {@code --dry-run} prints; null when the work is the same (timestamps aside).
     */
    static String difference(Content previous, Content expected) {
        if (previous == null || previous.commands == null || previous.params == null || previous.inputs == null) {
            return "not run yet (no " + FILE + ")";
        }
        if (!String.valueOf(previous.rareset_version).equals(String.valueOf(expected.rareset_version))) {
            return "RareSet version changed: " + previous.rareset_version + " -> " + expected.rareset_version;
        }
        if (!previous.commands.equals(expected.commands)) {
            for (int i = 0; i < Math.max(previous.commands.size(), expected.commands.size()); i++) {
                String was = i < previous.commands.size() ? previous.commands.get(i) : "(none)";
                String now = i < expected.commands.size() ? expected.commands.get(i) : "(none)";
                if (!was.equals(now)) return "command changed: was '" + was + "', now '" + now + "'";
            }
        }
        if (!previous.params.equals(expected.params)) {
            java.util.Set<String> keys = new java.util.TreeSet<>(previous.params.keySet());
            keys.addAll(expected.params.keySet());
            for (String k : keys) {
                String was = previous.params.get(k), now = expected.params.get(k);
                if (!java.util.Objects.equals(was, now)) return "option changed: " + k + " was " + was + ", now " + now;
            }
        }
        Map<String, Checksums.Entry> before = byPath(previous);
        for (Checksums.Entry e : expected.inputs) {
            Checksums.Entry b = before.get(e.path());
            if (b == null) return "new input: " + e.path();
            if (!b.sha256().equals(e.sha256())) return "input changed: " + e.path();
        }
        if (previous.inputs.size() != expected.inputs.size()) return "input no longer read: "
                + previous.inputs.stream().map(Checksums.Entry::path).filter(p -> expected.inputs.stream().noneMatch(x -> x.path().equals(p)))
                .findFirst().orElse("?");
        return null;
    }

    static Content read(Path dir) {
        Path f = dir.resolve(FILE);
        if (!Files.isRegularFile(f)) return null;
        try {
            return GSON.fromJson(Files.readString(f, StandardCharsets.UTF_8), Content.class);
        } catch (IOException | JsonParseException e) {
            return null; // unreadable: the step simply runs again
        }
    }

    static void write(Path dir, Content c) throws IOException {
        Files.writeString(dir.resolve(FILE), GSON.toJson(c) + "\n", StandardCharsets.UTF_8);
    }

    static Map<String, Checksums.Entry> byPath(Content c) {
        Map<String, Checksums.Entry> m = new LinkedHashMap<>();
        if (c != null && c.inputs != null) for (Checksums.Entry e : c.inputs) m.put(e.path(), e);
        return m;
    }

    static String version() {
        String v = Manifest.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }
}
