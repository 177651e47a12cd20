package org.rareset.association.gene;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The available gene tests by name. */
public final class GeneTests {
    private static final Map<String, GeneTest> BY_NAME = new LinkedHashMap<>();

    static {
        for (GeneTest t : List.of(Burden.INSTANCE, Skat.INSTANCE, SkatO.INSTANCE, AcatV.INSTANCE, AcatO.INSTANCE)) {
            BY_NAME.put(t.name(), t);
        }
    }

    private GeneTests() {}

    /** All tests, in the order burden, skat, skato, acatv, acato. */
    public static List<GeneTest> all() {
        return List.copyOf(BY_NAME.values());
    }

    /** Names of all tests. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /** The test called {@code name} (case-insensitive), or null when there is none. */
    public static GeneTest byName(String name) {
        return BY_NAME.get(name.trim().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Parses a comma-separated list such as {@code burden,skat}.
     *
     * @throws IllegalArgumentException naming the unknown test (the caller lists the valid names,
     *         which may include tests outside this registry)
     */
    public static List<GeneTest> parse(String list) {
        List<GeneTest> out = new ArrayList<>();
        for (String s : list.split(",")) {
            if (s.isBlank()) continue;
            GeneTest t = byName(s);
            if (t == null) throw new IllegalArgumentException("unknown test '" + s.trim() + "'");
            if (!out.contains(t)) out.add(t);
        }
        return out;
    }
}
