package org.rareset.cli.risk;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.rareset.association.risk.Enrichment;
import org.rareset.association.risk.RiskStratification;

/** Writes the risk TSV of held-out individuals atomically (temporary name, then rename). */
final class RiskTable {
    private RiskTable() {}

    static void write(Path out, List<String> comments, List<String> samples, RiskStratification.Result r) throws IOException {
        org.rareset.annotate.output.OutputFiles.write(out, tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                for (String c : comments) w.write(c + "\n");
                w.write("sample\tobserved\tpredicted\tpercentile\n");
                for (int i = 0; i < r.testIndex().length; i++) {
                    w.write(String.format(Locale.ROOT, "%s\t%s\t%.6g\t%.3f%n", samples.get(r.testIndex()[i]),
                            RiskCommand.trim(r.observed()[i]), r.predicted()[i], r.percentile()[i]));
                }
            }
        });
    }

    static String format(Enrichment.Row row) {
        return String.format(Locale.ROOT, "%s\t%d\t%d\t%.6g\t%.6g\t%.6g", RiskCommand.trim(row.fraction()), row.nTop(), row.nRest(),
                row.top(), row.rest(), row.enrichment());
    }
}
