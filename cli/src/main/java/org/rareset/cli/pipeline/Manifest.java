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
        Content c = new Content();
        c.step = step.name();
        c.rareset_version = version();
        c.commands = step.invocations().stream().map(i -> i.command() + " " + String.join(" ", withoutThreads(i.args()))).toList();
        c.params = new LinkedHashMap<>(step.params());
        c.inputs = step.inputs().stream().map(p -> Checksums.of(p, previous)).toList();
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

    static boolean sameWork(Content a, Content b) {
        if (a == null || b == null) return false;
        if (!a.commands.equals(b.commands) || !a.params.equals(b.params) || a.inputs.size() != b.inputs.size()) return false;
        if (!String.valueOf(a.rareset_version).equals(String.valueOf(b.rareset_version))) return false;
        for (int i = 0; i < a.inputs.size(); i++) {
            Checksums.Entry x = a.inputs.get(i), y = b.inputs.get(i);
            if (!x.path().equals(y.path()) || !x.sha256().equals(y.sha256())) return false;
        }
        return true;
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
