package org.rareset.association.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rareset.association.input.TraitData;
import org.rareset.core.formats.AssocSideFile;
import org.rareset.association.nullmodel.TraitType;
import org.rareset.core.output.OutputFiles;

/**
 * {@code <base>.settings.tsv}: what an association run did, for the report's methods block and for
 * anyone reading the results later: {@code scope key value} rows, scope {@code run} for the
 * settings (version, tests, masks, MAF limits, weights...) and the phenotype's name for its sample
 * and case counts.
 */
public final class SettingsWriter {
    public static final String RUN = AssocSideFile.Settings.RUN;

    private final Map<String, String> run = new LinkedHashMap<>();

    /** Adds a run-wide setting (insertion order is kept). */
    public SettingsWriter put(String key, Object value) {
        run.put(key, String.valueOf(value).replace('\t', ' ').replace('\n', ' '));
        return this;
    }

    /** A writer with the same settings so far, to which one part of a run adds its own. */
    public SettingsWriter copy() {
        SettingsWriter c = new SettingsWriter();
        c.run.putAll(run);
        return c;
    }

    public static Path path(Path out) {
        Path b = SummaryWriter.base(out);
        return b.resolveSibling(b.getFileName() + ".settings.tsv");
    }

    public void write(Path file, List<TraitData> traits) throws IOException {
        OutputFiles.write(file, tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write(AssocSideFile.header(AssocSideFile.Settings.COLUMNS));
                for (Map.Entry<String, String> e : run.entrySet()) w.write(RUN + "\t" + e.getKey() + "\t" + e.getValue() + "\n");
                for (TraitData t : traits) {
                    boolean binary = t.type() == TraitType.BINARY;
                    w.write(t.name() + "\ttrait_type\t" + (binary ? "binary" : "quantitative") + "\n");
                    w.write(t.name() + "\tn_samples\t" + t.sampleCount() + "\n");
                    if (binary) {
                        w.write(t.name() + "\tn_cases\t" + t.cases() + "\n");
                        w.write(t.name() + "\tn_controls\t" + (t.sampleCount() - t.cases()) + "\n");
                    }
                    w.write(t.name() + "\tn_missing_dropped\t" + t.droppedMissing() + "\n");
                    w.write(t.name() + "\tcovariates\t" + String.join(",", t.covariateNames()) + "\n");
                }
            }
        });
    }
}
