package org.rareset.simulate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the simulator's TSV outputs back for tests: header plus rows of fields. */
record CohortFiles(List<String> header, List<String[]> rows) {
    static CohortFiles read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String first = lines.get(0).startsWith("#") ? lines.get(0).substring(1) : lines.get(0);
        List<String[]> rows = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) rows.add(l.split("\t", -1));
        return new CohortFiles(List.of(first.split("\t")), rows);
    }

    int col(String name) {
        int i = header.indexOf(name);
        if (i < 0) throw new AssertionError("no column " + name + " in " + header);
        return i;
    }
}
