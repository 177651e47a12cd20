package org.rareset.annotate;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rareset.core.InputException;

/**
 * A source file and the columns to take from it, as written on the command line:
 * {@code FILE:COL[=NAME][,COL[=NAME]...]} ({@code --table}, {@code --info}).
 *
 * @param columns source column to output name, in the order given
 */
public record ColumnSpec(Path file, Map<String, String> columns) {
    /** Parses {@code FILE:COL[=NAME],COL...}; a malformed spec is an error naming {@code option}. */
    public static ColumnSpec parse(String option, String spec) {
        int colon = spec.lastIndexOf(':');
        if (colon <= 0 || colon == spec.length() - 1) {
            throw new InputException(option, null, "'" + spec + "' is not FILE:COLUMN[=NAME][,COLUMN...]",
                    "e.g. " + option + " scores.tsv.gz:score=my_score");
        }
        return new ColumnSpec(Path.of(spec.substring(0, colon)),
                renames(option, List.of(spec.substring(colon + 1).split(","))));
    }

    /** {@code A=B,C} into {A: B, C: C}; a malformed entry is an error naming {@code option}. */
    public static Map<String, String> renames(String option, List<String> specs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String s : specs) {
            if (s.isBlank()) continue;
            int eq = s.indexOf('=');
            String from = eq < 0 ? s : s.substring(0, eq);
            String to = eq < 0 ? s : s.substring(eq + 1);
            if (from.isEmpty() || to.isEmpty()) throw new InputException(option, null, "'" + s + "' is not FIELD or FIELD=NAME", null);
            m.put(from, to);
        }
        return m;
    }
}
